using System.Diagnostics;
using System.Globalization;
using System.Net;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Events;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Tests.Support;
using SecondaryPortal.Engine.Tests.Support.Peers;
using Xunit.Abstractions;

namespace SecondaryPortal.Engine.Tests.Interop;

/// <summary>
/// Our engine as the secondary of real primaries on loopback, BIND 9 and Knot: the first AXFR, changes arriving by NOTIFY
/// and IXFR (and answered by our DNS server), the AXFR fallback of a primary without history, TSIG, and a primary that
/// goes away past the zone's expiry and comes back.
/// </summary>
public sealed class SecondaryInteropTests(ITestOutputHelper output)
{
    private const string Zone = "interop-sec.example.";
    private static readonly DnsName Origin = DnsName.Parse(Zone);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);
    private const int Changes = 12; // Knot sends its NOTIFY about a second after an update: keep the test short
    private static readonly InteropKey Key = new("transfer-key.", "hmac-sha256", "c2VjcmV0IG9mIHRoZSBzZWNvbmRhcnkgaW50ZXJvcCB0ZXN0cw==");

    [Theory]
    [InlineData("bind")]
    [InlineData("knot")]
    public async Task Updates_AtThePrimary_ArriveByNotifyAndIxfr_AndAreAnsweredWithinMilliseconds(string peer)
    {
        await using var harness = await SecondaryHarness.StartAsync(output: output);
        await using var primary = await StartPrimaryAsync(peer, ZoneText(1), harness.DnsEndPoint.Port);
        await harness.AddZoneAsync(Origin, primary.EndPoint);
        await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) is not null, Bound, $"the first transfer\n{primary.Output}");

        var latencies = new List<double>();
        var fromNotify = new List<double>();
        for (int i = 1; i <= Changes; i++)
        {
            uint before = harness.ServedSerial(Origin)!.Value;
            var record = new DnsRecord(DnsName.Parse($"change{i}", Origin), 300, new AData(IPAddress.Parse($"198.51.100.{i}")));
            long notifiedBefore = harness.LastNotifyTimestamp;
            await DnsUpdate.AddAsync(primary.EndPoint, Origin, [record]);
            var stopwatch = Stopwatch.StartNew();
            var spinner = new SpinWait();
            while (harness.ServedSerial(Origin) == before && stopwatch.Elapsed < Bound)
                spinner.SpinOnce();
            latencies.Add(stopwatch.Elapsed.TotalMilliseconds);
            if (harness.LastNotifyTimestamp != notifiedBefore)
                fromNotify.Add(Stopwatch.GetElapsedTime(harness.LastNotifyTimestamp).TotalMilliseconds - (stopwatch.Elapsed.TotalMilliseconds - latencies[^1]));
            var answer = await harness.QueryAsync($"change{i}.{Zone}", RecordType.A);
            Assert.True(answer.Rcode == DnsRcode.NoError && answer.Answers.Count == 1, $"change{i} not answered ({answer.Rcode})\n{primary.Output}");
            await Task.Delay(20);
        }

        var report = await harness.Catalog.GetReportAsync(Origin);
        Assert.Contains(report!.RecentTransfers, t => t.Kind == TransferLogKind.Ixfr);
        Assert.DoesNotContain(report.RecentTransfers, t => t.Kind is TransferLogKind.Axfr or TransferLogKind.Failed);
        latencies.Sort();
        fromNotify.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{peer}: UPDATE answered by the primary -> served by us, {Changes} changes: median {latencies[Changes / 2]:F1} ms, max {latencies[^1]:F1} ms"));
        if (fromNotify.Count > 0)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{peer}: NOTIFY received -> served by us ({fromNotify.Count} changes): median {fromNotify[fromNotify.Count / 2]:F1} ms, max {fromNotify[^1]:F1} ms"));
        Assert.True(latencies[^1] < Bound.TotalMilliseconds);
    }

    [Theory]
    [InlineData("bind")]
    [InlineData("knot")]
    public async Task PrimaryWithoutHistory_AnswersTheIxfrWithTheWholeZone_AndWeTakeIt(string peer)
    {
        await using var harness = await SecondaryHarness.StartAsync(output: output);
        await using var primary = await StartPrimaryAsync(peer, ZoneText(1), harness.DnsEndPoint.Port, history: false);
        await harness.AddZoneAsync(Origin, primary.EndPoint);
        await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) == 1u, Bound, "serial 1 served");

        if (primary is BindPrimary bind)
        {
            bind.WriteZoneFile(ZoneText(2, extra: "late IN A 198.51.100.200"));
            await bind.SignalReloadAsync();
        }
        else
        {
            await DnsUpdate.AddAsync(primary.EndPoint, Origin, [new DnsRecord(DnsName.Parse("late", Origin), 300, new AData(IPAddress.Parse("198.51.100.200")))]);
        }
        await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) is > 1u, Bound, $"the change served\n{primary.Output}");

        var answer = await harness.QueryAsync($"late.{Zone}", RecordType.A);
        Assert.Equal(DnsRcode.NoError, answer.Rcode);
        var newest = (await harness.Catalog.GetReportAsync(Origin))!.RecentTransfers.First(t => t.Kind is TransferLogKind.Axfr or TransferLogKind.Ixfr);
        Assert.Equal(TransferLogKind.Axfr, newest.Kind);
        Assert.Contains("IXFR fell back to AXFR", newest.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tsig_WithTheSharedHmacSha256Key_TransfersAndFollowsNotify()
    {
        await using var harness = await SecondaryHarness.StartAsync(output: output);
        await using var primary = await BindPrimary.StartAsync(Zone, ZoneText(1), harness.DnsEndPoint.Port, Key);
        await harness.AddZoneAsync(Origin, primary.EndPoint, TsigKey.Create(Key.Name, Key.Algorithm, Key.SecretBase64));
        await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) == 1u, Bound, $"serial 1 served\n{primary.Output}");

        await DnsUpdate.AddAsync(primary.EndPoint, Origin, [new DnsRecord(DnsName.Parse("signed", Origin), 300, new TxtData("over tsig"))]);
        await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) is > 1u, Bound, $"the change served\n{primary.Output}");

        Assert.Equal(DnsRcode.NoError, (await harness.QueryAsync($"signed.{Zone}", RecordType.TXT)).Rcode);
        var report = await harness.Catalog.GetReportAsync(Origin);
        Assert.Equal("transfer-key.", report!.Primaries[0].KeyName);
        Assert.Contains(report.RecentTransfers, t => t.Kind == TransferLogKind.Ixfr && t.Primary.Contains("transfer-key.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tsig_WithAWrongSecret_IsRefused_WithAClearLogAndStatus()
    {
        await using var harness = await SecondaryHarness.StartAsync(output: output);
        await using var primary = await BindPrimary.StartAsync(Zone, ZoneText(1), harness.DnsEndPoint.Port, Key);
        var wrong = TsigKey.Create(Key.Name, Key.Algorithm, "bm90IHRoZSBzZWNyZXQgdGhlIHByaW1hcnkgaGFzIQ==");
        await harness.AddZoneAsync(Origin, primary.EndPoint, wrong);
        Assert.True(harness.Engine.TryGetZone(Origin, out var loop));
        await SecondaryHarness.WaitUntilAsync(() => loop.Zone.Persisted.Status == ZoneStatus.Failing && !loop.IsBusy, Bound, "the refresh failed");

        var state = await harness.StoredStateAsync(Origin);
        Assert.Equal(ZoneStatus.Failing, state!.Status);
        Assert.Contains("BadTsig", state.LastError, StringComparison.Ordinal);
        Assert.Null(harness.ServedSerial(Origin));
        Assert.Equal(DnsRcode.ServFail, (await harness.QueryAsync($"www.{Zone}", RecordType.A)).Rcode);
        Assert.True(harness.Logs.Contains(Microsoft.Extensions.Logging.LogLevel.Error, "BadTsig"), "the failure is logged as an error naming TSIG");
        output.WriteLine("last error: " + state.LastError);
    }

    [Fact]
    public async Task PrimaryDownPastExpire_AnswersServfail_AndThePrimaryBackServesItAgain()
    {
        var options = new TransferOptions
        {
            MinRefresh = TimeSpan.FromSeconds(1), MinRetry = TimeSpan.FromSeconds(1), MinExpire = TimeSpan.FromSeconds(3), Jitter = 0,
        };
        await using var harness = await SecondaryHarness.StartAsync(options: options, output: output);
        await using var primary = await BindPrimary.StartAsync(Zone, ZoneText(1, refresh: 2, retry: 1, expire: 4), harness.DnsEndPoint.Port);
        await harness.AddZoneAsync(Origin, primary.EndPoint);
        await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) == 1u, Bound, "serial 1 served");

        await primary.KillAsync();
        var stopwatch = Stopwatch.StartNew();
        await SecondaryHarness.WaitUntilAsync(() => harness.Table.Get(Origin) is null, Bound, "expired");
        output.WriteLine($"expired {stopwatch.ElapsedMilliseconds} ms after the primary was killed (SOA expire 4 s)");
        var expired = await harness.QueryAsync($"www.{Zone}", RecordType.A);
        await primary.StartAgainAsync(Zone);
        await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) == 1u, Bound, "served again");
        var back = await harness.QueryAsync($"www.{Zone}", RecordType.A);

        Assert.Equal(DnsRcode.ServFail, expired.Rcode);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(2), Bound);
        Assert.Equal(DnsRcode.NoError, back.Rcode);
        Assert.Equal(ZoneStatus.Active, (await harness.StoredStateAsync(Origin))!.Status);
    }

    private static async Task<PeerServer> StartPrimaryAsync(string peer, string zoneText, int notifyPort, bool history = true) => peer switch
    {
        "bind" => await BindPrimary.StartAsync(Zone, zoneText, notifyPort, ixfrFromDifferences: history),
        _ => await KnotPrimary.StartAsync(Zone, zoneText, notifyPort, journal: history),
    };

    private static string ZoneText(uint serial, uint refresh = 3600, uint retry = 600, uint expire = 1209600, string extra = "") => $"""
        $ORIGIN {Zone}
        $TTL 300
        @       IN SOA ns1 hostmaster {serial} {refresh} {retry} {expire} 300
                IN NS  ns1
        ns1     IN A   192.0.2.53
        www     IN A   192.0.2.10
        Mixed   IN TXT "hello world"
        {extra}

        """;
}
