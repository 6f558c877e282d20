using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Tsig;
using static SecondaryPortal.Dns.Tests.Tsig.TsigTestMessages;

namespace SecondaryPortal.Dns.Tests.Tsig;

/// <summary>
/// Multi-message responses (RFC 8945 §5.3.1). Streams are described by a pattern, one letter per message:
/// S signed, U unsigned; the reference signer computes every MAC from the documented digest layout.
/// </summary>
public sealed class TsigStreamTests
{
    private readonly ManualTimeProvider _clock = new((long)Now);

    [Theory]
    [MemberData(nameof(TestKey.AlgorithmMnemonics), MemberType = typeof(TestKey))]
    public void Feed_EveryMessageSigned_IsOkToTheEnd(string algorithm)
    {
        var key = TestKey.For(algorithm);
        var request = SignRequest(key);
        using var verifier = new TsigStreamVerifier(request, _clock);
        foreach (var message in ReferenceStream(key, request, "SSSSS"))
            Assert.Equal(TsigStatus.Ok, Feed(verifier, message).Status);
        Assert.Equal(TsigStatus.Ok, verifier.Complete().Status);
        Assert.Equal(5, verifier.MessageCount);
    }

    [Theory]
    [InlineData("SUUSUS")]
    [InlineData("SUS")]
    [InlineData("SSUUUUS")]
    public void Feed_UnsignedIntermediates_AreCoveredByTheNextSignedMessage(string pattern)
    {
        var key = TestKey.For("hmac-sha256");
        var request = SignRequest(key);
        using var verifier = new TsigStreamVerifier(request, _clock);
        foreach (var (message, signed) in ReferenceStream(key, request, pattern).Zip(pattern))
        {
            var result = Feed(verifier, message);
            Assert.Equal(TsigStatus.Ok, result.Status);
            Assert.Equal(signed == 'S', result.Record is not null);
        }
        Assert.Equal(TsigStatus.Ok, verifier.Complete().Status);
    }

    [Fact]
    public void Feed_NinetyNineUnsignedThenSigned_IsOk()
    {
        var key = TestKey.For("hmac-sha1");
        var request = SignRequest(key);
        using var verifier = new TsigStreamVerifier(request, _clock);
        var results = ReferenceStream(key, request, "S" + new string('U', 99) + "S").Select(m => Feed(verifier, m)).ToList();
        Assert.All(results, r => Assert.Equal(TsigStatus.Ok, r.Status));
        Assert.Equal(TsigStatus.Ok, verifier.Complete().Status);
    }

    [Fact]
    public void Feed_HundredUnsignedInARow_Fails()
    {
        var key = TestKey.For("hmac-sha1");
        var request = SignRequest(key);
        using var verifier = new TsigStreamVerifier(request, _clock);
        var messages = ReferenceStream(key, request, "S" + new string('U', 100) + "S");
        for (int i = 0; i < 100; i++)
            Assert.Equal(TsigStatus.Ok, Feed(verifier, messages[i]).Status);
        var hundredth = Feed(verifier, messages[100]);
        Assert.Equal(TsigStatus.Unsigned, hundredth.Status);
        Assert.Contains("100", hundredth.Reason);
        Assert.Same(hundredth, Feed(verifier, messages[101]));
        Assert.Same(hundredth, verifier.Complete());
    }

    [Fact]
    public void Complete_LastMessageUnsigned_Fails()
    {
        var key = TestKey.For("hmac-sha256");
        var request = SignRequest(key);
        using var verifier = new TsigStreamVerifier(request, _clock);
        foreach (var message in ReferenceStream(key, request, "SUSU"))
            Assert.Equal(TsigStatus.Ok, Feed(verifier, message).Status);
        var end = verifier.Complete();
        Assert.Equal(TsigStatus.Unsigned, end.Status);
        Assert.Contains("last message", end.Reason);
    }

    [Fact]
    public void Feed_FirstMessageUnsigned_Fails()
    {
        var key = TestKey.For("hmac-sha256");
        using var verifier = new TsigStreamVerifier(SignRequest(key), _clock);
        Assert.Equal(TsigStatus.Unsigned, Feed(verifier, TransferMessage(0)).Status);
    }

    [Fact]
    public void Complete_NothingFed_Fails()
    {
        using var verifier = new TsigStreamVerifier(SignRequest(TestKey.For("hmac-sha256")), _clock);
        Assert.Equal(TsigStatus.Unsigned, verifier.Complete().Status);
    }

    [Fact]
    public void Feed_TamperedUnsignedMessage_FailsAtTheNextSignedOne()
    {
        var key = TestKey.For("hmac-sha512");
        var request = SignRequest(key);
        using var verifier = new TsigStreamVerifier(request, _clock);
        var messages = ReferenceStream(key, request, "SUUS");
        messages[2] = Flip(messages[2], messages[2].Length - 1, 0x01); // the A record's last address octet
        Assert.Equal(TsigStatus.Ok, Feed(verifier, messages[0]).Status);
        Assert.Equal(TsigStatus.Ok, Feed(verifier, messages[1]).Status);
        Assert.Equal(TsigStatus.Ok, Feed(verifier, messages[2]).Status);
        Assert.Equal(TsigStatus.BadSig, Feed(verifier, messages[3]).Status);
        Assert.Equal(TsigStatus.BadSig, verifier.Complete().Status);
    }

    [Fact]
    public void Feed_MessagesOutOfOrder_FailsWithBadSig()
    {
        var key = TestKey.For("hmac-sha256");
        var request = SignRequest(key);
        using var verifier = new TsigStreamVerifier(request, _clock);
        var messages = ReferenceStream(key, request, "SSS");
        Assert.Equal(TsigStatus.Ok, Feed(verifier, messages[0]).Status);
        Assert.Equal(TsigStatus.BadSig, Feed(verifier, messages[2]).Status);
    }

    [Fact]
    public void Feed_LaterMessageDigestingFullVariables_FailsWithBadSig()
    {
        // A later message's digest has the prior MAC and the timers only (RFC 8945 §4.3.2), not the full variables.
        var key = TestKey.For("hmac-sha256");
        var request = SignRequest(key);
        using var verifier = new TsigStreamVerifier(request, _clock);
        var first = ReferenceTsig.SignResponse(TransferMessage(0), key, request.Mac.ToArray(), Now);
        var second = ReferenceTsig.SignResponse(TransferMessage(1), key, first.Mac, Now);
        Assert.Equal(TsigStatus.Ok, Feed(verifier, first.Bytes).Status);
        Assert.Equal(TsigStatus.BadSig, Feed(verifier, second.Bytes).Status);
    }

    [Fact]
    public void Feed_LaterMessageOutsideTheFudge_FailsWithBadTime()
    {
        var key = TestKey.For("hmac-sha256");
        var request = SignRequest(key);
        using var verifier = new TsigStreamVerifier(request, _clock);
        var messages = ReferenceStream(key, request, "SS");
        Assert.Equal(TsigStatus.Ok, Feed(verifier, messages[0]).Status);
        _clock.UnixSeconds += 301;
        Assert.Equal(TsigStatus.BadTime, Feed(verifier, messages[1]).Status);
    }

    [Fact]
    public void Feed_LaterMessageWithAnotherKey_FailsWithBadKey()
    {
        var key = TestKey.For("hmac-sha256");
        var request = SignRequest(key);
        using var verifier = new TsigStreamVerifier(request, _clock);
        var first = ReferenceTsig.SignResponse(TransferMessage(0), key, request.Mac.ToArray(), Now);
        var other = TestKey.For("hmac-sha256", name: "other.example.");
        var second = ReferenceTsig.SignContinuation(TransferMessage(1), other, first.Mac, [], Now);
        Assert.Equal(TsigStatus.Ok, Feed(verifier, first.Bytes).Status);
        Assert.Equal(TsigStatus.BadKey, Feed(verifier, second.Bytes).Status);
    }

    [Theory]
    [MemberData(nameof(TestKey.AlgorithmMnemonics), MemberType = typeof(TestKey))]
    public void StreamSigner_MatchesTheReference_AndOurVerifierAcceptsIt(string algorithm)
    {
        var key = TestKey.For(algorithm);
        var request = new TsigSigner(_clock).SignRequest(DnsMessage.Parse(Query), key.ToKey(), out var signedRequest);
        var verification = new TsigVerifier(_clock).VerifyRequest(request, DnsMessage.Parse(request), key.ToKeyring());
        const string pattern = "SUUSSUS";
        var expected = ReferenceStream(key, signedRequest, pattern);

        using var signer = new TsigSigner(_clock).CreateStreamSigner(verification);
        using var verifier = new TsigVerifier(_clock).CreateStreamVerifier(signedRequest);
        for (int i = 0; i < pattern.Length; i++)
        {
            var buffer = new byte[1024];
            var message = TransferMessage(i);
            message.CopyTo(buffer, 0);
            int length = message.Length;
            if (pattern[i] == 'S')
                Assert.True(signer.TrySign(buffer, message.Length, out length));
            else
                signer.AddUnsigned(message);
            Assert.Equal(Convert.ToHexString(expected[i]), Convert.ToHexString(buffer, 0, length));
            Assert.Equal(TsigStatus.Ok, Feed(verifier, buffer[..length]).Status);
        }
        Assert.Equal(TsigStatus.Ok, verifier.Complete().Status);
        Assert.Equal(pattern.Length, signer.MessageCount);
    }

    [Fact]
    public void StreamSigner_WhenTheRecordDoesNotFit_ReturnsFalseAndCanRetry()
    {
        var key = TestKey.For("hmac-sha256");
        var request = new TsigSigner(_clock).SignRequest(DnsMessage.Parse(Query), key.ToKey(), out var signedRequest);
        var verification = new TsigVerifier(_clock).VerifyRequest(request, DnsMessage.Parse(request), key.ToKeyring());
        using var signer = new TsigSigner(_clock).CreateStreamSigner(verification);
        var message = TransferMessage(0);
        var small = new byte[message.Length + 10];
        message.CopyTo(small, 0);
        Assert.False(signer.TrySign(small, message.Length, out _));
        var buffer = new byte[1024];
        message.CopyTo(buffer, 0);
        Assert.True(signer.TrySign(buffer, message.Length, out int length));
        using var verifier = new TsigStreamVerifier(signedRequest, _clock);
        Assert.Equal(TsigStatus.Ok, Feed(verifier, buffer[..length]).Status);
    }

    [Fact]
    public void StreamSigner_FirstMessageUnsignedOrRequestNotVerified_Throws()
    {
        var key = TestKey.For("hmac-sha256");
        var request = ReferenceTsig.SignRequest(Query, key, Now).Bytes;
        var verifier = new TsigVerifier(_clock);
        using var signer = new TsigSigner(_clock).CreateStreamSigner(verifier.VerifyRequest(request, DnsMessage.Parse(request), key.ToKeyring()));
        Assert.Throws<InvalidOperationException>(() => signer.AddUnsigned(TransferMessage(0)));
        var badSig = verifier.VerifyRequest(request, DnsMessage.Parse(request), (key with { Secret = [1] }).ToKeyring());
        Assert.Throws<ArgumentException>(() => new TsigSigner(_clock).CreateStreamSigner(badSig));
    }

    /// <summary>The transfer messages for <paramref name="pattern"/>, signed by the reference where it says S.</summary>
    private static List<byte[]> ReferenceStream(TestKey key, TsigSignedRequest request, string pattern)
    {
        var stream = new List<byte[]>();
        var unsignedSince = new List<byte[]>();
        byte[]? priorMac = null;
        for (int i = 0; i < pattern.Length; i++)
        {
            var message = TransferMessage(i);
            if (pattern[i] == 'U')
            {
                unsignedSince.Add(message);
                stream.Add(message);
                continue;
            }
            var signed = priorMac is null
                ? ReferenceTsig.SignResponse(message, key, request.Mac.ToArray(), Now)
                : ReferenceTsig.SignContinuation(message, key, priorMac, unsignedSince, Now);
            priorMac = signed.Mac;
            unsignedSince.Clear();
            stream.Add(signed.Bytes);
        }
        return stream;
    }

    private TsigSignedRequest SignRequest(TestKey key)
    {
        new TsigSigner(_clock).SignRequest(DnsMessage.Parse(Query), key.ToKey(), out var request);
        return request;
    }

    private static TsigVerification Feed(TsigStreamVerifier verifier, byte[] message) => verifier.Feed(message, DnsMessage.Parse(message));
}
