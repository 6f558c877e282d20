using System.Text;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Records.RdataAssert;

namespace SecondaryPortal.Dns.Tests.Records;

public sealed class UriDataTests
{
    private static readonly byte[] Wire = Hex("""
        000A                                                          // priority 10
        0001                                                          // weight 1
        6674703A2F2F667470312E6578616D706C652E636F6D2F7075626C6963    // target "ftp://ftp1.example.com/public" (rest of RDATA)
        """);

    [Fact]
    public void Read_DecodesEachField()
    {
        var uri = DecodesAndReencodes<UriData>(RecordType.URI, Wire);
        Assert.Equal(10, uri.Priority);
        Assert.Equal(1, uri.Weight);
        Assert.Equal("ftp://ftp1.example.com/public", Encoding.ASCII.GetString(uri.Target.Span));
    }

    [Fact]
    public void Read_WhenTruncated_Fails() =>
        // The target is the rest of the RDATA, so any prefix holding both numbers is a record (BIND agrees).
        EveryTruncationFails(RecordType.URI, Wire, Enumerable.Range(4, Wire.Length - 4).ToArray());

    [Fact]
    public void Presentation_RoundTrips()
    {
        var uri = Decode(RecordType.URI, Wire);
        Assert.Equal("10 1 \"ftp://ftp1.example.com/public\"", uri.ToString());
        PresentationRoundTrips(uri);
        PresentationRoundTrips(RecordData.Parse(RecordType.URI, $"1 0 \"https://example.com/{new string('x', 300)}\""));
    }

    [Theory]
    [InlineData("10 1")]
    [InlineData("10 1 ftp://ftp1.example.com/public")]
    [InlineData("10 65536 \"ftp://ftp1.example.com/public\"")]
    [InlineData("10 1 \"a\" \"b\"")]
    public void Parse_WhenMalformed_Fails(string text) => ParseFails(RecordType.URI, text);
}
