using System.Text;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Records.RdataAssert;

namespace SecondaryPortal.Dns.Tests.Records;

public sealed class NaptrDataTests
{
    // RFC 3403 §6.2 style: 100 10 "S" "SIP+D2U" "!^.*$!sip:a@b!" _sip._udp.Example.
    private static readonly byte[] Wire = Hex("""
        0064                                      // order 100
        000A                                      // preference 10
        01 53                                     // flags "S"
        07 5349502B443255                         // services "SIP+D2U"
        0E 215E2E2A24217369703A614062 21          // regexp "!^.*$!sip:a@b!"
        04 5F736970 04 5F756470 07 4578616D706C65 00  // replacement _sip._udp.Example.
        """);

    [Fact]
    public void Read_DecodesEachField()
    {
        var naptr = DecodesAndReencodes<NaptrData>(RecordType.NAPTR, Wire);
        Assert.Equal(100, naptr.Order);
        Assert.Equal(10, naptr.Preference);
        Assert.Equal("S", Encoding.ASCII.GetString(naptr.Flags.Span));
        Assert.Equal("SIP+D2U", Encoding.ASCII.GetString(naptr.Services.Span));
        Assert.Equal("!^.*$!sip:a@b!", Encoding.ASCII.GetString(naptr.Regexp.Span));
        Assert.Equal(DnsName.Parse("_sip._udp.example."), naptr.Replacement);
    }

    [Fact]
    public void Read_WhenTruncated_Fails() => EveryTruncationFails(RecordType.NAPTR, Wire);

    [Fact]
    public void Presentation_RoundTrips()
    {
        var naptr = Decode(RecordType.NAPTR, Wire);
        Assert.Equal("100 10 \"S\" \"SIP+D2U\" \"!^.*$!sip:a@b!\" _sip._udp.Example.", naptr.ToString());
        PresentationRoundTrips(naptr);
        PresentationRoundTrips(RecordData.Parse(RecordType.NAPTR, "100 10 \"\" \"\" \"\" ."));
        PresentationRoundTrips(RecordData.Parse(RecordType.NAPTR, "1 2 u E2U+sip \"!^\\\\+(.*)$!\\\"x\\\"!\" ."));
    }

    [Fact]
    public void CanonicalForm_LowercasesReplacement() =>
        Assert.Equal(RecordData.Parse(RecordType.NAPTR, "1 1 \"\" \"\" \"\" a.example."), RecordData.Parse(RecordType.NAPTR, "1 1 \"\" \"\" \"\" A.EXAMPLE."));

    [Theory]
    [InlineData("100 10 \"S\" \"SIP+D2U\" \"\"")]
    [InlineData("100 10 \"S!\" \"SIP+D2U\" \"\" .")]
    [InlineData("100 10 \"S\" \"SIP+D2U\" \"\" . extra")]
    [InlineData("100000 10 \"S\" \"SIP+D2U\" \"\" .")]
    public void Parse_WhenMalformed_Fails(string text) => ParseFails(RecordType.NAPTR, text);
}
