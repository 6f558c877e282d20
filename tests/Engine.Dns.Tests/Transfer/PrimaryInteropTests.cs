using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Tests.Interop;
using SecondaryPortal.Dns.Tests.Support;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Tests.Transfer;

/// <summary>
/// Our transfer client against BIND 9 and Knot as real primaries on loopback: SOA queries, AXFR, IXFR after an
/// nsupdate, IXFR from a serial the primary has no history for, and TSIG with the right and a wrong secret.
/// </summary>
public sealed class PrimaryInteropTests
{
    private const uint Serial = 2024010101; // tests/testdata/zones/interop.example.zone
    private static readonly DnsName Zone = DnsName.Parse(PeerServersFixture.Zone);
    private static readonly InteropKey SharedKey = new("xfr-interop.example.", "hmac-sha256", "dHJhbnNmZXIgY2xpZW50IGludGVyb3Agc2VjcmV0IQ==");
    private static readonly TsigKey Key = TsigKey.Create(SharedKey.Name, SharedKey.Algorithm, SharedKey.SecretBase64);
    private static readonly TsigKey WrongSecret = TsigKey.Create(SharedKey.Name, SharedKey.Algorithm, "bm90IHRoZSBzZWNyZXQgdGhlIHByaW1hcnkgaG9sZHM=");

    private static ZoneTransferClient Client() => new(TimeProvider.System, NullLogger<ZoneTransferClient>.Instance,
        new ZoneTransferClientOptions { ConnectTimeout = TimeSpan.FromSeconds(5), ReadTimeout = TimeSpan.FromSeconds(10), TransferTimeout = TimeSpan.FromSeconds(60) });

    private static PrimaryServer Primary(ExternalServer server, TsigKey? key = null) => new(new IPEndPoint(IPAddress.Loopback, server.Port), key);

    [Theory]
    [InlineData("bind")]
    [InlineData("knot")]
    public async Task QuerySoa_ReturnsTheZonesSerial(string peer)
    {
        await using var server = await PeerTransferInteropTests.StartAsync(peer);

        var result = await Client().QuerySoaAsync(Zone, Primary(server));

        Assert.True(result.IsOk, $"{result.Error}\n{server.Output}");
        Assert.Equal(Serial, result.Soa!.Serial);
        Assert.Equal(SecondaryPortal.Dns.Server.DnsTransport.Udp, result.Transport);
    }

    [Theory]
    [InlineData("bind")]
    [InlineData("knot")]
    public async Task QuerySoa_ForAZoneThePrimaryDoesNotServe_IsRefused(string peer)
    {
        await using var server = await PeerTransferInteropTests.StartAsync(peer);

        var result = await Client().QuerySoaAsync(DnsName.Parse("elsewhere.example."), Primary(server));

        Assert.Equal(SoaQueryOutcome.Refused, result.Outcome);
        Assert.Equal(DnsRcode.Refused, result.Rcode);
        Assert.Contains("answered REFUSED", result.Error);
    }

    [Theory]
    [InlineData("bind")]
    [InlineData("knot")]
    public async Task SignedSoaQuery_Verifies_AndAWrongSecretIsBadTsig(string peer)
    {
        await using var server = await PeerTransferInteropTests.StartAsync(peer, SharedKey);

        var good = await Client().QuerySoaAsync(Zone, Primary(server, Key));
        var bad = await Client().QuerySoaAsync(Zone, Primary(server, WrongSecret));

        Assert.True(good.IsOk, $"{good.Error}\n{server.Output}");
        Assert.Equal(Serial, good.Soa!.Serial);
        Assert.Equal(SoaQueryOutcome.BadTsig, bad.Outcome);
        Assert.Contains("BADSIG", bad.Error);
    }

    [Theory]
    [InlineData("bind")]
    [InlineData("knot")]
    public async Task Axfr_DeliversTheWholeZone(string peer)
    {
        await using var server = await PeerTransferInteropTests.StartAsync(peer);

        var result = await Client().TransferAsync(Zone, Primary(server), current: null);

        Assert.True(result.Outcome == TransferOutcome.Axfr, $"{result.Outcome}: {result.Error}\n{server.Output}");
        Assert.Equal(Serial, Assert.IsType<SoaData>(result.ZoneRecords()[0].Data).Serial);
        Assert.Single(result.ZoneRecords(), r => r.Type == RecordType.SOA);
        Assert.Equal(await CountZoneRecordsAsync(), result.ZoneRecords().Count);
        Assert.Equal(result.ZoneRecords().Count + 1, result.RecordCount); // the closing SOA is counted, not returned
    }

    [Theory]
    [InlineData("bind")]
    [InlineData("knot")]
    public async Task SignedAxfr_OfAZoneInManyMessages_Verifies_AndAWrongSecretIsBadTsig(string peer)
    {
        var zoneText = BigZone(out int records);
        await using ExternalServer server = peer == "bind"
            ? await BindServer.StartAsync("big.example.", zoneText, SharedKey)
            : await KnotServer.StartAsync("big.example.", zoneText, SharedKey);
        var big = DnsName.Parse("big.example.");

        var good = await Client().TransferAsync(big, Primary(server, Key), current: null);
        var bad = await Client().TransferAsync(big, Primary(server, WrongSecret), current: null);

        Assert.True(good.Outcome == TransferOutcome.Axfr, $"{good.Outcome}: {good.Error}\n{server.Output}");
        Assert.Equal(records, good.ZoneRecords().Count);
        Assert.True(good.MessageCount > 1, $"{good.MessageCount} message(s)");
        Assert.Equal(TransferOutcome.BadTsig, bad.Outcome);
        Assert.Contains("rejected our TSIG signature with BADSIG", bad.Error);
        Assert.Null(bad.Built);
    }

    [Theory]
    [InlineData("bind", false)]
    [InlineData("knot", false)]
    [InlineData("bind", true)]
    [InlineData("knot", true)]
    public async Task Ixfr_AfterAnUpdate_DeliversTheDiff_WhichAppliedToOurCopyGivesThePrimarysZone(string peer, bool signed)
    {
        var key = signed ? Key : null;
        await using var server = await PeerTransferInteropTests.StartAsync(peer, signed ? SharedKey : null);
        var client = Client();
        var before = await client.TransferAsync(Zone, Primary(server, key), current: null);
        await UpdateAsync(server, "update add added.interop.example. 300 IN A 192.0.2.7\nupdate delete web.interop.example. AAAA\n", signed ? SharedKey : null);

        var result = await client.TransferAsync(Zone, Primary(server, key), before.Soa);

        Assert.True(result.Outcome == TransferOutcome.Ixfr, $"{result.Outcome}: {result.Error} {result.FallbackReason}\n{server.Output}");
        var diff = Assert.Single(result.Diffs);
        Assert.Equal(Serial, diff.OldSerial);
        Assert.True(new SerialNumber(diff.NewSerial).IsNewerThan(new SerialNumber(Serial)));
        Assert.Contains(diff.Deleted, r => r.Name == DnsName.Parse("web.interop.example.") && r.Type == RecordType.AAAA);
        Assert.Contains(diff.Added, r => r.Name == DnsName.Parse("added.interop.example.") && r.Type == RecordType.A);
        Assert.True(ZoneDiff.TryApply(before.ZoneRecords(), result.Diffs, out var applied, out string? error), error);
        var after = await client.TransferAsync(Zone, Primary(server, key), current: null);
        Assert.Equal(Sorted(after.ZoneRecords()), Sorted(applied));
    }

    [Theory]
    [InlineData("bind")]
    [InlineData("knot")]
    public async Task Ixfr_WhenAlreadyCurrent_IsUpToDate(string peer)
    {
        await using var server = await PeerTransferInteropTests.StartAsync(peer);
        var soa = (await Client().QuerySoaAsync(Zone, Primary(server))).Soa;

        var result = await Client().TransferAsync(Zone, Primary(server), soa);

        Assert.True(result.Outcome == TransferOutcome.UpToDate, $"{result.Outcome}: {result.Error}\n{server.Output}");
        Assert.Equal(1, result.MessageCount);
    }

    [Theory]
    [InlineData("bind")]
    [InlineData("knot")]
    public async Task Ixfr_FromASerialThePrimaryHasNoHistoryFor_EndsAsAFullTransfer(string peer)
    {
        // The primary starts fresh from a changed file (serial + 1) and keeps no history: it never had our serial.
        string changed = PeerServersFixture.ZoneText.Replace($"{Serial}", $"{Serial + 1}").Replace("192.0.2.80", "192.0.2.88");
        await using ExternalServer server = peer == "bind"
            ? await BindServer.StartAsync(PeerServersFixture.Zone, changed, ixfrFromDifferences: false)
            : await KnotServer.StartAsync(PeerServersFixture.Zone, changed, journal: false);
        var ours = new SoaData(DnsName.Parse("ns1.interop.example."), DnsName.Parse("hostmaster.interop.example."), Serial, 7200, 900, 1209600, 300);

        var result = await Client().TransferAsync(Zone, Primary(server), ours);

        Assert.True(result.Outcome == TransferOutcome.Axfr, $"{result.Outcome}: {result.Error}\n{server.Output}");
        Assert.NotNull(result.FallbackReason);
        Assert.Equal(Serial + 1, result.Soa!.Serial);
        Assert.Contains(result.ZoneRecords(), r => r.Data is AData a && a.Address.Equals(IPAddress.Parse("192.0.2.88")));
        Assert.Equal(await CountZoneRecordsAsync(), result.ZoneRecords().Count);
    }

    [Theory]
    [InlineData("bind")]
    [InlineData("knot")]
    public async Task Ixfr_WhenOurSerialIsNewerThanThePrimarys_IsReportedAndNotApplied(string peer)
    {
        await using var server = await PeerTransferInteropTests.StartAsync(peer);
        var ours = new SoaData(DnsName.Parse("ns1.interop.example."), DnsName.Parse("hostmaster.interop.example."), Serial + 5, 7200, 900, 1209600, 300);

        var result = await Client().TransferAsync(Zone, Primary(server), ours);

        Assert.True(result.Outcome == TransferOutcome.PrimaryOlder, $"{result.Outcome}: {result.Error}\n{server.Output}");
        Assert.Equal(Serial, result.Soa!.Serial);
        Assert.Contains("older than ours", result.Error);
        Assert.Null(result.Built);
    }

    private static List<string> Sorted(IEnumerable<DnsRecord> records) =>
        records.Select(r => (r with { Name = r.Name.ToLowerCase() }).ToString()).Order(StringComparer.Ordinal).ToList();

    /// <summary>The zone's records as BIND's own compiler counts them (one per line of its canonical output).</summary>
    private static async Task<int> CountZoneRecordsAsync()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "testdata", "zones", "interop.example.zone");
        var (exitCode, output) = await ExternalServer.RunToolAsync("named-compilezone", $"-q -s full -i none -o - {PeerServersFixture.Zone} {path}");
        Assert.Equal(0, exitCode);
        return output.Split('\n').Count(line => line.Length > 0 && !line.StartsWith(';'));
    }

    private static async Task UpdateAsync(ExternalServer server, string commands, InteropKey? key)
    {
        string script = $"server 127.0.0.1 {server.Port}\nzone {PeerServersFixture.Zone}\n{commands}send\n";
        string arguments = key is null ? "" : $"-y {key.Algorithm}:{key.Name}:{key.SecretBase64}";
        var (exitCode, output) = await ExternalServer.RunToolAsync("nsupdate", arguments, script);
        Assert.True(exitCode == 0, $"nsupdate failed: {output}\n{server.Output}");
    }

    /// <summary>A zone that needs many messages: SOA, NS, A and 1500 TXT records of 200 octets.</summary>
    private static string BigZone(out int records)
    {
        var text = new StringBuilder("$ORIGIN big.example.\n$TTL 300\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ IN NS ns1\nns1 IN A 192.0.2.53\n");
        string filler = new('x', 200);
        for (int i = 0; i < 1500; i++)
            text.Append('r').Append(i).Append(" IN TXT \"").Append(filler).Append("\"\n");
        records = 1503;
        return text.ToString();
    }
}
