using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Tsig.TsigTestMessages;

namespace SecondaryPortal.Dns.Tests.Tsig;

/// <summary>A server checking signed requests (RFC 8945 §5.2), against requests signed by the reference signer.</summary>
public sealed class TsigRequestVerificationTests
{
    // Offsets in the SOA query signed with TestKey "test-key.example." and hmac-sha256.
    private const int FlagsOffset = 2, QnameLetterOffset = 14, QtypeOffset = 26, KeyNameLetterOffset = 30, ClassOffset = 50,
        TtlOffset = 54, AlgorithmLetterOffset = 58, TimeOffset = 73, FudgeOffset = 77, MacOffset = 90, OriginalIdOffset = 112;

    private readonly ManualTimeProvider _clock = new((long)Now);

    [Theory]
    [MemberData(nameof(TestKey.AlgorithmMnemonics), MemberType = typeof(TestKey))]
    public void VerifyRequest_SignedWithTheSharedKey_IsOk(string algorithm)
    {
        var key = TestKey.For(algorithm);
        var result = Verify(ReferenceTsig.SignRequest(Query, key, Now).Bytes, key.ToKeyring());
        Assert.Equal(TsigStatus.Ok, result.Status);
        Assert.True(result.IsOk);
        Assert.Equal(DnsName.Parse(key.Name), result.Key!.Name);
        Assert.Equal(Now, result.Record!.TimeSigned);
        Assert.Null(result.Reason);
    }

    [Theory]
    [MemberData(nameof(TestKey.AlgorithmMnemonics), MemberType = typeof(TestKey))]
    public void VerifyRequest_SignedWithAnotherSecret_IsBadSig(string algorithm)
    {
        var key = TestKey.For(algorithm);
        var signed = ReferenceTsig.SignRequest(Query, key with { Secret = "another secret"u8.ToArray() }, Now).Bytes;
        var result = Verify(signed, key.ToKeyring());
        Assert.Equal(TsigStatus.BadSig, result.Status);
        Assert.Equal(DnsRcode.BadSig, result.TsigError);
        Assert.Equal(DnsRcode.NotAuth, result.ResponseRcode);
    }

    [Fact]
    public void VerifyRequest_UnknownKeyName_IsBadKey()
    {
        var signed = ReferenceTsig.SignRequest(Query, TestKey.For("hmac-sha256", name: "stranger.example."), Now).Bytes;
        var result = Verify(signed, TestKey.For("hmac-sha256").ToKeyring());
        Assert.Equal(TsigStatus.BadKey, result.Status);
        Assert.Null(result.Key);
        Assert.Equal(DnsName.Parse("stranger.example."), result.KeyName);
        Assert.Equal(DnsRcode.BadKey, result.TsigError);
        Assert.Contains("stranger.example.", result.Reason);
    }

    [Fact]
    public void VerifyRequest_KnownKeyNameWithAnotherAlgorithm_IsBadKey()
    {
        var signed = ReferenceTsig.SignRequest(Query, TestKey.For("hmac-sha1"), Now).Bytes;
        Assert.Equal(TsigStatus.BadKey, Verify(signed, TestKey.For("hmac-sha256").ToKeyring()).Status);
    }

    [Fact]
    public void VerifyRequest_EmptyKeyring_IsBadKey() =>
        Assert.Equal(TsigStatus.BadKey, Verify(ReferenceTsig.SignRequest(Query, TestKey.For("hmac-sha256"), Now).Bytes, TsigKeyring.Empty).Status);

    [Theory]
    [InlineData(-301, TsigStatus.BadTime)]
    [InlineData(-300, TsigStatus.Ok)]
    [InlineData(300, TsigStatus.Ok)]
    [InlineData(301, TsigStatus.BadTime)]
    [InlineData(-86400, TsigStatus.BadTime)]
    public void VerifyRequest_TimeSignedOffsetFromTheServerClock_IsCheckedAgainstTheFudge(int offset, TsigStatus expected)
    {
        var key = TestKey.For("hmac-sha256");
        var result = Verify(ReferenceTsig.SignRequest(Query, key, (ulong)((long)Now + offset)).Bytes, key.ToKeyring());
        Assert.Equal(expected, result.Status);
        if (expected == TsigStatus.BadTime)
        {
            Assert.NotNull(result.Key);
            Assert.Equal(DnsRcode.BadTime, result.TsigError);
        }
    }

    [Theory]
    [InlineData(FlagsOffset, 0x01)]          // RD bit
    [InlineData(QnameLetterOffset, 0x20)]    // case of a QNAME letter: the digest covers the octets as sent
    [InlineData(QtypeOffset, 0x20)]          // QTYPE SOA becomes A6
    [InlineData(TimeOffset, 0x01)]           // time signed (covered before the time check)
    [InlineData(FudgeOffset, 0x01)]          // fudge
    [InlineData(MacOffset, 0x80)]            // a MAC octet
    [InlineData(OriginalIdOffset, 0x01)]     // original ID, which replaces the header ID in the digest
    public void VerifyRequest_OneOctetChanged_IsBadSig(int offset, byte mask)
    {
        var key = TestKey.For("hmac-sha256");
        var signed = ReferenceTsig.SignRequest(Query, key, Now).Bytes;
        Assert.Equal(TsigStatus.Ok, Verify(signed, key.ToKeyring()).Status);
        Assert.Equal(TsigStatus.BadSig, Verify(Flip(signed, offset, mask), key.ToKeyring()).Status);
    }

    [Theory]
    [InlineData(0)]                      // header ID: a forwarder may change it; the original ID is digested instead (RFC 8945 §4.3.3)
    [InlineData(KeyNameLetterOffset)]    // key name case: digested in canonical (lowercase) form
    [InlineData(AlgorithmLetterOffset)]  // algorithm name case: likewise
    public void VerifyRequest_ChangeTheDigestDoesNotCover_IsStillOk(int offset)
    {
        var key = TestKey.For("hmac-sha256");
        var signed = Flip(ReferenceTsig.SignRequest(Query, key, Now).Bytes, offset);
        Assert.Equal(TsigStatus.Ok, Verify(signed, key.ToKeyring()).Status);
    }

    [Theory]
    [InlineData(ClassOffset, 0xFE)]      // class ANY (255) becomes IN (1)
    [InlineData(TtlOffset, 0x01)]        // TTL 0 becomes 1
    public void VerifyRequest_TsigClassOrTtlWrong_IsFormErr(int offset, byte mask)
    {
        var key = TestKey.For("hmac-sha256");
        var result = Verify(Flip(ReferenceTsig.SignRequest(Query, key, Now).Bytes, offset, mask), key.ToKeyring());
        Assert.Equal(TsigStatus.FormErr, result.Status);
        Assert.Equal(DnsRcode.FormErr, result.ResponseRcode);
    }

    [Fact]
    public void VerifyRequest_Unsigned_IsUnsigned()
    {
        var result = Verify(Query, TestKey.For("hmac-sha256").ToKeyring());
        Assert.Equal(TsigStatus.Unsigned, result.Status);
        Assert.Null(result.Record);
    }

    [Theory]
    [InlineData("hmac-md5", 17)]
    [InlineData("hmac-sha1", 21)]
    [InlineData("hmac-sha256", 33)]
    [InlineData("hmac-sha512", 65)]
    public void VerifyRequest_MacLongerThanTheHash_IsFormErr(string algorithm, int macSize)
    {
        // RFC 8945 §5.2.2.1 case 1.
        var key = TestKey.For(algorithm);
        var mac = ReferenceTsig.Hmac(key.Algorithm, key.Secret, Query).Concat(new byte[1]).ToArray();
        Assert.Equal(macSize, mac.Length);
        var signed = ReferenceTsig.Append(Query, ReferenceTsig.Record(key, Now, mac, 0x4d2a, 0, []));
        Assert.Equal(TsigStatus.FormErr, Verify(signed, key.ToKeyring()).Status);
    }

    [Theory]
    [InlineData("hmac-md5", 9)]
    [InlineData("hmac-sha1", 9)]
    [InlineData("hmac-sha224", 13)]
    [InlineData("hmac-sha256", 15)]
    [InlineData("hmac-sha384", 23)]
    [InlineData("hmac-sha512", 31)]
    [InlineData("hmac-sha256", 0)]
    public void VerifyRequest_MacShorterThanTheRfcMinimum_IsFormErr(string algorithm, int macSize)
    {
        // RFC 8945 §5.2.2.1 case 3: below max(10, half the hash); an empty MAC only belongs in error responses.
        var key = TestKey.For(algorithm);
        var result = Verify(ReferenceTsig.SignRequest(Query, key, Now, macSize).Bytes, key.ToKeyring());
        Assert.Equal(TsigStatus.FormErr, result.Status);
        Assert.Contains("RFC 8945 §5.2.2.1", result.Reason);
    }

    [Theory]
    [InlineData("hmac-md5", 10)]
    [InlineData("hmac-sha1", 10)]
    [InlineData("hmac-sha224", 14)]
    [InlineData("hmac-sha256", 16)]
    [InlineData("hmac-sha384", 24)]
    [InlineData("hmac-sha512", 63)]
    public void VerifyRequest_TruncatedMacTheKeyDoesNotAllow_IsBadTrunc(string algorithm, int macSize)
    {
        // RFC 8945 §5.2.4: allowed by §5.2.2.1 but shorter than local policy (here the full length).
        var key = TestKey.For(algorithm);
        var result = Verify(ReferenceTsig.SignRequest(Query, key, Now, macSize).Bytes, key.ToKeyring());
        Assert.Equal(TsigStatus.BadTrunc, result.Status);
        Assert.Equal(DnsRcode.BadTrunc, result.TsigError);
        Assert.NotNull(result.Key);
    }

    [Fact]
    public void VerifyRequest_TruncatedMacTheKeyAllows_IsOk()
    {
        var key = TestKey.For("hmac-sha256");
        var keyring = new TsigKeyring([key.ToKey(macSize: 16)]);
        Assert.Equal(TsigStatus.Ok, Verify(ReferenceTsig.SignRequest(Query, key, Now, macSize: 16).Bytes, keyring).Status);
        Assert.Equal(TsigStatus.Ok, Verify(ReferenceTsig.SignRequest(Query, key, Now, macSize: 20).Bytes, keyring).Status);
        Assert.Equal(TsigStatus.BadSig, Verify(Flip(ReferenceTsig.SignRequest(Query, key, Now, macSize: 16).Bytes, MacOffset - 16), keyring).Status);
    }

    [Fact]
    public void VerifyRequest_BadTimeAndBadMac_ReportsBadSigFirst()
    {
        // RFC 8945 §5.2: the MAC is checked before the time.
        var key = TestKey.For("hmac-sha256");
        var signed = ReferenceTsig.SignRequest(Query, key with { Secret = [9] }, Now - 5000).Bytes;
        Assert.Equal(TsigStatus.BadSig, Verify(signed, key.ToKeyring()).Status);
    }

    [Theory]
    [MemberData(nameof(TestKey.AlgorithmMnemonics), MemberType = typeof(TestKey))]
    public void VerifyRequest_SignedByOurSigner_IsOk(string algorithm)
    {
        var key = TestKey.For(algorithm);
        var signed = new TsigSigner(_clock).SignRequest(DnsMessage.Parse(Query), key.ToKey(), out _);
        _clock.UnixSeconds += 299;
        Assert.Equal(TsigStatus.Ok, Verify(signed, key.ToKeyring()).Status);
        _clock.UnixSeconds += 2;
        Assert.Equal(TsigStatus.BadTime, Verify(signed, key.ToKeyring()).Status);
    }

    [Fact]
    public void VerifyRequest_BytesNotFromTheMessage_Throws()
    {
        var key = TestKey.For("hmac-sha256");
        var signed = ReferenceTsig.SignRequest(Query, key, Now).Bytes;
        Assert.Throws<ArgumentException>(() => new TsigVerifier(_clock).VerifyRequest(signed.AsSpan(0, 20), DnsMessage.Parse(signed), key.ToKeyring()));
    }

    private TsigVerification Verify(byte[] request, TsigKeyring keyring) =>
        new TsigVerifier(_clock).VerifyRequest(request, DnsMessage.Parse(request), keyring);
}
