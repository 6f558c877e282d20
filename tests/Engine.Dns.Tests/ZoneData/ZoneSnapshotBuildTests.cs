using System.Net;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Tests.Lookup;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Dns.ZoneFiles;

namespace SecondaryPortal.Dns.Tests.ZoneData;

public sealed class ZoneSnapshotBuildTests
{
    private static readonly DnsName Origin = DnsName.Parse("example.");

    private const string Soa = "@ 3600 SOA ns1 hostmaster 42 7200 900 1209600 300\n@ NS ns1\nns1 A 192.0.2.1\n";

    private static ZoneBuildResult Build(string text) => ZoneSnapshot.Build(Origin, ZoneFileParser.Parse("$TTL 3600\n" + text, Origin));

    [Fact]
    public void Build_ReportsOriginSerialSoaAndRecordCount()
    {
        var result = Build(Soa + "www A 192.0.2.80\nwww A 192.0.2.81\n");

        var zone = Assert.IsType<ZoneSnapshot>(result.Snapshot);
        Assert.True(result.Succeeded);
        Assert.Empty(result.Errors);
        Assert.Equal(Origin, zone.Origin);
        Assert.Equal(42u, zone.Serial);
        Assert.Equal(5, zone.RecordCount);
        Assert.Equal(RecordType.SOA, zone.Soa.Type);
        Assert.Equal(42u, ((SoaData)zone.Soa.Data).Serial);
    }

    [Fact]
    public void Build_WithoutSoa_FailsWithAnError()
    {
        var result = Build("@ NS ns1\nns1 A 192.0.2.1\n");

        Assert.False(result.Succeeded);
        Assert.Null(result.Snapshot);
        Assert.Contains(result.Errors, e => e.Contains("no SOA", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_WithTwoSoaRecords_Fails()
    {
        var result = Build(Soa + "@ 3600 SOA ns1 hostmaster 43 7200 900 1209600 300\n");

        Assert.Null(result.Snapshot);
        Assert.Contains(result.Errors, e => e.Contains("more than one SOA", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_WithSoaBelowTheApex_Fails()
    {
        var result = Build(Soa + "sub 3600 SOA ns1 hostmaster 1 7200 900 1209600 300\n");

        Assert.Null(result.Snapshot);
        Assert.Contains(result.Errors, e => e.Contains("not at the zone apex", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_DropsRecordsOutsideTheZone_WithAWarning()
    {
        var records = ZoneFileParser.Parse(Soa, Origin).Append(new DnsRecord(DnsName.Parse("www.other."), 60, new AData(IPAddress.Parse("192.0.2.9"))));

        var result = ZoneSnapshot.Build(Origin, records);

        Assert.Equal(3, result.Snapshot!.RecordCount);
        Assert.Contains(result.Warnings, w => w.Contains("outside the zone", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Snapshot.Records(), r => r.Name == DnsName.Parse("www.other."));
    }

    [Fact]
    public void Build_DropsANameThatOnlyEndsLikeTheOrigin()
    {
        var records = ZoneFileParser.Parse(Soa, Origin).Append(new DnsRecord(DnsName.Parse("notexample."), 60, new AData(IPAddress.Parse("192.0.2.9"))));

        var result = ZoneSnapshot.Build(Origin, records);

        Assert.Equal(3, result.Snapshot!.RecordCount);
        Assert.Single(result.Warnings);
    }

    [Fact]
    public void Build_DropsRecordsOfAnotherClass_WithAWarning()
    {
        var records = ZoneFileParser.Parse(Soa, Origin).Append(new DnsRecord(DnsName.Parse("www.example."), DnsClass.CH, 60, new TxtData("x")));

        var result = ZoneSnapshot.Build(Origin, records);

        Assert.Equal(3, result.Snapshot!.RecordCount);
        Assert.Contains(result.Warnings, w => w.Contains("class CH", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_WhenTtlsOfAnRRsetDiffer_UsesTheLowest_WithAWarning()
    {
        var result = Build(Soa + "www 600 A 192.0.2.80\nwww 60 A 192.0.2.81\nwww 300 A 192.0.2.82\n");

        var ttls = result.Snapshot!.Records().Where(r => r.Type == RecordType.A && r.Name == DnsName.Parse("www.example.")).Select(r => r.Ttl).Distinct();
        Assert.Equal([60u], ttls);
        Assert.Contains(result.Warnings, w => w.Contains("RFC 2181", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_WithCnameBesideOtherData_Warns()
    {
        var result = Build(Soa + "alias CNAME www\nalias TXT \"beside\"\n");

        Assert.NotNull(result.Snapshot);
        Assert.Contains(result.Warnings, w => w.Contains("alias.example.: CNAME beside other data", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_WithCnameBesideDnssecRecords_DoesNotWarn()
    {
        var result = Build(Soa + "alias CNAME www\nalias NSEC www A\n");

        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Build_KeepsOneCnameOfSeveral_WithAWarning()
    {
        var result = Build(Soa + "alias CNAME www\nalias CNAME mail\n");

        Assert.Single(result.Snapshot!.Records(), r => r.Type == RecordType.CNAME);
        Assert.Contains(result.Warnings, w => w.Contains("more than one CNAME", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_DropsDuplicates_IncludingNamesThatDifferOnlyInCase()
    {
        var result = Build(Soa + "www A 192.0.2.80\nWWW A 192.0.2.80\nmx MX 10 mail\nmx MX 10 MAIL\nmx MX 20 mail\n");

        Assert.Equal(6, result.Snapshot!.RecordCount);
        Assert.Equal(2, result.Snapshot.Records().Count(r => r.Type == RecordType.MX));
    }

    [Fact]
    public void Build_KeepsRecordsThatDifferOnlyInCaseWhereCaseMatters()
    {
        var result = Build(Soa + "t TXT \"abc\"\nt TXT \"ABC\"\n");

        Assert.Equal(2, result.Snapshot!.Records().Count(r => r.Type == RecordType.TXT));
    }

    [Fact]
    public void Build_DropsMetaTypes_WithAWarning()
    {
        var records = ZoneFileParser.Parse(Soa, Origin).Append(new DnsRecord(Origin, 0, new UnknownData(RecordType.AXFR, [])));

        var result = ZoneSnapshot.Build(Origin, records);

        Assert.Equal(3, result.Snapshot!.RecordCount);
        Assert.Contains(result.Warnings, w => w.Contains("meta type", StringComparison.Ordinal));
    }

    [Fact]
    public void Records_ReturnsEveryRecord_WithTheSoaFirst()
    {
        string text = File.ReadAllText(UnitZones.Path("secure3.rich.example.signed"));
        var origin = DnsName.Parse(UnitZones.Nsec3);
        var input = ZoneFileParser.Parse(text, origin);

        var output = ZoneSnapshot.Build(origin, input).Snapshot!.Records().ToList();

        Assert.Equal(RecordType.SOA, output[0].Type);
        Assert.Equal(input.Count, output.Count);
        Assert.Equal(input.Select(r => r.ToString()).Order(), output.Select(r => r.ToString()).Order());
    }

    [Fact]
    public void Records_KeepsTheZonesCaseOfOwnerNames()
    {
        var zone = Build(Soa + "MiXeD A 192.0.2.7\n").Snapshot!;

        Assert.Contains(zone.Records(), r => r.Name.EqualsCaseSensitive(DnsName.Parse("MiXeD.example.")));
    }

    [Fact]
    public void Build_CountsEmptyNonTerminalsAsNames()
    {
        var zone = Build(Soa + "a.b.c A 192.0.2.7\n").Snapshot!;

        Assert.Equal(5, zone.NodeCount); // apex, ns1, c, b.c, a.b.c
    }

    [Fact]
    public void Build_MarksAZoneWithSignaturesAsSigned()
    {
        Assert.True(UnitZones.Get(UnitZones.Nsec).IsSigned);
        Assert.False(UnitZones.Get(UnitZones.Parent).IsSigned);
    }
}
