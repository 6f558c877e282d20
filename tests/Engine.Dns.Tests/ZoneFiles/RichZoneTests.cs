using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneFiles;

namespace SecondaryPortal.Dns.Tests.ZoneFiles;

/// <summary>
/// testdata/zones/rich.example.zone uses every directive and many record types; BIND's reading of it
/// (named-compilezone) is the reference for ours.
/// </summary>
public sealed class RichZoneTests
{
    private static readonly DnsName Origin = DnsName.Parse("rich.example.");

    private static readonly string ZonePath = Path.Combine(AppContext.BaseDirectory, "testdata", "zones", "rich.example.zone");

    private static readonly RecordType[] TypesInTheZone =
    [
        RecordType.SOA, RecordType.NS, RecordType.A, RecordType.AAAA, RecordType.MX, RecordType.TXT, RecordType.CNAME,
        RecordType.DNAME, RecordType.SRV, RecordType.CAA, RecordType.NAPTR, RecordType.SSHFP, RecordType.TLSA,
        RecordType.SVCB, RecordType.HTTPS, RecordType.DS, RecordType.DNSKEY, RecordType.RRSIG, RecordType.NSEC,
        RecordType.NSEC3, RecordType.NSEC3PARAM, RecordType.ZONEMD,
    ];

    [Fact]
    public void RichZone_ReadsToTheSameRecordSetAsBind()
    {
        var ours = ZoneFileParser.LoadFile(ZonePath, Origin);

        var bind = BindTools.Compile(ZonePath, Origin);

        BindTools.AssertSameRecordSet(bind, ours);
        Assert.Equal(bind.Count, ours.Count);
    }

    [Fact]
    public void RichZone_HoldsEveryTypeItIsMeantTo_EachDecodedByItsOwnClass()
    {
        var records = ZoneFileParser.LoadFile(ZonePath, Origin);

        Assert.All(TypesInTheZone, type => Assert.Contains(records, r => r.Type == type));
        Assert.All(records.Where(r => TypesInTheZone.Contains(r.Type)), r => Assert.IsNotType<UnknownData>(r.Data));
        Assert.Contains(records, r => r.Type == (RecordType)65534 && r.Data is UnknownData);
    }

    [Fact]
    public void RichZone_UsesEachDirective()
    {
        var records = ZoneFileParser.LoadFile(ZonePath, Origin);

        Assert.Contains(records, r => r.Name == DnsName.Parse("inc-host.included.rich.example.") && r.Type == RecordType.TXT);
        Assert.Contains(records, r => r.Name == DnsName.Parse("deepest.deeper.included.rich.example."));
        Assert.Contains(records, r => r.Name == DnsName.Parse("after-include.rich.example."));
        Assert.Equal(4, records.Count(r => r.Name.ToString().StartsWith("dhcp-0", StringComparison.Ordinal)));
        Assert.Contains(records, r => r.Name == DnsName.Parse("2.0.v6.rich.example.") && r.Ttl == 300);
        Assert.Contains(records, r => r.Name.EqualsCaseSensitive(DnsName.Parse("MiXeD.CaSe.rich.example.")));
    }

    [Fact]
    public void RichZone_WrittenBackOut_IsAcceptedByBind_AndReadsBackToTheSameRecords()
    {
        using var folder = new TempDirectory();
        var records = ZoneFileParser.LoadFile(ZonePath, Origin);
        string written = Path.Combine(folder.Path, "rich.written.zone");

        ZoneFileWriter.WriteFile(written, records, Origin);

        var (accepted, messages) = BindTools.Check(written, Origin);
        Assert.True(accepted, messages);
        Assert.Equal(records, ZoneFileParser.LoadFile(written, Origin));
        BindTools.AssertSameRecordSet(records, BindTools.Compile(written, Origin));
    }
}
