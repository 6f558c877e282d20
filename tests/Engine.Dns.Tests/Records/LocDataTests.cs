using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Records.RdataAssert;

namespace SecondaryPortal.Dns.Tests.Records;

public sealed class LocDataTests
{
    // RFC 1876 §4: cambridge-net.kei.com. LOC 42 21 54 N 71 06 18 W -24m 30m
    private static readonly byte[] Wire = Hex("""
        00          // version 0
        33          // size 3e3 cm = 30 m
        16          // horizontal precision 1e6 cm = 10 km (default)
        13          // vertical precision 1e3 cm = 10 m (default)
        89172DD0    // latitude 2^31 + 42°21'54" in ms (north)
        70BE15F0    // longitude 2^31 - 71°06'18" in ms (west)
        00988D20    // altitude 10,000,000 - 2,400 cm (-24 m)
        """);

    [Fact]
    public void Read_DecodesEachField()
    {
        var loc = DecodesAndReencodes<LocData>(RecordType.LOC, Wire);
        Assert.Equal(0x33, loc.Size);
        Assert.Equal(0x16, loc.HorizontalPrecision);
        Assert.Equal(0x13, loc.VerticalPrecision);
        Assert.Equal(42 + 21 / 60.0 + 54 / 3600.0, loc.LatitudeDegrees, 6);
        Assert.Equal(-(71 + 6 / 60.0 + 18 / 3600.0), loc.LongitudeDegrees, 6);
        Assert.Equal(-24.0, loc.AltitudeMeters, 6);
    }

    [Fact]
    public void Read_WhenTruncated_Fails() => EveryTruncationFails(RecordType.LOC, Wire);

    [Fact]
    public void Read_KeepsOtherVersionsAsOctets()
    {
        // RFC 1876 §2: no assumption about the format of an unknown version.
        var data = Decode(RecordType.LOC, Hex("01 AABB"));
        Assert.IsType<UnknownData>(data);
        Assert.Equal(Hex("01 AABB"), data.ToWire());
    }

    [Theory]
    [InlineData("00 A3 16 13 89172DD0 70BE15F0 00988D20")]    // size mantissa 10
    [InlineData("00 33 1A 13 89172DD0 70BE15F0 00988D20")]    // precision exponent 10
    [InlineData("00 33 16 13 FFFFFFFF 70BE15F0 00988D20")]    // latitude beyond 90°
    [InlineData("00 33 16 13 89172DD0 00000000 00988D20")]    // longitude beyond 180°
    public void Read_WhenFieldsAreOutOfRange_Fails(string hex) =>
        Assert.Throws<DnsFormatException>(() => Decode(RecordType.LOC, Convert.FromHexString(hex.Replace(" ", ""))));

    [Fact]
    public void Parse_ReadsTheRfcExampleAndPrintsItAsBindDoes()
    {
        var loc = RecordData.Parse(RecordType.LOC, "42 21 54 N 71 06 18 W -24m 30m");
        Assert.Equal(Wire, loc.ToWire());
        Assert.Equal("42 21 54.000 N 71 6 18.000 W -24.00m 30m 10000m 10m", loc.ToString());
        PresentationRoundTrips(loc);
    }

    [Theory]
    [InlineData("52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m")]
    [InlineData("42 0 0.000 S 71 0 0.000 W 1.00m 1m 10000m 10m")]
    [InlineData("90 0 0.000 N 180 0 0.000 E 42849672.95m 90000000m 0.05m 0.90m")]
    [InlineData("0 0 0.001 S 0 0 0.000 E -100000.00m 0.00m 0.00m 0.00m")]
    public void Presentation_RoundTrips(string text)
    {
        var loc = RecordData.Parse(RecordType.LOC, text);
        Assert.Equal(text, loc.ToString());
        PresentationRoundTrips(loc);
    }

    [Fact]
    public void Parse_RoundsSizesDownToOneDigitAsBindDoes() =>
        Assert.Equal("1 0 0.000 N 1 0 0.000 E 0.00m 10m 1m 0.10m", RecordData.Parse(RecordType.LOC, "1 N 1 E 0 15m 1.5m 0.19").ToString());

    [Theory]
    [InlineData("91 N 0 E 0m")]
    [InlineData("90 0 0.001 N 0 E 0m")]
    [InlineData("42 60 N 71 W 0m")]
    [InlineData("42 21 60 N 71 W 0m")]
    [InlineData("42 21 54.0001 N 71 W 0m")]
    [InlineData("42 21 54 X 71 W 0m")]
    [InlineData("42 N 181 W 0m")]
    [InlineData("42 N 71 N 0m")]
    [InlineData("42 N 71 W")]
    [InlineData("42 N 71 W -100000.01m")]
    [InlineData("42 N 71 W 42849672.96m")]
    [InlineData("42 N 71 W 0m -1m")]
    [InlineData("42 N 71 W 0m 90000000.01m")]
    [InlineData("42 N 71 W 0m 1m 1m 1m 1m")]
    [InlineData("42 N 71 W 1.m")]
    public void Parse_WhenMalformed_Fails(string text) => ParseFails(RecordType.LOC, text);
}
