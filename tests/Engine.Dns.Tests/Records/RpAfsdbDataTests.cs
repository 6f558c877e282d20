using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using static SecondaryPortal.Dns.Tests.Records.RdataAssert;

namespace SecondaryPortal.Dns.Tests.Records;

public sealed class RpAfsdbDataTests
{
    private static readonly byte[] RpWire = Hex("""
        04 4D626F78 07 6578616D706C65 00    // mailbox Mbox.example.
        03 545854 07 6578616D706C65 00      // TXT name TXT.example.
        """);

    private static readonly byte[] AfsdbWire = Hex("""
        0001                                // subtype 1 (AFS volume location server)
        05 4146534442 07 6578616D706C65 00  // host AFSDB.example.
        """);

    [Fact]
    public void Rp_Read_DecodesEachField()
    {
        var rp = DecodesAndReencodes<RpData>(RecordType.RP, RpWire);
        Assert.True(rp.Mailbox.EqualsCaseSensitive(DnsName.Parse("Mbox.example.")));
        Assert.True(rp.TextName.EqualsCaseSensitive(DnsName.Parse("TXT.example.")));
    }

    [Fact]
    public void Rp_Read_WhenTruncated_Fails() => EveryTruncationFails(RecordType.RP, RpWire);

    [Fact]
    public void Rp_PresentationAndCanonicalForm()
    {
        var rp = Decode(RecordType.RP, RpWire);
        Assert.Equal("Mbox.example. TXT.example.", rp.ToString());
        PresentationRoundTrips(rp);
        Assert.Equal(RecordData.Parse(RecordType.RP, "mbox.example. txt.example.").ToWire(), rp.ToCanonicalWire());
    }

    [Fact]
    public void Afsdb_Read_DecodesEachField()
    {
        var afsdb = DecodesAndReencodes<AfsdbData>(RecordType.AFSDB, AfsdbWire);
        Assert.Equal(1, afsdb.Subtype);
        Assert.True(afsdb.Hostname.EqualsCaseSensitive(DnsName.Parse("AFSDB.example.")));
    }

    [Fact]
    public void Afsdb_Read_WhenTruncated_Fails() => EveryTruncationFails(RecordType.AFSDB, AfsdbWire);

    [Fact]
    public void Afsdb_PresentationAndCanonicalForm()
    {
        var afsdb = Decode(RecordType.AFSDB, AfsdbWire);
        Assert.Equal("1 AFSDB.example.", afsdb.ToString());
        PresentationRoundTrips(afsdb);
        Assert.Equal(RecordData.Parse(RecordType.AFSDB, "1 afsdb.example.").ToWire(), afsdb.ToCanonicalWire());
    }

    [Theory]
    [InlineData(RecordType.RP, "mbox.example.")]
    [InlineData(RecordType.RP, "mbox.example. txt.example. more.example.")]
    [InlineData(RecordType.AFSDB, "afsdb.example.")]
    [InlineData(RecordType.AFSDB, "65536 afsdb.example.")]
    public void Parse_WhenMalformed_Fails(RecordType type, string text) => ParseFails(type, text);
}
