using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneFiles;
using SecondaryPortal.Portal.Services.Sites;

namespace SecondaryPortal.Portal.Tests.Sites;

public sealed class SiteWarningsTests
{
    private static readonly DnsName Origin = DnsName.Parse("example.com.");

    private static IReadOnlyList<DnsRecord> Zone(string body) => ZoneFileParser.Parse(
        "$TTL 300\n@ SOA ns1 hostmaster 1 3600 900 1209600 300\n" + body, Origin);

    [Fact]
    public void Find_InACleanZone_FindsNothing()
    {
        Assert.Empty(SiteWarnings.Find(Origin, Zone("@ NS ns1\nns1 A 192.0.2.1\nwww CNAME ns1\n"), null));
    }

    [Fact]
    public void Find_ACnameBesideOtherData_NamesTheOwner()
    {
        var warning = Assert.Single(SiteWarnings.Find(Origin, Zone("@ NS ns1\nwww CNAME ns1\nwww TXT \"x\"\n"), null));
        Assert.Equal(SiteWarningKind.CnameBesideOtherData, warning.Kind);
        Assert.StartsWith("www.example.com. has a CNAME and other records", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_NoNsAtTheApex_SaysSo()
    {
        var warning = Assert.Single(SiteWarnings.Find(Origin, Zone("sub NS ns.elsewhere.example.\n"), null));
        Assert.Equal(SiteWarningKind.MissingApexNs, warning.Kind);
    }

    [Fact]
    public void Find_RecordsDroppedOutsideTheZone_CountsThemFromTheTransferWarnings()
    {
        string log = "warnings: www.other.org. A is outside the zone example.com.; record dropped; mail.other.org. MX is outside the zone example.com.; record dropped";
        var warning = Assert.Single(SiteWarnings.Find(Origin, Zone("@ NS ns1\n"), log));
        Assert.Equal(SiteWarningKind.RecordsOutsideZoneDropped, warning.Kind);
        Assert.StartsWith("2 records were outside example.com. and dropped (www.other.org., mail.other.org.)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_DnssecRecords_CountsThemByType()
    {
        var zone = Zone("@ NS ns1\n@ DNSKEY 257 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==\n");
        var warning = Assert.Single(SiteWarnings.Find(Origin, zone, null));
        Assert.Equal(SiteWarningKind.DnssecRecordsPresent, warning.Kind);
        Assert.StartsWith("The zone is DNSSEC-signed (1 DNSKEY)", warning.Message, StringComparison.Ordinal);
    }
}
