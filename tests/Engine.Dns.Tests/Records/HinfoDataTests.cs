using System.Text;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Records.RdataAssert;

namespace SecondaryPortal.Dns.Tests.Records;

public sealed class HinfoDataTests
{
    private static readonly byte[] Wire = Hex("""
        0A 47656E65726963205043       // CPU "Generic PC"
        05 4C696E7578                 // OS "Linux"
        """);

    [Fact]
    public void Read_DecodesEachField()
    {
        var hinfo = DecodesAndReencodes<HinfoData>(RecordType.HINFO, Wire);
        Assert.Equal("Generic PC", Encoding.ASCII.GetString(hinfo.Cpu.Span));
        Assert.Equal("Linux", Encoding.ASCII.GetString(hinfo.Os.Span));
    }

    [Fact]
    public void Read_WhenTruncated_Fails() => EveryTruncationFails(RecordType.HINFO, Wire);

    [Fact]
    public void Presentation_RoundTrips()
    {
        var hinfo = Decode(RecordType.HINFO, Wire);
        Assert.Equal("\"Generic PC\" \"Linux\"", hinfo.ToString());
        PresentationRoundTrips(hinfo);
        PresentationRoundTrips(RecordData.Parse(RecordType.HINFO, "RFC8482 \"\""));
    }

    [Theory]
    [InlineData("\"Generic PC\"")]
    [InlineData("a b c")]
    public void Parse_WhenMalformed_Fails(string text) => ParseFails(RecordType.HINFO, text);
}
