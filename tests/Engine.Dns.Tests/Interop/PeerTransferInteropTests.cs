using System.Net;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Interop;

/// <summary>AXFR and IXFR requests built by our encoder, answered by BIND 9 and Knot, decoded by our decoder.</summary>
public sealed class PeerTransferInteropTests
{
    private static readonly DnsName Zone = DnsName.Parse(PeerServersFixture.Zone);

    [Theory]
    [InlineData("bind")]
    [InlineData("knot")]
    public async Task Axfr_DeliversTheWholeZoneBetweenTwoSoaRecords(string peer)
    {
        await using var server = await StartAsync(peer);
        var records = await AxfrAsync(server);

        Assert.IsType<SoaData>(records[0].Data);
        Assert.Equal(records[0], records[^1]);
        var zone = records.Skip(1).SkipLast(1).ToList();
        Assert.DoesNotContain(zone, r => r.Type == RecordType.SOA);
        int expected = await CountZoneRecordsAsync();
        Assert.Equal(expected - 1, zone.Count);
        Assert.Contains(zone, r => r.Type == (RecordType)65534 && r.Data.ToWire().AsSpan().SequenceEqual(new byte[] { 0xAB, 0xCD, 0xEF }));
        // BIND keeps the owner's case as loaded; Knot stores names lowercased. Either way we keep what was sent.
        var mixed = Assert.Single(zone, r => r.Name == DnsName.Parse("web-mixed.interop.example."));
        Assert.Equal(peer == "bind" ? "WeB-Mixed.interop.example." : "web-mixed.interop.example.", mixed.Name.ToString());
    }

    [Theory]
    [InlineData("bind")]
    [InlineData("knot")]
    public async Task Ixfr_AfterAnUpdate_DeliversTheDifference(string peer)
    {
        await using var server = await StartAsync(peer);
        var before = (SoaData)(await AxfrAsync(server))[0].Data;
        await UpdateAsync(server, "update add added.interop.example. 300 IN A 192.0.2.7\nupdate delete web.interop.example. AAAA\n");

        var request = DnsMessage.CreateQuery(Zone, RecordType.IXFR, 0x1F1F);
        request.Authorities.Add(new DnsRecord(Zone, 0, before));
        var messages = await server.Client.TransferAsync(request.ToArray());
        var records = messages.Select(b => DnsMessage.Parse(b)).SelectMany(m => m.Answers).ToList();

        // RFC 1995 §4: new SOA, old SOA, deletions, new SOA, additions, new SOA.
        var newest = Assert.IsType<SoaData>(records[0].Data);
        Assert.True(new SerialNumber(newest.Serial).IsNewerThan(new SerialNumber(before.Serial)));
        Assert.Equal(before.Serial, Assert.IsType<SoaData>(records[1].Data).Serial);
        Assert.Contains(records, r => r.Name == DnsName.Parse("web.interop.example.") && r.Type == RecordType.AAAA);
        Assert.Contains(records, r => r.Name == DnsName.Parse("added.interop.example.")
            && r.Data is AData a && a.Address.Equals(IPAddress.Parse("192.0.2.7")));
        Assert.Equal(newest.Serial, Assert.IsType<SoaData>(records[^1].Data).Serial);
        foreach (var bytes in messages)
            PeerQueryInteropTests.AssertReencodes(bytes, DnsMessage.Parse(bytes));
    }

    [Theory]
    [InlineData("bind", "hmac-sha256")]
    [InlineData("knot", "hmac-sha512")]
    public async Task SignedIxfr_EveryMessageVerifies_AndCarriesTheDifference(string peer, string algorithm)
    {
        var key = new InteropKey("ixfr-key.example.", algorithm, "c2VjcmV0IGZvciB0aGUgc2lnbmVkIElYRlIgdGVzdA==");
        var tsigKey = TsigKey.Create(key.Name, key.Algorithm, key.SecretBase64);
        await using var server = await StartAsync(peer, key);
        var before = (SoaData)(await AxfrAsync(server, tsigKey))[0].Data;
        await UpdateAsync(server, "update add signed.interop.example. 300 IN TXT \"after\"\n", key);

        var request = DnsMessage.CreateQuery(Zone, RecordType.IXFR, 0x3F3F);
        request.Authorities.Add(new DnsRecord(Zone, 0, before));
        var records = await TransferVerifiedAsync(server, request, tsigKey);

        Assert.Equal(before.Serial, Assert.IsType<SoaData>(records[1].Data).Serial);
        Assert.Contains(records, r => r.Name == DnsName.Parse("signed.interop.example.") && r.Type == RecordType.TXT);
    }

    [Theory]
    [InlineData("bind")]
    [InlineData("knot")]
    public async Task Ixfr_WhenAlreadyCurrent_AnswersWithOneSoa(string peer)
    {
        await using var server = await StartAsync(peer);
        var current = (SoaData)(await AxfrAsync(server))[0].Data;
        var request = DnsMessage.CreateQuery(Zone, RecordType.IXFR, 0x2F2F);
        request.Authorities.Add(new DnsRecord(Zone, 0, current));

        var messages = await server.Client.TransferAsync(request.ToArray());

        var answer = Assert.Single(Assert.Single(messages.Select(b => DnsMessage.Parse(b))).Answers);
        Assert.Equal(current.Serial, Assert.IsType<SoaData>(answer.Data).Serial);
    }

    internal static async Task<ExternalServer> StartAsync(string peer, InteropKey? key = null) => peer switch
    {
        "bind" => await BindServer.StartAsync(PeerServersFixture.Zone, PeerServersFixture.ZoneText, key),
        _ => await KnotServer.StartAsync(PeerServersFixture.Zone, PeerServersFixture.ZoneText, key),
    };

    private static async Task<List<DnsRecord>> AxfrAsync(ExternalServer server, TsigKey? key = null)
    {
        var request = DnsMessage.CreateQuery(Zone, RecordType.AXFR, 0x0A0A);
        if (key is not null)
            return await TransferVerifiedAsync(server, request, key);
        var messages = await server.Client.TransferAsync(request.ToArray());
        var parsed = messages.Select(b => DnsMessage.Parse(b)).ToList();
        Assert.All(parsed, m => Assert.Equal(DnsRcode.NoError, m.Rcode));
        for (int i = 0; i < messages.Count; i++)
            PeerQueryInteropTests.AssertReencodes(messages[i], parsed[i]);
        return parsed.SelectMany(m => m.Answers).ToList();
    }

    /// <summary>Signs the request, runs the transfer and checks every message with the stream verifier (RFC 8945 §5.3.1).</summary>
    private static async Task<List<DnsRecord>> TransferVerifiedAsync(ExternalServer server, DnsMessage request, TsigKey key)
    {
        var bytes = new TsigSigner(TimeProvider.System).SignRequest(request, key, out var signedRequest);
        var messages = await server.Client.TransferAsync(bytes);
        using var verifier = new TsigStreamVerifier(signedRequest, TimeProvider.System);
        var records = new List<DnsRecord>();
        foreach (var message in messages)
        {
            var parsed = DnsMessage.Parse(message);
            var verification = verifier.Feed(message, parsed);
            Assert.True(verification.IsOk, $"{verification}\n{server.Output}");
            records.AddRange(parsed.Answers);
        }
        Assert.True(verifier.Complete().IsOk);
        return records;
    }

    /// <summary>Counts the zone's records as BIND's own compiler sees them (one per line of its canonical output).</summary>
    private static async Task<int> CountZoneRecordsAsync()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "testdata", "zones", "interop.example.zone");
        var (exitCode, output) = await ExternalServer.RunToolAsync("named-compilezone", $"-q -s full -i none -o - {PeerServersFixture.Zone} {path}");
        Assert.Equal(0, exitCode);
        return output.Split('\n').Count(line => line.Length > 0 && !line.StartsWith(';'));
    }

    private static async Task UpdateAsync(ExternalServer server, string commands, InteropKey? key = null)
    {
        string script = $"server 127.0.0.1 {server.Port}\nzone {PeerServersFixture.Zone}\n{commands}send\n";
        string arguments = key is null ? "" : $"-y {key.Algorithm}:{key.Name}:{key.SecretBase64}";
        var (exitCode, output) = await ExternalServer.RunToolAsync("nsupdate", arguments, script);
        Assert.True(exitCode == 0, $"nsupdate failed: {output}\n{server.Output}");
    }
}
