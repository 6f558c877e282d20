using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Records.RdataAssert;

namespace SecondaryPortal.Dns.Tests.Records;

public sealed class CsyncDataTests
{
    // RFC 7477 §2.2: 66 3 A NS AAAA
    private static readonly byte[] Wire = Hex("""
        00000042          // SOA serial 66
        0003              // flags: immediate, soaminimum
        00 04 60 00 00 08 // window 0: A (1), NS (2), AAAA (28)
        """);

    [Fact]
    public void Read_DecodesEachField()
    {
        var csync = DecodesAndReencodes<CsyncData>(RecordType.CSYNC, Wire);
        Assert.Equal(66u, csync.SoaSerial);
        Assert.Equal(CsyncData.ImmediateFlag | CsyncData.SoaMinimumFlag, csync.Flags);
        Assert.Equal([RecordType.A, RecordType.NS, RecordType.AAAA], csync.Types.Types);
    }

    [Fact]
    public void Read_WhenTruncated_Fails() => EveryTruncationFails(RecordType.CSYNC, Wire, 6);

    [Fact]
    public void Presentation_RoundTrips()
    {
        var csync = Decode(RecordType.CSYNC, Wire);
        Assert.Equal("66 3 A NS AAAA", csync.ToString());
        PresentationRoundTrips(csync);
    }

    [Theory]
    [InlineData("66")]
    [InlineData("66 65536 A")]
    [InlineData("66 3 A BOGUS")]
    public void Parse_WhenMalformed_Fails(string text) => ParseFails(RecordType.CSYNC, text);
}
