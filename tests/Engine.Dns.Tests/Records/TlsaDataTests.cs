using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Records.RdataAssert;

namespace SecondaryPortal.Dns.Tests.Records;

public sealed class TlsaDataTests
{
    private static readonly byte[] Wire = Hex("""
        03                                                                 // usage 3 (DANE-EE)
        01                                                                 // selector 1 (SubjectPublicKeyInfo)
        01                                                                 // matching type 1 (SHA-256)
        0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B56664C5D3D6   // association data
        """);

    [Theory]
    [InlineData(RecordType.TLSA)]
    [InlineData(RecordType.SMIMEA)]
    public void Read_DecodesEachField(RecordType type)
    {
        var tlsa = DecodesAndReencodes<TlsaData>(type, Wire);
        Assert.Equal(3, tlsa.Usage);
        Assert.Equal(1, tlsa.Selector);
        Assert.Equal(1, tlsa.MatchingType);
        Assert.Equal(Wire[3..], tlsa.Data.ToArray());
    }

    [Theory]
    [InlineData(RecordType.TLSA)]
    [InlineData(RecordType.SMIMEA)]
    public void Read_WhenTruncated_Fails(RecordType type) =>
        // The data is the rest of the RDATA: a shorter non-empty tail is still a record (its length is not tied to the matching type).
        EveryTruncationFails(type, Wire, Enumerable.Range(4, Wire.Length - 4).ToArray());

    [Theory]
    [InlineData(RecordType.TLSA)]
    [InlineData(RecordType.SMIMEA)]
    public void Presentation_RoundTrips(RecordType type)
    {
        var tlsa = Decode(type, Wire);
        Assert.Equal("3 1 1 0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B56664C5D3D6", tlsa.ToString());
        PresentationRoundTrips(tlsa);
    }

    [Fact]
    public void TlsaAndSmimea_AreDifferentRecordData() =>
        Assert.NotEqual(Decode(RecordType.TLSA, Wire), Decode(RecordType.SMIMEA, Wire));

    [Fact]
    public void Parse_AcceptsBlanksInTheData() =>
        Assert.Equal(
            Decode(RecordType.TLSA, Wire),
            RecordData.Parse(RecordType.TLSA, "3 1 1 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b566 64c5d3d6"));

    [Theory]
    [InlineData("3 1 1")]
    [InlineData("3 1 1 -")]
    [InlineData("3 1 1 ABC")]
    [InlineData("3 1 256 AB")]
    public void Parse_WhenMalformed_Fails(string text) => ParseFails(RecordType.TLSA, text);
}
