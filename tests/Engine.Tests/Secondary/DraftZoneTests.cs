using System.Net;
using Microsoft.EntityFrameworkCore;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Tests.Support;
using SecondaryPortal.Engine.Zones;
using Xunit.Abstractions;

namespace SecondaryPortal.Engine.Tests.Secondary;

/// <summary>Drafts of the Add Site wizard: transferred and stored, never served until published; discarded whole.</summary>
public sealed class DraftZoneTests(ITestOutputHelper output)
{
    private static readonly DnsName Origin = DnsName.Parse("draft.example.");
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task SecondaryDraft_IsTransferredButNotServed_UntilPublished()
    {
        await using var primary = MiniPrimary.Start(Origin, 10, SecondaryZoneFlowTests.Hosts(Origin, 5, "192.0.2.1"));
        await using var harness = await SecondaryHarness.StartAsync(output: output);

        long zoneId = await AddDraftAsync(harness, primary);
        await WaitTransferredAsync(harness);
        await harness.Publisher.SyncAsync();

        Assert.Null(harness.Table.Get(Origin));
        Assert.Equal(DnsRcode.Refused, (await harness.QueryAsync("host0.draft.example.", RecordType.A)).Rcode);
        var report = await harness.Catalog.GetReportAsync(Origin);
        Assert.True(report!.Zone.IsDraft);
        Assert.True(report.Zone.IsPendingReview);
        Assert.Equal(10, report.State!.ServedSerial);
        Assert.Contains(report.RecentTransfers, t => t.Kind == TransferLogKind.Axfr);
        Assert.Equal(8, (await harness.Store.ExportAsync(Origin)).Records.Count);

        var published = await harness.Drafts.PublishAsync(zoneId);
        await harness.Engine.ReloadAsync();
        await harness.Publisher.SyncAsync();

        Assert.True(published.Succeeded, published.Message);
        Assert.Equal(10u, harness.ServedSerial(Origin));
        var answer = await harness.QueryAsync("host0.draft.example.", RecordType.A);
        Assert.Equal(IPAddress.Parse("192.0.2.1"), Assert.IsType<AData>(Assert.Single(answer.Answers).Data).Address);
        Assert.False((await harness.Catalog.GetReportAsync(Origin))!.Zone.IsDraft);
        Assert.True(harness.Engine.TryGetZone(Origin, out var loop) && !loop.Zone.IsDraft);
    }

    [Fact]
    public async Task PublishedDraft_ServesItsNextTransferAtOnce()
    {
        await using var primary = MiniPrimary.Start(Origin, 10, SecondaryZoneFlowTests.Hosts(Origin, 5, "192.0.2.1"));
        await using var harness = await SecondaryHarness.StartAsync(output: output);
        long zoneId = await AddDraftAsync(harness, primary);
        await WaitTransferredAsync(harness);
        await harness.Drafts.PublishAsync(zoneId);
        await harness.Engine.ReloadAsync();

        primary.SetZone(Origin, 11, SecondaryZoneFlowTests.Hosts(Origin, 5, "192.0.2.99"));
        await harness.SendNotifyAsync(Origin);

        await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) == 11u, Bound, "serial 11 served without a publisher poll");
    }

    [Fact]
    public async Task AuthoritativeDraft_IsStoredButNotServed_UntilPublished()
    {
        await using var harness = await SecondaryHarness.StartAsync(output: output);
        var notified = new List<DnsName>();
        harness.Store.ZoneImported += notified.Add;

        var imported = await harness.Store.ImportAsync(Origin, Zone(1), new ZoneImportOptions { AsDraft = true, OwnerId = "user-1" });
        await harness.Publisher.SyncAsync();

        Assert.True(imported.Succeeded, imported.Message);
        Assert.Null(harness.Table.Get(Origin));
        Assert.Empty(notified); // the NOTIFY service is not told about a draft
        var summary = Assert.Single(await harness.Store.ListOwnedAsync("user-1"));
        Assert.True(summary.IsPendingReview);
        Assert.Empty(await harness.Store.ListOwnedAsync("user-2"));

        Assert.False((await harness.Drafts.PublishAsync(imported.ZoneId, ownerId: "user-2")).Succeeded);
        var published = await harness.Drafts.PublishAsync(imported.ZoneId, ownerId: "user-1");
        await harness.Publisher.SyncAsync();

        Assert.True(published.Succeeded, published.Message);
        Assert.Equal(1u, harness.ServedSerial(Origin));
    }

    [Fact]
    public async Task DraftImport_OverALiveZone_IsRefused_AndTheLiveZoneStays()
    {
        await using var harness = await SecondaryHarness.StartAsync(output: output);
        Assert.True((await harness.Store.ImportAsync(Origin, Zone(1))).Succeeded);

        var draft = await harness.Store.ImportAsync(Origin, Zone(2), new ZoneImportOptions { AsDraft = true });

        Assert.Equal(ZoneImportStatus.Exists, draft.Status);
        Assert.Contains("already stored", draft.Message, StringComparison.Ordinal);
        Assert.Equal(1u, (await harness.Store.LoadAsync(Origin)).Snapshot!.Serial);
    }

    [Fact]
    public async Task Discard_RemovesTheDraftAndEverythingOfIt_AndTheEngineDropsIt()
    {
        await using var primary = MiniPrimary.Start(Origin, 10, SecondaryZoneFlowTests.Hosts(Origin, 5, "192.0.2.1"));
        await using var harness = await SecondaryHarness.StartAsync(output: output);
        long zoneId = await AddDraftAsync(harness, primary);
        await WaitTransferredAsync(harness);

        var discarded = await harness.Drafts.DiscardAsync(zoneId);
        await harness.Engine.ReloadAsync();

        Assert.True(discarded.Succeeded, discarded.Message);
        Assert.False(harness.Engine.TryGetZone(Origin, out _));
        await using var context = harness.Temp.CreateContext();
        Assert.Equal((0, 0, 0, 0, 0), (await context.Zones.CountAsync(), await context.ZoneRecords.CountAsync(), await context.ZonePrimaries.CountAsync(),
            await context.SecondaryZoneStates.CountAsync(), await context.TransferLog.CountAsync()));
    }

    [Fact]
    public async Task Discard_OfALiveZone_IsRefused_AndKeepsIt()
    {
        await using var harness = await SecondaryHarness.StartAsync(output: output);
        var imported = await harness.Store.ImportAsync(Origin, Zone(1));

        var discarded = await harness.Drafts.DiscardAsync(imported.ZoneId);

        Assert.False(discarded.Succeeded);
        Assert.Contains("only a draft", discarded.Message, StringComparison.Ordinal);
        Assert.True((await harness.Store.LoadAsync(Origin)).Snapshot is not null);
    }

    private static async Task<long> AddDraftAsync(SecondaryHarness harness, MiniPrimary primary)
    {
        var added = await harness.Catalog.AddAsync(Origin, [primary.EndPoint], new SecondaryZoneAddOptions { AsDraft = true, OwnerId = "user-1" });
        Assert.True(added.Succeeded, added.Message);
        await harness.Engine.ReloadAsync();
        return added.ZoneId;
    }

    private static Task WaitTransferredAsync(SecondaryHarness harness) =>
        SecondaryHarness.WaitUntilAsync(() => harness.Engine.TryGetZone(Origin, out var loop) && !loop.IsBusy && loop.Zone.Persisted.ServedSerial == 10,
            Bound, "the draft's first transfer stored");

    private static IEnumerable<DnsRecord> Zone(uint serial) =>
        SecondaryZoneFlowTests.Hosts(Origin, 2, "192.0.2.1").Prepend(new DnsRecord(Origin, 3600,
            new SoaData(DnsName.Parse("ns1", Origin), DnsName.Parse("hostmaster", Origin), serial, 7200, 900, 1209600, 300)));
}
