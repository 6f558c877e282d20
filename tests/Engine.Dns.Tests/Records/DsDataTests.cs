using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Records.RdataAssert;

namespace SecondaryPortal.Dns.Tests.Records;

public sealed class DsDataTests
{
    // RFC 4034 §5.4: dskey.example.com. DS 60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118
    private static readonly byte[] Wire = Hex("""
        EC45                                        // key tag 60485
        05                                          // algorithm 5 (RSA/SHA-1)
        01                                          // digest type 1 (SHA-1)
        2BB183AF5F22588179A53B0A98631FAD1A292118    // digest, 20 octets
        """);

    [Theory]
    [InlineData(RecordType.DS)]
    [InlineData(RecordType.CDS)]
    public void Read_DecodesEachField(RecordType type)
    {
        var ds = DecodesAndReencodes<DsData>(type, Wire);
        Assert.Equal(60485, ds.KeyTag);
        Assert.Equal(5, ds.Algorithm);
        Assert.Equal(1, ds.DigestType);
        Assert.Equal(Wire[4..], ds.Digest.ToArray());
    }

    [Theory]
    [InlineData(RecordType.DS)]
    [InlineData(RecordType.CDS)]
    public void Read_WhenTruncated_Fails(RecordType type) => EveryTruncationFails(type, Wire);

    [Fact]
    public void Read_WhenDigestLengthDoesNotMatchItsType_Fails() =>
        Assert.Throws<DnsFormatException>(() => Decode(RecordType.DS, Hex("EC45 05 02 2BB183AF5F22588179A53B0A98631FAD1A292118")));

    [Theory]
    [InlineData(RecordType.DS)]
    [InlineData(RecordType.CDS)]
    public void Presentation_RoundTrips(RecordType type)
    {
        var ds = Decode(type, Wire);
        Assert.Equal("60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118", ds.ToString());
        PresentationRoundTrips(ds);
    }

    [Fact]
    public void Parse_AcceptsBlanksInTheDigestAndAnAlgorithmMnemonic() =>
        Assert.Equal(Decode(RecordType.DS, Wire), RecordData.Parse(RecordType.DS, "60485 RSASHA1 1 2BB183AF5F2258 8179A53B0A98631FAD1 A292118"));

    [Fact]
    public void Parse_AcceptsTheCdsDeleteRequest()
    {
        // RFC 8078 §4: "0 0 0 00" asks the parent to remove the DS RRset.
        var cds = Assert.IsType<DsData>(RecordData.Parse(RecordType.CDS, "0 0 0 00"));
        Assert.Equal(0, cds.DigestType);
        PresentationRoundTrips(cds);
    }

    [Fact]
    public void DsAndCds_AreDifferentRecordData() => Assert.NotEqual(Decode(RecordType.DS, Wire), Decode(RecordType.CDS, Wire));

    [Theory]
    [InlineData("60485 5 1")]
    [InlineData("60485 5 1 2BB1")]
    [InlineData("60485 5 2 2BB183AF5F22588179A53B0A98631FAD1A292118")]
    [InlineData("60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A29211")]
    [InlineData("60485 NOSUCHALG 1 2BB183AF5F22588179A53B0A98631FAD1A292118")]
    [InlineData("65536 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118")]
    [InlineData("60485 5 SHA1 2BB183AF5F22588179A53B0A98631FAD1A292118")]
    public void Parse_WhenMalformed_Fails(string text) => ParseFails(RecordType.DS, text);
}
