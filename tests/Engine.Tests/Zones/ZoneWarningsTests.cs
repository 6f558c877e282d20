using System.Net;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Dns.ZoneFiles;
using SecondaryPortal.Engine.Tests.Support;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Tests.Zones;

public sealed class ZoneWarningsTests
{
    private static readonly DnsName Origin = DnsName.Parse("warn.example.");

    private static IReadOnlyList<DnsRecord> Parse(string body) =>
        ZoneFileParser.Parse("$TTL 300\n@ SOA ns1 hostmaster 1 7200 900 1209600 300\n" + body, Origin);

    [Fact]
    public void Analyze_OfAnOrdinaryZone_FindsNothing()
    {
        Assert.Empty(ZoneWarnings.Analyze(Origin, GeneratedZone.Create(Origin, 50)));
    }

    [Fact]
    public void Analyze_OfNoRecords_SaysWhatToCheck()
    {
        var warning = Assert.Single(ZoneWarnings.Analyze(Origin, []));
        Assert.Equal(ZoneWarningKind.EmptyZone, warning.Kind);
        Assert.Contains("ACL", warning.Message);
        Assert.Contains("TSIG key", warning.Message);
        Assert.Contains("IP address", warning.Message);
    }

    [Fact]
    public void Analyze_OfOnlySoaAndNs_IsAnEmptyZone()
    {
        var warnings = ZoneWarnings.Analyze(Origin, Parse("@ NS ns1.other.example.\n"));
        Assert.Equal(ZoneWarningKind.EmptyZone, Assert.Single(warnings).Kind);
    }

    [Fact]
    public void Analyze_OfACnameBesideOtherData_NamesTheOwners()
    {
        var records = Parse("@ NS ns1\nns1 A 192.0.2.1\nwww CNAME ns1\nwww TXT \"hello\"\nftp CNAME ns1\nftp RRSIG A 8 3 300 20300101000000 20200101000000 1 warn.example. AAAA\n");
        var warning = Assert.Single(ZoneWarnings.Analyze(Origin, records), w => w.Kind == ZoneWarningKind.CnameAndOtherData);
        Assert.Equal(["www.warn.example."], warning.Examples);
        Assert.Contains("RFC 1034 §3.6.2", warning.Message);
    }

    [Fact]
    public void Analyze_OfAZoneWithoutApexNs_SaysSo()
    {
        var warnings = ZoneWarnings.Analyze(Origin, Parse("www A 192.0.2.1\n"));
        Assert.Equal(ZoneWarningKind.NoApexNs, Assert.Single(warnings).Kind);
    }

    [Fact]
    public void Analyze_WithTheBuildersWarnings_ReportsTheRecordsDroppedOutsideTheZone()
    {
        var records = Parse("@ NS ns1\nns1 A 192.0.2.1\nwww A 192.0.2.2\nstray.other.example. A 192.0.2.3\n");
        var built = ZoneSnapshot.Build(Origin, records);
        var served = built.Snapshot!.Records().ToList();

        var warnings = ZoneWarnings.Analyze(Origin, served, built.Warnings);

        var warning = Assert.Single(warnings);
        Assert.Equal(ZoneWarningKind.OutsideZone, warning.Kind);
        Assert.Equal(["stray.other.example."], warning.Examples);
    }

    [Fact]
    public void Analyze_OfRecordsOutsideTheZone_CountsThem()
    {
        var records = Parse("@ NS ns1\nns1 A 192.0.2.1\nwww A 192.0.2.2\nstray.other.example. A 192.0.2.3\nb.other.example. A 192.0.2.4\n");
        var warning = Assert.Single(ZoneWarnings.Analyze(Origin, records));
        Assert.Equal((ZoneWarningKind.OutsideZone, 2), (warning.Kind, warning.Count));
    }

    [Fact]
    public void Analyze_OfASignedZone_SaysTheSignaturesAreServedAsTransferred()
    {
        var records = Parse("@ NS ns1\nns1 A 192.0.2.1\n@ DNSKEY 257 3 8 AwEAAaz/tAm8yTn4Mfeh\n@ RRSIG SOA 8 2 300 20300101000000 20200101000000 1 warn.example. AAAA\n");
        var warning = Assert.Single(ZoneWarnings.Analyze(Origin, records));
        Assert.Equal((ZoneWarningKind.DnssecRecords, 2), (warning.Kind, warning.Count));
        Assert.Contains("as transferred", warning.Message);
    }

    [Fact]
    public void Analyze_WithATransferLogsWarnings_CountsAndNamesTheDroppedRecords()
    {
        string log = "warnings: www.other.org. A is outside the zone warn.example.; record dropped; mail.other.org. MX is outside the zone warn.example.; record dropped";

        var warning = Assert.Single(ZoneWarnings.Analyze(Origin, Parse("@ NS ns1\nns1 A 192.0.2.1\nwww A 192.0.2.2\n"), ZoneWarnings.FromTransferLog(log)));

        Assert.Equal((ZoneWarningKind.OutsideZone, 2), (warning.Kind, warning.Count));
        Assert.Equal(["mail.other.org.", "www.other.org."], warning.Examples.Order(StringComparer.Ordinal));
        Assert.StartsWith("2 records lie outside warn.example.", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromTransferLog_ReadsTheWarningsOfAnAcceptedTransfer()
    {
        var warnings = ZoneWarnings.FromTransferLog("IXFR fell back to AXFR: REFUSED; warnings: a.b. A is outside the zone warn.example.; record dropped; x: y");
        Assert.Equal(["a.b. A is outside the zone warn.example.; record dropped", "x: y"], warnings);
    }
}
