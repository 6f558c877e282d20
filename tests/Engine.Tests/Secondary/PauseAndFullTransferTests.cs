using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Events;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Scheduling;
using SecondaryPortal.Engine.Tests.Support;
using Xunit.Abstractions;

namespace SecondaryPortal.Engine.Tests.Secondary;

/// <summary>An operator's pause, resume and full transfer, acted on by a running engine; timers on a stepped clock.</summary>
public sealed class PauseAndFullTransferTests(ITestOutputHelper output)
{
    private static readonly DnsName Origin = DnsName.Parse("paused.example.");
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Pause_StopsTimersAndNotify_AndKeepsServing_ThenResume_RefreshesAtOnce()
    {
        var clock = new SteppedTimeProvider();
        await using var primary = StartQuickPrimary();
        await using var harness = await StartServedAsync(clock, primary);

        var paused = await harness.Catalog.PauseAsync(Origin);
        await harness.Engine.ReloadAsync();
        await WaitForStatusAsync(harness, ZoneStatus.Paused);
        int checks = primary.SoaQueries;
        // Nothing is timed: a timer left behind would fire during the step below, and a fired one-shot timer reads back null.
        var timed = (await harness.Timers.GetDueAsync(Origin, ZoneEvent.Refresh), await harness.Timers.GetDueAsync(Origin, ZoneEvent.Retry));
        primary.SetZone(Origin, 2, SecondaryZoneFlowTests.Hosts(Origin, 3, "192.0.2.2"), refresh: 600, retry: 300, expire: 1800);
        // The handler posts the NOTIFY to the loop before it answers; the loop idle after the answer has handled it, and a
        // refresh it started would have asked the primary for its SOA before the loop went idle.
        var ack = await harness.SendNotifyAsync(Origin);
        await WaitForStatusAsync(harness, ZoneStatus.Paused);
        int afterNotify = primary.SoaQueries;
        await harness.AdvanceAndSettleAsync(clock, TimeSpan.FromSeconds(601)); // past SOA REFRESH: every timer due by now fired
        await WaitForStatusAsync(harness, ZoneStatus.Paused);

        Assert.True(paused.Succeeded, paused.Message);
        Assert.Equal(DnsRcode.NoError, ack.Rcode);
        Assert.Equal(((DateTimeOffset?)null, (DateTimeOffset?)null), timed);
        Assert.Equal(checks, afterNotify);
        Assert.Equal(checks, primary.SoaQueries);
        Assert.Equal(1u, harness.ServedSerial(Origin));
        var state = await harness.StoredStateAsync(Origin);
        Assert.Equal((ZoneStatus.Paused, true, (DateTimeOffset?)null), (state!.Status, state.Paused, state.NextRefreshAt));
        Assert.Null(await harness.Timers.GetDueAsync(Origin, ZoneEvent.Refresh));

        var resumed = await harness.Catalog.ResumeAsync(Origin);
        await harness.Engine.ReloadAsync();

        Assert.True(resumed.Succeeded, resumed.Message);
        await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) == 2u, Bound, "serial 2 served after the resume");
        await WaitForStatusAsync(harness, ZoneStatus.Active);
        Assert.False((await harness.StoredStateAsync(Origin))!.Paused);
    }

    [Fact]
    public async Task PausedZone_StillExpires_AndAResumeServesItAgain()
    {
        var clock = new SteppedTimeProvider();
        await using var primary = StartQuickPrimary();
        await using var harness = await StartServedAsync(clock, primary);
        await harness.Catalog.PauseAsync(Origin);
        await harness.Engine.ReloadAsync();
        await WaitForStatusAsync(harness, ZoneStatus.Paused);

        clock.Advance(TimeSpan.FromSeconds(1801)); // past SOA EXPIRE

        await WaitForStatusAsync(harness, ZoneStatus.Expired);
        Assert.Null(harness.ServedSerial(Origin));
        Assert.Equal(DnsRcode.ServFail, (await harness.QueryAsync("host0.paused.example.", RecordType.A)).Rcode);
        Assert.Contains("expired while paused", (await harness.StoredStateAsync(Origin))!.LastError, StringComparison.Ordinal);

        await harness.Catalog.ResumeAsync(Origin);
        await harness.Engine.ReloadAsync();

        await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) == 1u, Bound, "serial 1 served again");
        await WaitForStatusAsync(harness, ZoneStatus.Active);
    }

    [Fact]
    public async Task FullTransfer_TransfersByAxfr_WhenThePrimaryHasTheSerialWeServe()
    {
        await using var primary = MiniPrimary.Start(Origin, 5, SecondaryZoneFlowTests.Hosts(Origin, 3, "192.0.2.1"));
        await using var harness = await StartServedAsync(TimeProvider.System, primary);
        Assert.Equal(1, primary.AxfrRequests);

        var requested = await harness.Catalog.RequestFullTransferAsync(Origin);
        await harness.Engine.ReloadAsync();

        Assert.True(requested.Succeeded, requested.Message);
        await SecondaryHarness.WaitUntilAsync(() => primary.AxfrRequests == 2, Bound, "a second AXFR");
        Assert.True(harness.Engine.TryGetZone(Origin, out var loop));
        await SecondaryHarness.WaitUntilAsync(() => !loop.IsBusy, Bound, "the zone's loop idle");
        Assert.Equal(0, loop.Zone.FullTransferWanted);
        var report = await harness.Catalog.GetReportAsync(Origin);
        Assert.Equal(2, report!.RecentTransfers.Count(t => t.Kind == TransferLogKind.Axfr && t.Serial == 5));
        Assert.Equal(5u, harness.ServedSerial(Origin));

        var refreshed = await harness.Catalog.RequestRefreshAsync(Origin); // an ordinary refresh after it does not transfer
        await harness.Engine.ReloadAsync();
        await SecondaryHarness.WaitUntilAsync(() => !loop.IsBusy && loop.Zone.Persisted.Status == ZoneStatus.Active, Bound, "the refresh done");
        Assert.True(refreshed.Succeeded);
        Assert.Equal(2, primary.Transfers);
    }

    [Fact]
    public async Task PauseAndFullTransfer_OfAnAuthoritativeZone_AreRefusedWithAReason()
    {
        await using var harness = await SecondaryHarness.StartAsync(output: output);

        var paused = await harness.Catalog.PauseAsync(Origin);
        Assert.Equal((false, $"No zone {Origin} is stored."), (paused.Succeeded, paused.Message));
        await harness.Store.ImportAsync(Origin, SecondaryZoneFlowTests.Hosts(Origin, 1, "192.0.2.1").Prepend(new Dns.Records.DnsRecord(Origin, 3600,
            new Dns.Records.SoaData(DnsName.Parse("ns1", Origin), DnsName.Parse("hostmaster", Origin), 1, 7200, 900, 1209600, 300))));

        var full = await harness.Catalog.RequestFullTransferAsync(Origin);

        Assert.False(full.Succeeded);
        Assert.Contains("authoritative zone", full.Message, StringComparison.Ordinal);
    }

    /// <summary>A primary whose SOA asks for refresh 600 s, retry 300 s, expire 1800 s: a stepped clock passes them in few poll ticks.</summary>
    private static MiniPrimary StartQuickPrimary()
    {
        var primary = MiniPrimary.Start(Origin, 1, SecondaryZoneFlowTests.Hosts(Origin, 3, "192.0.2.1"));
        primary.SetZone(Origin, 1, SecondaryZoneFlowTests.Hosts(Origin, 3, "192.0.2.1"), refresh: 600, retry: 300, expire: 1800);
        return primary;
    }

    private async Task<SecondaryHarness> StartServedAsync(TimeProvider clock, MiniPrimary primary)
    {
        var harness = await SecondaryHarness.StartAsync(clock, new TransferOptions { MinExpire = TimeSpan.FromMinutes(10) }, output);
        await harness.AddZoneAsync(Origin, primary.EndPoint);
        await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) is not null, Bound, "the first transfer");
        await WaitForStatusAsync(harness, ZoneStatus.Active);
        return harness;
    }

    private static async Task WaitForStatusAsync(SecondaryHarness harness, ZoneStatus status)
    {
        Assert.True(harness.Engine.TryGetZone(Origin, out var loop));
        await SecondaryHarness.WaitUntilAsync(() => loop.Zone.Persisted.Status == status && !loop.IsBusy, Bound, $"status {status}");
    }
}
