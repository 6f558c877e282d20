using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Records.RdataAssert;

namespace SecondaryPortal.Dns.Tests.Records;

public sealed class NsecDataTests
{
    // RFC 4034 §4.3: host.example.com. NSEC A MX RRSIG NSEC TYPE1234 (next name here in mixed case).
    private static readonly byte[] Wire = Hex("""
        04 486F7374 07 4578616D706C65 03 636F6D 00     // next name Host.Example.com.
        00 06 40 01 00 00 00 03                        // window 0, 6 octets: A (1), MX (15), RRSIG (46), NSEC (47)
        04 1B 000000000000000000000000000000000000000000000000000020   // window 4, 27 octets: TYPE1234
        """);

    [Fact]
    public void Read_DecodesEachField()
    {
        var nsec = DecodesAndReencodes<NsecData>(RecordType.NSEC, Wire);
        Assert.True(nsec.NextName.EqualsCaseSensitive(DnsName.Parse("Host.Example.com.")));
        Assert.Equal([RecordType.A, RecordType.MX, RecordType.RRSIG, RecordType.NSEC, (RecordType)1234], nsec.Types.Types);
    }

    [Fact]
    public void Read_WhenTruncated_Fails() =>
        // The bitmap may end after the name (no types) or after a whole window.
        EveryTruncationFails(RecordType.NSEC, Wire, 18, 26);

    [Fact]
    public void Presentation_RoundTrips()
    {
        var nsec = Decode(RecordType.NSEC, Wire);
        Assert.Equal("Host.Example.com. A MX RRSIG NSEC TYPE1234", nsec.ToString());
        PresentationRoundTrips(nsec);
    }

    [Fact]
    public void CanonicalForm_KeepsTheCaseOfTheNextName()
    {
        // RFC 6840 §5.1: NSEC is no longer in the list of RFC 4034 §6.2, so the next name is not lowercased.
        var nsec = Decode(RecordType.NSEC, Wire);
        Assert.Equal(Wire, nsec.ToCanonicalWire());
        Assert.NotEqual(nsec, RecordData.Parse(RecordType.NSEC, "host.example.com. A MX RRSIG NSEC TYPE1234"));
    }

    [Fact]
    public void Parse_SortsAndMergesTypes() =>
        Assert.Equal(Decode(RecordType.NSEC, Wire), RecordData.Parse(RecordType.NSEC, "Host.Example.com. TYPE1234 NSEC mx A RRSIG A"));

    [Theory]
    [InlineData("")]
    [InlineData("host.example.com. A NOTATYPE")]
    [InlineData("host.example.com. A \"MX\"")]
    [InlineData("host..example.com. A")]
    public void Parse_WhenMalformed_Fails(string text) => ParseFails(RecordType.NSEC, text);
}
