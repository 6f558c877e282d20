using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Tsig.TsigTestMessages;

namespace SecondaryPortal.Dns.Tests.Tsig;

/// <summary>A client checking the response to its signed request (RFC 8945 §5.4), against responses signed by the reference signer.</summary>
public sealed class TsigResponseVerificationTests
{
    private readonly ManualTimeProvider _clock = new((long)Now);

    [Theory]
    [MemberData(nameof(TestKey.AlgorithmMnemonics), MemberType = typeof(TestKey))]
    public void VerifyResponse_SignedOverTheRequestMac_IsOk(string algorithm)
    {
        var key = TestKey.For(algorithm);
        var request = SignRequest(key);
        var response = ReferenceTsig.SignResponse(Response, key, request.Mac.ToArray(), Now + 2).Bytes;
        var result = Verify(response, request);
        Assert.Equal(TsigStatus.Ok, result.Status);
        Assert.Same(request.Key, result.Key);
    }

    [Fact]
    public void VerifyResponse_DigestWithoutTheRequestMac_IsBadSig()
    {
        // Signed as if it were a request: a response's digest must start with the request MAC (RFC 8945 §4.3.1).
        var key = TestKey.For("hmac-sha256");
        var request = SignRequest(key);
        Assert.Equal(TsigStatus.BadSig, Verify(ReferenceTsig.SignRequest(Response, key, Now).Bytes, request).Status);
    }

    [Fact]
    public void VerifyResponse_OverAnotherRequestMac_IsBadSig()
    {
        var key = TestKey.For("hmac-sha256");
        var request = SignRequest(key);
        var otherMac = request.Mac.ToArray();
        otherMac[0] ^= 1;
        Assert.Equal(TsigStatus.BadSig, Verify(ReferenceTsig.SignResponse(Response, key, otherMac, Now).Bytes, request).Status);
    }

    [Theory]
    [InlineData("other-key.example.", "hmac-sha256")]
    [InlineData("test-key.example.", "hmac-sha512")]
    public void VerifyResponse_SignedWithAnotherKeyOrAlgorithm_IsBadKey(string keyName, string algorithm)
    {
        var request = SignRequest(TestKey.For("hmac-sha256"));
        var response = ReferenceTsig.SignResponse(Response, TestKey.For(algorithm, name: keyName), request.Mac.ToArray(), Now).Bytes;
        Assert.Equal(TsigStatus.BadKey, Verify(response, request).Status);
    }

    [Fact]
    public void VerifyResponse_Unsigned_IsUnsigned()
    {
        var request = SignRequest(TestKey.For("hmac-sha256"));
        Assert.Equal(TsigStatus.Unsigned, Verify(Response, request).Status);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(17)]
    public void VerifyResponse_UnsignedKeyOrSignatureError_IsPeerError(ushort error)
    {
        // RFC 8945 §5.3.2: the server reports BADSIG and BADKEY without a MAC.
        var key = TestKey.For("hmac-sha256");
        var request = SignRequest(key);
        var response = ReferenceTsig.Append(Response, ReferenceTsig.Record(key, Now, [], 0x4d2a, error, []));
        var result = Verify(response, request);
        Assert.Equal(TsigStatus.PeerError, result.Status);
        Assert.Equal((DnsRcode)error, result.Record!.Error);
    }

    [Fact]
    public void VerifyResponse_UnsignedWithoutError_IsFormErr()
    {
        var key = TestKey.For("hmac-sha256");
        var request = SignRequest(key);
        var response = ReferenceTsig.Append(Response, ReferenceTsig.Record(key, Now, [], 0x4d2a, 0, []));
        Assert.Equal(TsigStatus.FormErr, Verify(response, request).Status);
    }

    [Fact]
    public void VerifyResponse_SignedBadTime_IsPeerErrorCarryingTheServerClock()
    {
        var key = TestKey.For("hmac-sha256");
        var request = SignRequest(key);
        var response = ReferenceTsig.SignResponse(Response, key, request.Mac.ToArray(), Now, error: 18, other: ReferenceTsig.U48(Now + 7200)).Bytes;
        var result = Verify(response, request);
        Assert.Equal(TsigStatus.PeerError, result.Status);
        Assert.Equal(DnsRcode.BadTime, result.Record!.Error);
        Assert.Equal(Now + 7200, result.Record.ServerTime);
    }

    [Fact]
    public void VerifyResponse_SignedBadTimeWithAForgedMac_IsBadSig()
    {
        var key = TestKey.For("hmac-sha256");
        var request = SignRequest(key);
        var response = ReferenceTsig.SignResponse(Response, key with { Secret = [7] }, request.Mac.ToArray(), Now, error: 18, other: ReferenceTsig.U48(Now)).Bytes;
        Assert.Equal(TsigStatus.BadSig, Verify(response, request).Status);
    }

    [Fact]
    public void VerifyResponse_OutsideTheFudge_IsBadTime()
    {
        var key = TestKey.For("hmac-sha1");
        var request = SignRequest(key);
        Assert.Equal(TsigStatus.BadTime, Verify(ReferenceTsig.SignResponse(Response, key, request.Mac.ToArray(), Now + 301).Bytes, request).Status);
    }

    [Fact]
    public void VerifyResponse_TamperedAnswer_IsBadSig()
    {
        var key = TestKey.For("hmac-sha224");
        var request = SignRequest(key);
        var response = ReferenceTsig.SignResponse(Response, key, request.Mac.ToArray(), Now).Bytes;
        Assert.Equal(TsigStatus.Ok, Verify(response, request).Status);
        Assert.Equal(TsigStatus.BadSig, Verify(Flip(response, 63, 0x01), request).Status); // the SOA serial's last octet
    }

    [Theory]
    [MemberData(nameof(TestKey.AlgorithmMnemonics), MemberType = typeof(TestKey))]
    public void OurServerAndOurClient_AgreeEndToEnd(string algorithm)
    {
        var key = TestKey.For(algorithm);
        var request = new TsigSigner(_clock).SignRequest(DnsMessage.Parse(Query), key.ToKey(), out var signedRequest);
        var verification = new TsigVerifier(_clock).VerifyRequest(request, DnsMessage.Parse(request), key.ToKeyring());
        var response = new TsigSigner(_clock).SignResponse(DnsMessage.Parse(Response), verification);
        Assert.Equal(TsigStatus.Ok, Verify(response, signedRequest).Status);
    }

    [Fact]
    public void OurServerAndOurClient_BadTrunc_ReachesTheClientAsAVerifiedPeerError()
    {
        var key = TestKey.For("hmac-sha256");
        var request = new TsigSigner(_clock).SignRequest(DnsMessage.Parse(Query), key.ToKey(macSize: 16), out var signedRequest);
        var verification = new TsigVerifier(_clock).VerifyRequest(request, DnsMessage.Parse(request), key.ToKeyring());
        Assert.Equal(TsigStatus.BadTrunc, verification.Status);
        var response = new TsigSigner(_clock).SignResponse(TsigErrorResponse.Create(DnsMessage.Parse(request), verification), verification);
        var result = Verify(response, signedRequest);
        Assert.Equal(TsigStatus.PeerError, result.Status);
        Assert.Equal(DnsRcode.BadTrunc, result.Record!.Error);
    }

    private TsigSignedRequest SignRequest(TestKey key)
    {
        new TsigSigner(_clock).SignRequest(DnsMessage.Parse(Query), key.ToKey(), out var request);
        return request;
    }

    private TsigVerification Verify(byte[] response, TsigSignedRequest request) =>
        new TsigVerifier(_clock).VerifyResponse(response, DnsMessage.Parse(response), request);
}
