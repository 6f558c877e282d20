using SecondaryPortal.Dns.Tests.Support;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Transfer.FakeZone;

namespace SecondaryPortal.Dns.Tests.Transfer;

/// <summary>TSIG-protected SOA queries and transfers (RFC 8945 §5.3.1, §5.4) against primaries written in the test.</summary>
public sealed class TsigFakePrimaryTests
{
    private static readonly TsigKey Key = TsigKey.Create("xfr-key.example.", "hmac-sha256", "c2VjcmV0IGZvciB0aGUgdHJhbnNmZXIgY2xpZW50IHRlc3Rz");
    private static readonly TsigKey OtherSecret = TsigKey.Create("xfr-key.example.", "hmac-sha256", "YW5vdGhlciBzZWNyZXQgZW50aXJlbHkgZGlmZmVyZW50");
    private static readonly TsigSigner Signer = new(TimeProvider.System);

    private static TsigVerification VerifyRequest(byte[] request, TsigKey key) =>
        new TsigVerifier(TimeProvider.System).VerifyRequest(request, DnsMessage.Parse(request), new TsigKeyring([key]));

    /// <summary>Signs the messages of a response stream as a primary holding <paramref name="key"/> would, those <paramref name="signed"/> picks.</summary>
    private static List<byte[]> SignStream(byte[] request, List<byte[]> messages, TsigKey key, Func<int, bool>? signed = null)
    {
        var verification = VerifyRequest(request, key);
        Assert.True(verification.IsOk, verification.ToString());
        using var signer = Signer.CreateStreamSigner(verification);
        var result = new List<byte[]>();
        for (int i = 0; i < messages.Count; i++)
        {
            if (signed is not null && !signed(i))
            {
                signer.AddUnsigned(messages[i]);
                result.Add(messages[i]);
                continue;
            }
            var buffer = new byte[DnsMessage.MaxSize];
            messages[i].CopyTo(buffer, 0);
            Assert.True(signer.TrySign(buffer, messages[i].Length, out int length));
            result.Add(buffer[..length]);
        }
        return result;
    }

    [Fact]
    public async Task SignedAxfr_WhereSomeMessagesAreSigned_VerifiesAndDeliversTheZone()
    {
        var body = Body(60);
        await using var primary = FakePrimary.Start(c =>
            c.SendAllAsync(SignStream(c.RequestBytes, Framed(c.Request, AxfrStream(5, body)), Key, i => i % 3 == 0 || i == 6)));

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint, Key), current: null);

        Assert.Equal(TransferOutcome.Axfr, result.Outcome);
        TransferResultRecords.AssertSameRecords([Soa(5), .. body], result.ZoneRecords());
        Assert.NotNull(Assert.Single(primary.Requests).Tsig);
    }

    [Fact]
    public async Task SignedAxfr_WhenThePrimaryAnswersUnsigned_IsBadTsig()
    {
        await using var primary = FakePrimary.Start(c => c.SendAllAsync(Framed(c.Request, AxfrStream(5, Body(5)))));

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint, Key), current: null);

        Assert.Equal(TransferOutcome.BadTsig, result.Outcome);
        Assert.Contains("not signed with key xfr-key.example.", result.Error);
        Assert.Null(result.Built);
    }

    [Fact]
    public async Task SignedAxfr_WhenAMessageWasAlteredAfterSigning_IsBadTsig()
    {
        await using var primary = FakePrimary.Start(c =>
        {
            var unsigned = Framed(c.Request, AxfrStream(5, Body(40)));
            var messages = SignStream(c.RequestBytes, unsigned, Key);
            messages[2][unsigned[2].Length - 1] ^= 0x01; // the last octet of an A record's address, before the TSIG
            return c.SendAllAsync(messages);
        });

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint, Key), current: null);

        Assert.Equal(TransferOutcome.BadTsig, result.Outcome);
        Assert.Contains("message 3", result.Error);
        Assert.Null(result.Built);
    }

    [Fact]
    public async Task SignedAxfr_WhenTheLastMessageIsUnsigned_IsBadTsig()
    {
        await using var primary = FakePrimary.Start(c =>
        {
            var messages = Framed(c.Request, AxfrStream(5, Body(30)));
            return c.SendAllAsync(SignStream(c.RequestBytes, messages, Key, i => i < messages.Count - 1));
        });

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint, Key), current: null);

        Assert.Equal(TransferOutcome.BadTsig, result.Outcome);
        Assert.Contains("the last message", result.Error);
        Assert.Null(result.Built);
    }

    [Fact]
    public async Task SignedIxfr_WhenThePrimaryRejectsOurSignature_IsBadTsigWithoutFallback()
    {
        await using var primary = FakePrimary.Start(c =>
        {
            var verification = VerifyRequest(c.RequestBytes, OtherSecret);
            Assert.Equal(TsigStatus.BadSig, verification.Status);
            var answer = Reply(c.Request, [], verification.ResponseRcode);
            return c.SendAsync(Signer.SignResponse(answer, verification)); // RFC 8945 §5.3.2: NOTAUTH, TSIG error BADSIG, unsigned
        });

        var result = await Client().TransferAsync(Zone, new PrimaryServer(primary.EndPoint, Key), SoaData(4));

        Assert.Equal(TransferOutcome.BadTsig, result.Outcome);
        Assert.Contains("rejected our TSIG signature with BADSIG", result.Error);
        Assert.Contains("secret of key xfr-key.example. differs", result.Error);
        Assert.Null(result.FallbackReason);
        Assert.Equal(1, primary.TcpConnections);
    }

    [Fact]
    public async Task SignedSoaQuery_WhenTheAnswerIsSigned_Verifies()
    {
        await using var primary = FakePrimary.Start(onUdp: (request, _) =>
            [Signer.SignResponse(Reply(DnsMessage.Parse(request), [Soa(9)]), VerifyRequest(request, Key))]);

        var result = await Client().QuerySoaAsync(Zone, new PrimaryServer(primary.EndPoint, Key));

        Assert.Equal(SoaQueryOutcome.Ok, result.Outcome);
        Assert.Equal(9u, result.Soa!.Serial);
    }

    [Fact]
    public async Task SignedSoaQuery_IgnoresAnAnswerSignedWithAnotherSecret_AndTakesTheGenuineOne()
    {
        await using var primary = FakePrimary.Start(onUdp: (request, _) =>
        {
            var reply = Reply(DnsMessage.Parse(request), [Soa(9)]);
            var forged = Reply(DnsMessage.Parse(request), [Soa(666)]);
            return [Signer.SignResponse(forged, Forge(request)), Signer.SignResponse(reply, VerifyRequest(request, Key))];
        });

        var result = await Client().QuerySoaAsync(Zone, new PrimaryServer(primary.EndPoint, Key));

        Assert.Equal(SoaQueryOutcome.Ok, result.Outcome);
        Assert.Equal(9u, result.Soa!.Serial);
    }

    [Fact]
    public async Task SignedSoaQuery_WhenOnlyUnverifiableAnswersCome_IsBadTsig()
    {
        await using var primary = FakePrimary.Start(onUdp: (request, _) => [Reply(DnsMessage.Parse(request), [Soa(9)]).ToArray()]);

        var result = await Client(QuickOptions with { SoaTcpFallback = false }).QuerySoaAsync(Zone, new PrimaryServer(primary.EndPoint, Key));

        Assert.Equal(SoaQueryOutcome.BadTsig, result.Outcome);
        Assert.Contains("not signed with key xfr-key.example.", result.Error);
        Assert.Null(result.Soa);
    }

    [Fact]
    public async Task SignedSoaQuery_WhenThePrimaryDoesNotKnowTheKey_IsBadTsigAtOnce()
    {
        await using var primary = FakePrimary.Start(onUdp: (request, _) =>
        {
            var verification = new TsigVerifier(TimeProvider.System).VerifyRequest(request, DnsMessage.Parse(request), TsigKeyring.Empty);
            return [Signer.SignResponse(Reply(DnsMessage.Parse(request), [], verification.ResponseRcode), verification)];
        });

        var result = await Client(QuickOptions with { UdpTimeout = TimeSpan.FromSeconds(5) }).QuerySoaAsync(Zone, new PrimaryServer(primary.EndPoint, Key));

        Assert.Equal(SoaQueryOutcome.BadTsig, result.Outcome);
        Assert.Contains("BADKEY: it does not know key xfr-key.example. with algorithm hmac-sha256", result.Error);
        Assert.Equal(1, primary.Datagrams);
    }

    /// <summary>What an attacker who knows the key name but not the secret can sign with.</summary>
    private static TsigVerification Forge(byte[] request)
    {
        var message = DnsMessage.Parse(request);
        message.Tsig = null;
        var resigned = Signer.SignRequest(message, OtherSecret, out _);
        return VerifyRequest(resigned, OtherSecret);
    }
}
