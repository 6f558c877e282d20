using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Records.RdataAssert;

namespace SecondaryPortal.Dns.Tests.Records;

public sealed class Nsec3DataTests
{
    // RFC 5155 Appendix A: 0p9mhaveqvm6t7vbl5lop2u3t2rp3tom.example. NSEC3 1 1 12 aabbccdd
    //   2t7b4g4vsa5smi47k61mv5bv1a22bojr MX DNSKEY NS SOA NSEC3PARAM RRSIG
    private static readonly byte[] Wire = Hex("""
        01                                          // hash algorithm 1 (SHA-1)
        01                                          // flags: opt-out
        000C                                        // iterations 12
        04 AABBCCDD                                 // salt length 4, salt
        14 174EB2409FE28BCB4887A1836F957F0A8425E27B // hash length 20, next hashed owner
        00 07 22 01 00 00 00 02 90                  // window 0: NS SOA MX RRSIG DNSKEY NSEC3PARAM
        """);

    [Fact]
    public void Read_DecodesEachField()
    {
        var nsec3 = DecodesAndReencodes<Nsec3Data>(RecordType.NSEC3, Wire);
        Assert.Equal(1, nsec3.HashAlgorithm);
        Assert.Equal(Nsec3Data.OptOutFlag, nsec3.Flags);
        Assert.Equal(12, nsec3.Iterations);
        Assert.Equal(Convert.FromHexString("AABBCCDD"), nsec3.Salt.ToArray());
        Assert.Equal("2t7b4g4vsa5smi47k61mv5bv1a22bojr", Base32Hex.Encode(nsec3.NextHashedOwner.Span).ToLowerInvariant());
        Assert.Equal([RecordType.NS, RecordType.SOA, RecordType.MX, RecordType.RRSIG, RecordType.DNSKEY, RecordType.NSEC3PARAM], nsec3.Types.Types);
    }

    [Fact]
    public void Read_WhenTruncated_Fails() =>
        // An NSEC3 may have no types at all (an empty non-terminal, RFC 5155 §7.1).
        EveryTruncationFails(RecordType.NSEC3, Wire, Wire.Length - 9);

    [Fact]
    public void Read_WhenHashIsEmpty_Fails() =>
        Assert.Throws<DnsFormatException>(() => Decode(RecordType.NSEC3, Hex("01 00 0000 00 00")));

    [Fact]
    public void Parse_ReadsTheRfcExample() =>
        Assert.Equal(Decode(RecordType.NSEC3, Wire), RecordData.Parse(RecordType.NSEC3, "1 1 12 aabbccdd 2t7b4g4vsa5smi47k61mv5bv1a22bojr MX DNSKEY NS SOA NSEC3PARAM RRSIG"));

    [Fact]
    public void Presentation_RoundTrips()
    {
        var nsec3 = Decode(RecordType.NSEC3, Wire);
        Assert.Equal("1 1 12 AABBCCDD 2T7B4G4VSA5SMI47K61MV5BV1A22BOJR NS SOA MX RRSIG DNSKEY NSEC3PARAM", nsec3.ToString());
        PresentationRoundTrips(nsec3);
    }

    [Fact]
    public void Presentation_WritesNoSaltAsDashAndNoTypesAsNothing()
    {
        var nsec3 = RecordData.Parse(RecordType.NSEC3, "1 0 0 - 2t7b4g4vsa5smi47k61mv5bv1a22bojr");
        Assert.Equal("1 0 0 - 2T7B4G4VSA5SMI47K61MV5BV1A22BOJR", nsec3.ToString());
        PresentationRoundTrips(nsec3);
    }

    [Theory]
    [InlineData("1 1 12 aabbccdd")]
    [InlineData("1 1 12 aabbccd 2t7b4g4vsa5smi47k61mv5bv1a22bojr")]
    [InlineData("1 1 12 aabbccdd 2t7b4g4vsa5smi47k61mv5bv1a22bojr=")]
    [InlineData("1 1 12 aabbccdd 2t7b4g4vsa5smi47k61mv5bv1a22bojw")]
    [InlineData("1 1 12 aabbccdd 2t7b4g4vsa5smi47k61mv5bv1a22boj")]
    [InlineData("1 1 65536 aabbccdd 2t7b4g4vsa5smi47k61mv5bv1a22bojr")]
    [InlineData("1 1 12 aabbccdd 2t7b4g4vsa5smi47k61mv5bv1a22bojr NOTATYPE")]
    public void Parse_WhenMalformed_Fails(string text) => ParseFails(RecordType.NSEC3, text);
}
