using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Records.RdataAssert;

namespace SecondaryPortal.Dns.Tests.Records;

public sealed class DnskeyDataTests
{
    // A zone-signing key made by BIND's dnssec-keygen, which named it Kexample.+013+61675.
    private const string KeyText = "256 3 13 z4AzYBTZWisINBDhoLS1jHjP1IMI3KWusJzZH4CsQkDueg/t3G+Je+as iva3rds7jbSQfWs2vfDVFBAlyyJihQ==";

    private static readonly byte[] Wire = Hex("""
        0100              // flags 256 (zone key)
        03                // protocol 3
        0D                // algorithm 13 (ECDSA P-256 SHA-256)
        CF80336014D95A2B083410E1A0B4B58C78CFD48308DCA5AEB09CD91F80AC4240EE7A0FEDDC6F897BE6AC8AF6B7ADDB3B8DB4907D6B36BDF0D5141025CB226285   // public key, 64 octets
        """);

    [Theory]
    [InlineData(RecordType.DNSKEY)]
    [InlineData(RecordType.CDNSKEY)]
    public void Read_DecodesEachField(RecordType type)
    {
        var key = DecodesAndReencodes<DnskeyData>(type, Wire);
        Assert.Equal(DnskeyData.ZoneKeyFlag, key.Flags);
        Assert.Equal(3, key.Protocol);
        Assert.Equal(13, key.Algorithm);
        Assert.Equal(64, key.PublicKey.Length);
    }

    [Theory]
    [InlineData(RecordType.DNSKEY)]
    [InlineData(RecordType.CDNSKEY)]
    public void Read_WhenTruncated_Fails(RecordType type) =>
        // The key is the rest of the RDATA: every prefix with a non-empty key is still a record.
        EveryTruncationFails(type, Wire, Enumerable.Range(5, Wire.Length - 5).ToArray());

    [Fact]
    public void Parse_ReadsBase64SplitAcrossFields() => Assert.Equal(Decode(RecordType.DNSKEY, Wire), RecordData.Parse(RecordType.DNSKEY, KeyText));

    [Theory]
    [InlineData(RecordType.DNSKEY)]
    [InlineData(RecordType.CDNSKEY)]
    public void Presentation_RoundTrips(RecordType type)
    {
        var key = Decode(type, Wire);
        Assert.Equal(KeyText.Replace(" iva3", "iva3"), key.ToString());
        PresentationRoundTrips(key);
    }

    [Fact]
    public void KeyTag_MatchesTheTagBindGaveTheKey() =>
        Assert.Equal(61675, Assert.IsType<DnskeyData>(RecordData.Parse(RecordType.DNSKEY, KeyText)).KeyTag);

    [Fact]
    public void KeyTag_ForRsaMd5_IsTakenFromTheModulus()
    {
        // RFC 4034 Appendix B.1: the most significant 16 of the least significant 24 bits of the modulus.
        var key = new DnskeyData(256, 3, 1, [0x01, 0x03, 0xAA, 0x12, 0x34, 0x56]);
        Assert.Equal(0x1234, key.KeyTag);
    }

    [Fact]
    public void Parse_AcceptsAnAlgorithmMnemonic() =>
        Assert.Equal(RecordData.Parse(RecordType.DNSKEY, KeyText), RecordData.Parse(RecordType.DNSKEY, KeyText.Replace(" 13 ", " ECDSAP256SHA256 ")));

    [Fact]
    public void Parse_AcceptsTheCdnskeyDeleteRequest() =>
        // RFC 8078 §4: "0 3 0 AA==" asks the parent to remove the DS RRset.
        PresentationRoundTrips(RecordData.Parse(RecordType.CDNSKEY, "0 3 0 AA=="));

    [Theory]
    [InlineData("256 3 13")]
    [InlineData("256 3 13 not*base64")]
    [InlineData("256 3 13 z4AzYBTZ=")]
    [InlineData("65536 3 13 AA==")]
    [InlineData("256 3 13 \"\"")]
    public void Parse_WhenMalformed_Fails(string text) => ParseFails(RecordType.DNSKEY, text);
}
