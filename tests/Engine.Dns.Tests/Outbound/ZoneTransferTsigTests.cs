using SecondaryPortal.Dns.Tests.Support;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Tests.Transfer;
using SecondaryPortal.Dns.Tests.Tsig;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Outbound.OutboundZones;

namespace SecondaryPortal.Dns.Tests.Outbound;

/// <summary>Signed transfer requests (RFC 8945): every message of the answer signed, errors answered as §5.3.2 says.</summary>
public sealed class ZoneTransferTsigTests
{
    private static readonly TsigKey Key = TestKey.For("hmac-sha256", "xfr-key.example.").ToKey();
    private static readonly TsigKey OtherSecret = TestKey.For("hmac-sha256", "xfr-key.example.", new byte[32]).ToKey();
    private static readonly TsigKey UnknownKey = TestKey.For("hmac-sha256", "unknown-key.example.").ToKey();

    [Fact]
    public async Task SignedAxfr_EveryMessageIsSigned_AndTheStreamVerifies()
    {
        await using var server = await TransferTestServer.StartAsync(Large(3000), keys: new TsigKeyring([Key]));
        var bytes = new TsigSigner(TimeProvider.System).SignRequest(RawTransfer.Request(Origin, RecordType.AXFR), Key, out var signed);

        var messages = await RawTransfer.ExchangeAsync(server.TcpEndPoint, bytes);

        using var verifier = new TsigStreamVerifier(signed, TimeProvider.System);
        Assert.True(messages.Count > 1);
        foreach (var message in messages)
        {
            var parsed = DnsMessage.Parse(message);
            Assert.NotNull(parsed.Tsig);
            var verification = verifier.Feed(message, parsed);
            Assert.True(verification.IsOk, verification.ToString());
        }
        Assert.True(verifier.Complete().IsOk);
    }

    [Fact]
    public async Task SignedAxfr_ThroughOurClient_Succeeds_AndThePolicySeesTheKey()
    {
        var zone = Snapshot(Text(4));
        var policy = new FakeTransferPolicy();
        policy.Entries.Add(TransferAclEntry.Parse("key:xfr-key.example."));
        await using var server = await TransferTestServer.StartAsync(zone, policy, keys: new TsigKeyring([Key]));

        var signedResult = await FakeZone.Client().TransferAsync(Origin, server.Primary(Key), current: null);
        var unsignedResult = await FakeZone.Client().TransferAsync(Origin, server.Primary(), current: null);

        Assert.True(signedResult.Outcome == TransferOutcome.Axfr, signedResult.Error);
        Assert.Equal(Lines(zone.Records()), Lines(signedResult.ZoneRecords()));
        Assert.Equal(TransferOutcome.Refused, unsignedResult.Outcome);
        Assert.Contains(policy.Asked, a => a.Key == Key.Name);
    }

    [Fact]
    public async Task SignedIxfr_FromTheJournal_Verifies()
    {
        var v1 = Snapshot(Text(1));
        var v2 = Snapshot(Text(2, "added IN TXT \"x\""));
        var journal = new FakeJournal();
        journal.Add(ZoneSnapshotDiff.Compute(v1, v2));
        await using var server = await TransferTestServer.StartAsync(v2, journal: journal, keys: new TsigKeyring([Key]));

        var result = await FakeZone.Client().TransferAsync(Origin, server.Primary(Key), (SoaData)v1.Soa.Data);

        Assert.True(result.Outcome == TransferOutcome.Ixfr, $"{result.Outcome}: {result.Error}");
        Assert.Equal(["added.xfr-out.example.\t3600\tIN\tTXT\t\"x\""], result.Diffs.Single().Added.Select(r => r.ToString()));
    }

    [Fact]
    public async Task SignedRequest_WithAnUnknownKey_IsNotAuthWithBadKey_AndUnsigned()
    {
        await using var server = await TransferTestServer.StartAsync(Snapshot(Text(1)), keys: new TsigKeyring([Key]));

        var (response, tsig) = await ExchangeSignedAsync(server, UnknownKey);
        var result = await FakeZone.Client().TransferAsync(Origin, server.Primary(UnknownKey), current: null);

        Assert.Equal(DnsRcode.NotAuth, response.Rcode);
        Assert.Equal(DnsRcode.BadKey, tsig.Error);
        Assert.True(tsig.Mac.IsEmpty);
        Assert.Equal(TransferOutcome.BadTsig, result.Outcome);
        Assert.Contains("BADKEY", result.Error);
    }

    [Fact]
    public async Task SignedRequest_WithTheWrongSecret_IsNotAuthWithBadSig()
    {
        await using var server = await TransferTestServer.StartAsync(Snapshot(Text(1)), keys: new TsigKeyring([Key]));

        var (response, tsig) = await ExchangeSignedAsync(server, OtherSecret);
        var result = await FakeZone.Client().TransferAsync(Origin, server.Primary(OtherSecret), current: null);

        Assert.Equal(DnsRcode.NotAuth, response.Rcode);
        Assert.Equal(DnsRcode.BadSig, tsig.Error);
        Assert.Equal(TransferOutcome.BadTsig, result.Outcome);
        Assert.Contains("BADSIG", result.Error);
    }

    [Fact]
    public async Task SignedRequest_ThatThePolicyDenies_GetsASignedRefusal()
    {
        await using var server = await TransferTestServer.StartAsync(Snapshot(Text(1)), new FakeTransferPolicy(), keys: new TsigKeyring([Key]));
        var bytes = new TsigSigner(TimeProvider.System).SignRequest(RawTransfer.Request(Origin, RecordType.AXFR), Key, out var signed);

        var answer = Assert.Single(await RawTransfer.ExchangeAsync(server.TcpEndPoint, bytes));

        var parsed = DnsMessage.Parse(answer);
        Assert.Equal(DnsRcode.Refused, parsed.Rcode);
        var verification = new TsigVerifier(TimeProvider.System).VerifyResponse(answer, parsed, signed);
        Assert.True(verification.IsOk, verification.ToString());
    }

    [Fact]
    public async Task SignedIxfrOverUdp_GetsASignedSoa()
    {
        var zone = Snapshot(Text(5));
        await using var server = await TransferTestServer.StartAsync(zone, keys: new TsigKeyring([Key]));
        var bytes = new TsigSigner(TimeProvider.System).SignRequest(RawTransfer.Request(Origin, RecordType.IXFR, clientSerial: 1), Key, out var signed);

        var answer = await Server.ServerTestClient.UdpExchangeAsync(server.UdpEndPoint, bytes);

        Assert.NotNull(answer);
        var parsed = DnsMessage.Parse(answer);
        Assert.Equal([zone.Soa.ToString()], parsed.Answers.Select(r => r.ToString()));
        Assert.True(new TsigVerifier(TimeProvider.System).VerifyResponse(answer, parsed, signed).IsOk);
    }

    [Fact]
    public async Task SignedSoaQuery_GetsTheSoaSigned()
    {
        var zone = Snapshot(Text(6));
        await using var server = await TransferTestServer.StartAsync(zone, keys: new TsigKeyring([Key]));
        var query = DnsMessage.CreateQuery(Origin, RecordType.SOA, 0x3131, new Edns());
        var bytes = new TsigSigner(TimeProvider.System).SignRequest(query, Key, out var signed);

        var answer = await Server.ServerTestClient.UdpExchangeAsync(server.UdpEndPoint, bytes);

        var parsed = DnsMessage.Parse(answer!);
        Assert.Equal(DnsRcode.NoError, parsed.Rcode);
        Assert.Equal([zone.Soa.ToString()], parsed.Answers.Select(r => r.ToString()));
        Assert.True(new TsigVerifier(TimeProvider.System).VerifyResponse(answer, parsed, signed).IsOk);
    }

    [Fact]
    public async Task SignedSoaQuery_WithAnUnknownKey_IsNotAuthWithBadKey()
    {
        await using var server = await TransferTestServer.StartAsync(Snapshot(Text(6)), keys: new TsigKeyring([Key]));
        var bytes = new TsigSigner(TimeProvider.System).SignRequest(DnsMessage.CreateQuery(Origin, RecordType.SOA, 0x3132), UnknownKey, out _);

        var parsed = DnsMessage.Parse((await Server.ServerTestClient.UdpExchangeAsync(server.UdpEndPoint, bytes))!);

        Assert.Equal(DnsRcode.NotAuth, parsed.Rcode);
        Assert.Equal(DnsRcode.BadKey, ((TsigData)parsed.Tsig!.Data).Error);
        Assert.Single(parsed.Questions);
    }

    [Fact]
    public async Task UnsignedSoaQuery_GetsAnUnsignedAnswer()
    {
        var zone = Snapshot(Text(6));
        await using var server = await TransferTestServer.StartAsync(zone, keys: new TsigKeyring([Key]));

        var parsed = DnsMessage.Parse((await Server.ServerTestClient.UdpExchangeAsync(server.UdpEndPoint,
            DnsMessage.CreateQuery(Origin, RecordType.SOA, 0x3133).ToArray()))!);

        Assert.Equal([zone.Soa.ToString()], parsed.Answers.Select(r => r.ToString()));
        Assert.Null(parsed.Tsig);
    }

    private static async Task<(DnsMessage Response, TsigData Tsig)> ExchangeSignedAsync(TransferTestServer server, TsigKey key)
    {
        var bytes = new TsigSigner(TimeProvider.System).SignRequest(RawTransfer.Request(Origin, RecordType.AXFR), key, out _);
        var response = DnsMessage.Parse(Assert.Single(await RawTransfer.ExchangeAsync(server.TcpEndPoint, bytes)));
        Assert.NotNull(response.Tsig);
        return (response, (TsigData)response.Tsig.Data);
    }
}
