using System.Net;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Tests.Support;
using SecondaryPortal.Engine.Zones;
using Xunit.Abstractions;

namespace SecondaryPortal.Engine.Tests.Secondary;

/// <summary>The transfer history says which records each transfer added and removed.</summary>
public sealed class TransferChangesTests(ITestOutputHelper output)
{
    private static readonly DnsName Origin = DnsName.Parse("changes.example.");

    [Fact]
    public async Task Ixfr_LogsTheRecordsItAddedAndRemoved()
    {
        await using var primary = MiniPrimary.Start(Origin, 10, SecondaryZoneFlowTests.Hosts(Origin, 5, "192.0.2.1"));
        primary.ServeIxfr = true;
        await using var harness = await SecondaryHarness.StartAsync(output: output);
        await harness.AddZoneAsync(Origin, primary.EndPoint);
        await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) == 10u, TimeSpan.FromSeconds(15), "serial 10 served");

        var next = SecondaryZoneFlowTests.Hosts(Origin, 5, "192.0.2.1")
            .Select(r => r.Name.Equals(DnsName.Parse("host0", Origin)) ? r with { Data = new AData(IPAddress.Parse("192.0.2.9")) } : r)
            .Append(new DnsRecord(DnsName.Parse("www", Origin), 300, new AData(IPAddress.Parse("192.0.2.80"))));
        primary.SetZone(Origin, 11, next);
        await harness.SendNotifyAsync(Origin);
        await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) == 11u, TimeSpan.FromSeconds(15), "serial 11 served");

        var log = (await harness.Catalog.GetReportAsync(Origin))!.RecentTransfers;
        var ixfr = log.First(l => l.Kind == TransferLogKind.Ixfr);
        Assert.Equal((2, 1), (ixfr.Added, ixfr.Removed));
        Assert.Equal(
            "- host0.changes.example. 300 IN A 192.0.2.1\n+ host0.changes.example. 300 IN A 192.0.2.9\n+ www.changes.example. 300 IN A 192.0.2.80",
            ixfr.Changes);
        var axfr = log.Single(l => l.Kind == TransferLogKind.Axfr);
        Assert.Equal((8, 0, (string?)null), (axfr.Added, axfr.Removed, axfr.Changes)); // the first transfer: every record, none listed
    }

    [Fact]
    public void FromDiffs_ListsAtMostMaxLines_AndSaysHowManyMore()
    {
        var soa1 = Soa(1);
        var added = Enumerable.Range(0, TransferChanges.MaxLines + 5)
            .Select(i => new DnsRecord(DnsName.Parse($"h{i}", Origin), 60, new AData(IPAddress.Parse("192.0.2.1")))).ToList();

        var summary = TransferChanges.FromDiffs([new ZoneDiff(soa1, Soa(2), [], added)]);

        var lines = summary.Text!.Split('\n');
        Assert.Equal((TransferChanges.MaxLines + 5, 0), (summary.Added, summary.Removed));
        Assert.Equal(TransferChanges.MaxLines + 1, lines.Length);
        Assert.Equal("+ h0.changes.example. 60 IN A 192.0.2.1", lines[0]);
        Assert.Equal("... and 5 more", lines[^1]);
    }

    [Fact]
    public void FromSnapshots_AgainstThePreviousCopy_CountsOnlyWhatDiffers()
    {
        var before = Dns.ZoneData.ZoneSnapshot.Build(Origin, SecondaryZoneFlowTests.Hosts(Origin, 3, "192.0.2.1").Prepend(Soa(1))).Snapshot!;
        var after = Dns.ZoneData.ZoneSnapshot.Build(Origin, SecondaryZoneFlowTests.Hosts(Origin, 2, "192.0.2.1").Prepend(Soa(2))).Snapshot!;

        var summary = TransferChanges.FromSnapshots(before, after);

        Assert.Equal((0, 1, "- host2.changes.example. 300 IN A 192.0.2.1"), (summary.Added, summary.Removed, summary.Text));
    }

    private static DnsRecord Soa(uint serial) =>
        new(Origin, 3600, new SoaData(DnsName.Parse("ns1", Origin), DnsName.Parse("hostmaster", Origin), serial, 7200, 900, 1209600, 300));
}
