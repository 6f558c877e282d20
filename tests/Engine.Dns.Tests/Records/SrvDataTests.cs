using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Records.RdataAssert;

namespace SecondaryPortal.Dns.Tests.Records;

public sealed class SrvDataTests
{
    private static readonly byte[] Wire = Hex("""
        000A                              // priority 10
        003C                              // weight 60
        13C4                              // port 5060
        03 534950 07 4578616D706C65 00    // target SIP.Example.
        """);

    [Fact]
    public void Read_DecodesEachField()
    {
        var srv = DecodesAndReencodes<SrvData>(RecordType.SRV, Wire);
        Assert.Equal(10, srv.Priority);
        Assert.Equal(60, srv.Weight);
        Assert.Equal(5060, srv.Port);
        Assert.True(srv.Target.EqualsCaseSensitive(DnsName.Parse("SIP.Example.")));
    }

    [Fact]
    public void Read_WhenTruncated_Fails() => EveryTruncationFails(RecordType.SRV, Wire);

    [Fact]
    public void Presentation_RoundTrips()
    {
        var srv = Decode(RecordType.SRV, Wire);
        Assert.Equal("10 60 5060 SIP.Example.", srv.ToString());
        PresentationRoundTrips(srv);
        GenericFormRoundTrips(srv);
    }

    [Fact]
    public void Parse_CompletesRelativeTarget()
    {
        var srv = Assert.IsType<SrvData>(RecordData.Parse(RecordType.SRV, "0 0 443 www", DnsName.Parse("example.")));
        Assert.Equal(DnsName.Parse("www.example."), srv.Target);
    }

    [Fact]
    public void CanonicalForm_LowercasesTarget()
    {
        var upper = RecordData.Parse(RecordType.SRV, "10 60 5060 SIP.Example.");
        var lower = RecordData.Parse(RecordType.SRV, "10 60 5060 sip.example.");
        Assert.Equal(lower.ToWire(), upper.ToCanonicalWire());
        Assert.Equal(lower, upper);
    }

    [Theory]
    [InlineData("10 60 5060")]
    [InlineData("10 60 65536 sip.example.")]
    [InlineData("10 -1 5060 sip.example.")]
    [InlineData("ten 60 5060 sip.example.")]
    [InlineData("10 60 5060 sip.example. extra")]
    [InlineData("10 60 5060 sip..example.")]
    public void Parse_WhenMalformed_Fails(string text) => ParseFails(RecordType.SRV, text);
}
