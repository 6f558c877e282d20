using System.Text;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Records.RdataAssert;

namespace SecondaryPortal.Dns.Tests.Records;

public sealed class CaaDataTests
{
    private static readonly byte[] Wire = Hex("""
        00                                   // flags 0
        05 6973737565                        // tag length 5, "issue"
        63612E6578616D706C652E6E6574         // value "ca.example.net" (the rest of the RDATA)
        """);

    [Fact]
    public void Read_DecodesEachField()
    {
        var caa = DecodesAndReencodes<CaaData>(RecordType.CAA, Wire);
        Assert.Equal(0, caa.Flags);
        Assert.False(caa.IsCritical);
        Assert.Equal("issue", caa.Tag);
        Assert.Equal("ca.example.net", Encoding.ASCII.GetString(caa.Value.Span));
    }

    [Fact]
    public void Read_WhenTruncated_Fails() =>
        // The value is the rest of the RDATA and may be empty, so every prefix that holds the whole tag is a record.
        EveryTruncationFails(RecordType.CAA, Wire, Enumerable.Range(7, Wire.Length - 7).ToArray());

    [Theory]
    [InlineData("00 00")]
    [InlineData("00 02 69 20")]
    [InlineData("00 03 69 2D 73")]
    public void Read_WhenTagEmptyOrNotAlphanumeric_Fails(string hex) =>
        Assert.Throws<DnsFormatException>(() => Decode(RecordType.CAA, Convert.FromHexString(hex.Replace(" ", ""))));

    [Fact]
    public void Presentation_IsFlagsTagAndQuotedValue()
    {
        var caa = Decode(RecordType.CAA, Wire);
        Assert.Equal("0 issue \"ca.example.net\"", caa.ToString());
        PresentationRoundTrips(caa);
    }

    [Theory]
    [InlineData("0 issue \"ca.example.net; account=230123\"")]
    [InlineData("128 tbs \"Unknown \\\"quoted\\\" \\\\ x\"")]
    [InlineData("0 issuewild \";\"")]
    [InlineData("0 iodef \"\"")]
    [InlineData("0 iodef mailto:security@example.com")]
    public void Presentation_RoundTripsValues(string text) => PresentationRoundTrips(RecordData.Parse(RecordType.CAA, text));

    [Fact]
    public void Parse_AcceptsValuesLongerThan255Octets()
    {
        string value = new('a', 300);
        var caa = Assert.IsType<CaaData>(RecordData.Parse(RecordType.CAA, $"0 issue \"{value}\""));
        Assert.Equal(300, caa.Value.Length);
        PresentationRoundTrips(caa);
    }

    [Theory]
    [InlineData("0 issue")]
    [InlineData("0 is-sue \"x\"")]
    [InlineData("0 \"issue\" \"x\"")]
    [InlineData("256 issue \"x\"")]
    [InlineData("0 issue \"x\" extra")]
    [InlineData("0 issue \"bad \\9 escape\"")]
    public void Parse_WhenMalformed_Fails(string text) => ParseFails(RecordType.CAA, text);
}
