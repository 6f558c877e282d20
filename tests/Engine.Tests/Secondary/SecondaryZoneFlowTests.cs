using System.Diagnostics;
using System.Net;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Tests.Support;
using Xunit.Abstractions;

namespace SecondaryPortal.Engine.Tests.Secondary;

/// <summary>The engine against a primary written in the test, on the real clock: first transfer, NOTIFY, failures.</summary>
public sealed class SecondaryZoneFlowTests(ITestOutputHelper output)
{
    private static readonly DnsName Origin = DnsName.Parse("flow.example.");

    [Fact]
    public async Task AddedZone_IsTransferredStoredAndServed()
    {
        await using var primary = MiniPrimary.Start(Origin, 10, Hosts(5, "192.0.2.1"));
        await using var harness = await SecondaryHarness.StartAsync(output: output);

        await harness.AddZoneAsync(Origin, primary.EndPoint);
        await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) == 10u, TimeSpan.FromSeconds(10), "serial 10 served");

        var answer = await harness.QueryAsync("host0.flow.example.", RecordType.A);
        Assert.Equal(IPAddress.Parse("192.0.2.1"), Assert.IsType<AData>(Assert.Single(answer.Answers).Data).Address);
        var state = await harness.StoredStateAsync(Origin);
        Assert.Equal(ZoneStatus.Active, state!.Status);
        Assert.Equal(10, state.ServedSerial);
        var report = await harness.Catalog.GetReportAsync(Origin);
        Assert.Equal([TransferLogKind.Axfr, TransferLogKind.SoaCheck], report!.RecentTransfers.Select(t => t.Kind));
        Assert.Equal(10, report.Primaries[0].LastSeenSerial);
        var stored = await harness.Store.ExportAsync(Origin);
        Assert.Equal(8, stored.Records.Count); // SOA, NS, ns1 A, five hosts
    }

    [Fact]
    public async Task Notify_FromThePrimary_BringsTheChangeAtOnce()
    {
        await using var primary = MiniPrimary.Start(Origin, 10, Hosts(5, "192.0.2.1"));
        await using var harness = await SecondaryHarness.StartAsync(output: output);
        await harness.AddZoneAsync(Origin, primary.EndPoint);
        await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) == 10u, TimeSpan.FromSeconds(10), "serial 10 served");

        primary.SetZone(Origin, 11, Hosts(5, "192.0.2.99"));
        var stopwatch = Stopwatch.StartNew();
        var ack = await harness.SendNotifyAsync(Origin);
        await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) == 11u, TimeSpan.FromSeconds(10), "serial 11 served");
        stopwatch.Stop();

        Assert.Equal(DnsRcode.NoError, ack.Rcode);
        output.WriteLine($"NOTIFY sent to serial 11 served: {stopwatch.Elapsed.TotalMilliseconds:F1} ms (AXFR-style answer from the test primary)");
        var answer = await harness.QueryAsync("host3.flow.example.", RecordType.A);
        Assert.Equal(IPAddress.Parse("192.0.2.99"), Assert.IsType<AData>(Assert.Single(answer.Answers).Data).Address);
    }

    [Fact]
    public async Task PrimaryDyingMidTransfer_LeavesTheServedZoneExactlyAsItWas()
    {
        await using var primary = MiniPrimary.Start(Origin, 10, Hosts(50, "192.0.2.1"));
        await using var harness = await SecondaryHarness.StartAsync(output: output);
        await harness.AddZoneAsync(Origin, primary.EndPoint);
        await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) == 10u, TimeSpan.FromSeconds(10), "serial 10 served");
        var served = harness.Table.Get(Origin);

        primary.SetZone(Origin, 11, Hosts(50, "192.0.2.99"));
        primary.CutTransfers = true;
        await harness.SendNotifyAsync(Origin);
        await SecondaryHarness.WaitUntilAsync(() => primary.Transfers >= 1 && harness.Engine.TryGetZone(Origin, out var loop) && !loop.IsBusy
            && loop.Zone.Persisted.Status == ZoneStatus.Failing, TimeSpan.FromSeconds(10), "the cut transfer failed");

        Assert.Same(served, harness.Table.Get(Origin));
        var answer = await harness.QueryAsync("host3.flow.example.", RecordType.A);
        Assert.Equal(IPAddress.Parse("192.0.2.1"), Assert.IsType<AData>(Assert.Single(answer.Answers).Data).Address);
        var state = await harness.StoredStateAsync(Origin);
        Assert.Equal(ZoneStatus.Failing, state!.Status);
        Assert.Contains("failed", state.LastError, StringComparison.Ordinal);
        Assert.Equal(10u, (await harness.Store.LoadAsync(Origin)).Snapshot!.Serial);
    }

    private static IEnumerable<DnsRecord> Hosts(int count, string address) => Hosts(Origin, count, address);

    /// <summary>NS and its address, then <paramref name="count"/> hosts with one A record each.</summary>
    internal static IEnumerable<DnsRecord> Hosts(DnsName origin, int count, string address)
    {
        yield return new DnsRecord(origin, 3600, new NsData(DnsName.Parse("ns1", origin)));
        yield return new DnsRecord(DnsName.Parse("ns1", origin), 3600, new AData(IPAddress.Parse("192.0.2.53")));
        for (int i = 0; i < count; i++)
            yield return new DnsRecord(DnsName.Parse($"host{i}", origin), 300, new AData(IPAddress.Parse(address)));
    }
}
