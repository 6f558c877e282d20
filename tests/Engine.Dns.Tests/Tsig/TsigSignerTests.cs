using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Tsig.TsigTestMessages;

namespace SecondaryPortal.Dns.Tests.Tsig;

public sealed class TsigSignerTests
{
    private readonly ManualTimeProvider _clock = new((long)Now);

    [Theory]
    [MemberData(nameof(TestKey.AlgorithmMnemonics), MemberType = typeof(TestKey))]
    public void TrySignRequest_EveryAlgorithm_AppendsTheReferenceTsig(string algorithm)
    {
        var key = TestKey.For(algorithm);
        var buffer = new byte[512];
        Query.CopyTo(buffer, 0);

        Assert.True(new TsigSigner(_clock).TrySignRequest(buffer, Query.Length, key.ToKey(), out int length, out var request));

        var expected = ReferenceTsig.SignRequest(Query, key, Now);
        Assert.Equal(Convert.ToHexString(expected.Bytes), Convert.ToHexString(buffer, 0, length));
        Assert.Equal(expected.Mac, request.Mac.ToArray());
        Assert.Equal(Now, request.TimeSigned);
        Assert.Equal(0x4d2a, request.Id);
    }

    [Fact]
    public void SignRequest_FromAMessage_GivesTheSameOctetsAsFromBytes()
    {
        var key = TestKey.For("hmac-sha256");
        var signed = new TsigSigner(_clock).SignRequest(DnsMessage.Parse(Query), key.ToKey(), out _);
        Assert.Equal(ReferenceTsig.SignRequest(Query, key, Now).Bytes, signed);
    }

    [Fact]
    public void TrySignRequest_WithATruncatingKey_SendsTheLeadingOctetsOfTheMac()
    {
        var key = TestKey.For("hmac-sha256");
        var signed = new TsigSigner(_clock).SignRequest(DnsMessage.Parse(Query), key.ToKey(macSize: 16), out var request);
        Assert.Equal(ReferenceTsig.SignRequest(Query, key, Now, macSize: 16).Bytes, signed);
        Assert.Equal(16, request.Mac.Length);
    }

    [Fact]
    public void TrySignRequest_WhenTheRecordDoesNotFit_ReturnsFalseAndLeavesArcount()
    {
        var buffer = new byte[Query.Length + 20];
        Query.CopyTo(buffer, 0);
        Assert.False(new TsigSigner(_clock).TrySignRequest(buffer, Query.Length, TestKey.For("hmac-sha256").ToKey(), out int length, out var request));
        Assert.Equal(Query.Length, length);
        Assert.Null(request);
        Assert.Equal(0, buffer[11]);
    }

    [Fact]
    public void SignRequest_MessageAlreadySigned_Throws()
    {
        var key = TestKey.For("hmac-sha1");
        var signed = DnsMessage.Parse(ReferenceTsig.SignRequest(Query, key, Now).Bytes);
        Assert.Throws<InvalidOperationException>(() => new TsigSigner(_clock).SignRequest(signed, key.ToKey(), out _));
    }

    [Theory]
    [MemberData(nameof(TestKey.AlgorithmMnemonics), MemberType = typeof(TestKey))]
    public void SignResponse_ToAVerifiedRequest_DigestsTheRequestMac(string algorithm)
    {
        var key = TestKey.For(algorithm);
        var request = ReferenceTsig.SignRequest(Query, key, Now - 10);
        var verification = Verify(request.Bytes, key.ToKeyring());
        Assert.Equal(TsigStatus.Ok, verification.Status);

        var signed = new TsigSigner(_clock).SignResponse(DnsMessage.Parse(Response), verification);

        // Response is written by our encoder; its octets are what the reference digests.
        var unsigned = DnsMessage.Parse(Response).ToArray();
        Assert.Equal(Convert.ToHexString(ReferenceTsig.SignResponse(unsigned, key, request.Mac, Now).Bytes), Convert.ToHexString(signed));
    }

    [Fact]
    public void SignResponse_ToBadTime_IsSignedWithTheRequestTimeAndTheServerTimeInOtherData()
    {
        var key = TestKey.For("hmac-sha256");
        var request = ReferenceTsig.SignRequest(Query, key, Now - 1000);
        var verification = Verify(request.Bytes, key.ToKeyring());
        Assert.Equal(TsigStatus.BadTime, verification.Status);

        var errorResponse = TsigErrorResponse.Create(DnsMessage.Parse(request.Bytes), verification);
        Assert.Equal(DnsRcode.NotAuth, errorResponse.Rcode);
        var signed = new TsigSigner(_clock).SignResponse(errorResponse, verification);

        // RFC 8945 §5.2.3: time signed is the request's; other data is the server's time (48 bits).
        var expected = ReferenceTsig.SignResponse(errorResponse.ToArray(), key, request.Mac, Now - 1000, error: 18, other: ReferenceTsig.U48(Now));
        Assert.Equal(Convert.ToHexString(expected.Bytes), Convert.ToHexString(signed));
    }

    [Fact]
    public void SignResponse_ToBadSig_IsUnsignedWithAnEmptyMac()
    {
        var key = TestKey.For("hmac-sha256");
        var request = ReferenceTsig.SignRequest(Query, key, Now);
        var verification = Verify(request.Bytes, (key with { Secret = [1, 2, 3] }).ToKeyring());
        Assert.Equal(TsigStatus.BadSig, verification.Status);

        var errorResponse = TsigErrorResponse.Create(DnsMessage.Parse(request.Bytes), verification);
        var signed = new TsigSigner(_clock).SignResponse(errorResponse, verification);

        var expected = ReferenceTsig.Append(errorResponse.ToArray(), ReferenceTsig.Record(key, Now, [], 0x4d2a, 16, []));
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(signed));
    }

    [Fact]
    public void SignResponse_ToBadKey_EchoesTheKeyNameUnsigned()
    {
        var key = TestKey.For("hmac-sha512", name: "unknown.example.");
        var request = ReferenceTsig.SignRequest(Query, key, Now);
        var verification = Verify(request.Bytes, TestKey.For("hmac-sha512").ToKeyring());
        Assert.Equal(TsigStatus.BadKey, verification.Status);

        var errorResponse = TsigErrorResponse.Create(DnsMessage.Parse(request.Bytes), verification);
        var signed = new TsigSigner(_clock).SignResponse(errorResponse, verification);

        var expected = ReferenceTsig.Append(errorResponse.ToArray(), ReferenceTsig.Record(key, Now, [], 0x4d2a, 17, []));
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(signed));
        Assert.Equal(DnsRcode.NotAuth, DnsMessage.Parse(signed).Rcode);
    }

    [Fact]
    public void SignResponse_ToBadTrunc_IsSignedWithTheFullMacOverTheTruncatedRequestMac()
    {
        var key = TestKey.For("hmac-sha384");
        var request = ReferenceTsig.SignRequest(Query, key, Now, macSize: 24);
        var verification = Verify(request.Bytes, key.ToKeyring());
        Assert.Equal(TsigStatus.BadTrunc, verification.Status);

        var errorResponse = TsigErrorResponse.Create(DnsMessage.Parse(request.Bytes), verification);
        var signed = new TsigSigner(_clock).SignResponse(errorResponse, verification);

        var expected = ReferenceTsig.SignResponse(errorResponse.ToArray(), key, request.Mac, Now, error: 22);
        Assert.Equal(Convert.ToHexString(expected.Bytes), Convert.ToHexString(signed));
    }

    [Fact]
    public void SignResponse_ToFormErr_IsAPlainFormErrWithoutTsig()
    {
        var key = TestKey.For("hmac-sha1");
        var request = ReferenceTsig.SignRequest(Query, key, Now, macSize: 9);
        var verification = Verify(request.Bytes, key.ToKeyring());
        Assert.Equal(TsigStatus.FormErr, verification.Status);

        var signed = DnsMessage.Parse(new TsigSigner(_clock).SignResponse(TsigErrorResponse.Create(DnsMessage.Parse(request.Bytes), verification), verification));

        Assert.Equal(DnsRcode.FormErr, signed.Rcode);
        Assert.Null(signed.Tsig);
    }

    [Fact]
    public void SignResponse_ToAnUnsignedRequest_AddsNothing()
    {
        var verification = Verify(Query, TestKey.For("hmac-sha1").ToKeyring());
        Assert.Equal(TsigStatus.Unsigned, verification.Status);
        Assert.Equal(DnsMessage.Parse(Response).ToArray(), new TsigSigner(_clock).SignResponse(DnsMessage.Parse(Response), verification));
        Assert.Throws<ArgumentException>(() => TsigErrorResponse.Create(DnsMessage.Parse(Query), verification));
    }

    private TsigVerification Verify(byte[] request, TsigKeyring keyring) =>
        new TsigVerifier(_clock).VerifyRequest(request, DnsMessage.Parse(request), keyring);
}
