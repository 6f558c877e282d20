using System.Net;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Events;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Scheduling;
using SecondaryPortal.Engine.Tests.Support;
using Xunit.Abstractions;

namespace SecondaryPortal.Engine.Tests.Secondary;

/// <summary>REFRESH, RETRY and EXPIRE driven by a stepped clock (the timers run on it too): no test sleeps for a timer.</summary>
public sealed class ZoneTimerTests(ITestOutputHelper output)
{
    private static readonly DnsName Origin = DnsName.Parse("timers.example.");
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Refresh_IsDueAfterTheSoaRefreshInterval_NotBefore()
    {
        var clock = new SteppedTimeProvider();
        await using var primary = MiniPrimary.Start(Origin, 1, SecondaryZoneFlowTests.Hosts(Origin, 3, "192.0.2.1"));
        await using var harness = await StartServedAsync(clock, primary);
        int checks = primary.SoaQueries;
        var due = await harness.Timers.GetDueAsync(Origin, ZoneEvent.Refresh);

        await harness.AdvanceAndSettleAsync(clock, TimeSpan.FromSeconds(7199)); // SOA REFRESH 7200: every timer due by now fired
        var stillDue = await harness.Timers.GetDueAsync(Origin, ZoneEvent.Refresh); // a refresh timer that fired reads back otherwise
        int before = primary.SoaQueries;
        clock.Advance(TimeSpan.FromSeconds(2));
        await SecondaryHarness.WaitUntilAsync(() => primary.SoaQueries > checks, Bound, "the refresh's SOA query");

        Assert.NotNull(due);
        Assert.Equal(due, stillDue);
        Assert.Equal(checks, before);
        await WaitIdleAsync(harness);
        var state = await harness.StoredStateAsync(Origin);
        Assert.Equal(ZoneStatus.Active, state!.Status);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(7200), state.NextRefreshAt!.Value, TimeSpan.FromSeconds(1));
        Assert.Equal(state.NextRefreshAt, await harness.Timers.GetDueAsync(Origin, ZoneEvent.Refresh));
    }

    [Fact]
    public async Task Retry_AfterEveryPrimaryFailed_IsDueAfterTheSoaRetryInterval_AndAsksTheNextPrimaryFirst()
    {
        var clock = new SteppedTimeProvider();
        await using var first = MiniPrimary.Start(Origin, 1, SecondaryZoneFlowTests.Hosts(Origin, 3, "192.0.2.1"));
        await using var second = MiniPrimary.Start(Origin, 1, SecondaryZoneFlowTests.Hosts(Origin, 3, "192.0.2.1"));
        await using var harness = await StartServedAsync(clock, first, second);
        first.Stop();
        second.Stop();

        clock.Advance(TimeSpan.FromSeconds(7201));
        await WaitForStatusAsync(harness, ZoneStatus.Failing);
        var failedAt = clock.GetUtcNow();
        var failed = await harness.StoredStateAsync(Origin);
        second.Start();
        var retryDue = await harness.Timers.GetDueAsync(Origin, ZoneEvent.Retry);
        await harness.AdvanceAndSettleAsync(clock, TimeSpan.FromSeconds(899)); // SOA RETRY 900: every timer due by now fired
        var retryStillDue = await harness.Timers.GetDueAsync(Origin, ZoneEvent.Retry); // a retry timer that fired reads back otherwise
        int beforeRetry = second.SoaQueries;
        clock.Advance(TimeSpan.FromSeconds(2));
        await WaitForStatusAsync(harness, ZoneStatus.Active);

        Assert.Equal(failedAt + TimeSpan.FromSeconds(900), failed!.NextRefreshAt!.Value, TimeSpan.FromSeconds(1));
        Assert.Equal(failed.NextRefreshAt, retryDue);
        Assert.Equal(retryDue, retryStillDue);
        Assert.Contains("refused", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(0, beforeRetry);
        var log = (await harness.Catalog.GetReportAsync(Origin))!.RecentTransfers.Reverse().ToList();
        // Oldest first: the first refresh, the failed refresh (first primary, then second), the retry (second first: it answers).
        var failures = log.Where(l => l.Kind == TransferLogKind.Failed).Select(l => l.Primary).ToList();
        Assert.Equal([first.EndPoint.ToString(), second.EndPoint.ToString()], failures);
        Assert.Equal(second.EndPoint.ToString(), log[^1].Primary);
        Assert.Equal(TransferLogKind.UpToDate, log[^1].Kind);
    }

    [Fact]
    public async Task Expire_WithThePrimaryDownPastTheSoaExpire_AnswersServfail_AndTheNextSuccessServesAgain()
    {
        var clock = new SteppedTimeProvider();
        var options = new TransferOptions { MinExpire = TimeSpan.FromMinutes(10) };
        await using var primary = MiniPrimary.Start(Origin, 1, SecondaryZoneFlowTests.Hosts(Origin, 3, "192.0.2.1"));
        primary.SetZone(Origin, 1, SecondaryZoneFlowTests.Hosts(Origin, 3, "192.0.2.1"), refresh: 600, retry: 300, expire: 1800);
        await using var harness = await StartServedAsync(clock, options, primary);
        primary.Stop();

        clock.Advance(TimeSpan.FromSeconds(1790)); // refresh at 600 fails, retries at 900, 1200, 1500 fail
        await WaitForStatusAsync(harness, ZoneStatus.Failing);
        await WaitIdleAsync(harness);
        var beforeExpiry = await harness.QueryAsync("host0.timers.example.", RecordType.A);
        clock.Advance(TimeSpan.FromSeconds(20)); // SOA EXPIRE 1800
        await WaitForStatusAsync(harness, ZoneStatus.Expired);
        var expired = await harness.QueryAsync("host0.timers.example.", RecordType.A);
        var stored = await harness.StoredStateAsync(Origin);
        primary.Start();
        clock.Advance(TimeSpan.FromSeconds(300)); // the next retry
        // On a loaded machine the retry due with EXPIRE can run after the clock moved on, which moves the next one
        // past this step; one more retry interval then brings it.
        if (!await BecomesAsync(harness, ZoneStatus.Active, TimeSpan.FromSeconds(5)))
            clock.Advance(TimeSpan.FromSeconds(300));
        await WaitForStatusAsync(harness, ZoneStatus.Active);
        var back = await harness.QueryAsync("host0.timers.example.", RecordType.A);

        Assert.Equal(DnsRcode.NoError, beforeExpiry.Rcode);
        Assert.Equal(DnsRcode.ServFail, expired.Rcode);
        Assert.Equal(ZoneStatus.Expired, stored!.Status);
        // The retry due at the same moment as EXPIRE may run after it and record its own failure as the last error.
        Assert.False(string.IsNullOrEmpty(stored.LastError));
        Assert.True(harness.Logs.Contains(Microsoft.Extensions.Logging.LogLevel.Error, "expired"));
        Assert.Equal(DnsRcode.NoError, back.Rcode);
        Assert.Single(back.Answers);
    }

    [Fact]
    public async Task Restart_RebuildsTheScheduleFromTheStoredState_AndServesTheStoredCopyWithoutATransfer()
    {
        var clock = new SteppedTimeProvider();
        await using var primary = MiniPrimary.Start(Origin, 1, SecondaryZoneFlowTests.Hosts(Origin, 3, "192.0.2.1"));
        var first = await StartServedAsync(clock, primary);
        var stored = await first.StoredStateAsync(Origin);
        await first.StopAsync();
        int transfers = primary.Transfers;

        clock.Advance(TimeSpan.FromSeconds(600));
        await using var second = await SecondaryHarness.StartAsync(clock, output: output, temp: first.Temp);

        Assert.Equal(1u, second.ServedSerial(Origin));
        Assert.Equal(stored!.NextRefreshAt, await second.Timers.GetDueAsync(Origin, ZoneEvent.Refresh));
        Assert.Equal(stored.ExpiresAt, await second.Timers.GetDueAsync(Origin, ZoneEvent.Expire));
        Assert.Equal(transfers, primary.Transfers);
    }

    [Fact]
    public async Task Restart_AfterTheRefreshWasDue_RefreshesAtOnce()
    {
        var clock = new SteppedTimeProvider();
        await using var primary = MiniPrimary.Start(Origin, 1, SecondaryZoneFlowTests.Hosts(Origin, 3, "192.0.2.1"));
        var first = await StartServedAsync(clock, primary);
        await first.StopAsync();
        int checks = primary.SoaQueries;
        primary.SetZone(Origin, 2, SecondaryZoneFlowTests.Hosts(Origin, 3, "192.0.2.2"));

        clock.Advance(TimeSpan.FromHours(3));
        await using var second = await SecondaryHarness.StartAsync(clock, output: output, temp: first.Temp);
        await SecondaryHarness.WaitUntilAsync(() => second.ServedSerial(Origin) == 2u, Bound, "serial 2 served");

        Assert.True(primary.SoaQueries > checks);
    }

    private async Task<SecondaryHarness> StartServedAsync(SteppedTimeProvider clock, params MiniPrimary[] primaries) =>
        await StartServedAsync(clock, new TransferOptions(), primaries);

    private async Task<SecondaryHarness> StartServedAsync(SteppedTimeProvider clock, TransferOptions options, params MiniPrimary[] primaries)
    {
        var harness = await SecondaryHarness.StartAsync(clock, options, output);
        await harness.AddZoneAsync(Origin, primaries[0].EndPoint, null, primaries.Skip(1).Select(p => p.EndPoint).ToArray());
        await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) is not null, Bound, "the first transfer");
        await WaitIdleAsync(harness);
        return harness;
    }

    private static async Task WaitIdleAsync(SecondaryHarness harness)
    {
        Assert.True(harness.Engine.TryGetZone(Origin, out var loop));
        await SecondaryHarness.WaitUntilAsync(() => !loop.IsBusy, Bound, "the zone's loop idle");
    }

    private static async Task<bool> BecomesAsync(SecondaryHarness harness, ZoneStatus status, TimeSpan within)
    {
        Assert.True(harness.Engine.TryGetZone(Origin, out var loop));
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (loop.Zone.Persisted.Status == status && !loop.IsBusy)
                return true;
            await Task.Delay(50);
        }
        return false;
    }

    private static async Task WaitForStatusAsync(SecondaryHarness harness, ZoneStatus status)
    {
        Assert.True(harness.Engine.TryGetZone(Origin, out var loop));
        await SecondaryHarness.WaitUntilAsync(() => loop.Zone.Persisted.Status == status && !loop.IsBusy, Bound, $"status {status}");
    }
}
