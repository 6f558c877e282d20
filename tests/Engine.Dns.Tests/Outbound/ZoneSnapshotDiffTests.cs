using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Dns.ZoneFiles;

using static SecondaryPortal.Dns.Tests.Outbound.OutboundZones;

namespace SecondaryPortal.Dns.Tests.Outbound;

public sealed class ZoneSnapshotDiffTests
{
    [Fact]
    public void Compute_OfIdenticalZones_IsEmpty_AndGoesFromSoaToSoa()
    {
        var diff = ZoneSnapshotDiff.Compute(Snapshot(Text(1)), Snapshot(Text(2)));

        Assert.Empty(diff.Deleted);
        Assert.Empty(diff.Added);
        Assert.Equal((1u, 2u), (diff.OldSerial, diff.NewSerial));
    }

    [Fact]
    public void Compute_FindsAddedAndDeletedRecords_InExistingAndNewRRsets()
    {
        var older = Snapshot(Text(1, "gone IN A 192.0.2.1\nweb IN A 192.0.2.81"));
        var newer = Snapshot(Text(2, "fresh IN AAAA 2001:db8::1\nweb IN A 192.0.2.82"));

        var diff = ZoneSnapshotDiff.Compute(older, newer);

        Assert.Equal(["gone.xfr-out.example.\t3600\tIN\tA\t192.0.2.1", "web.xfr-out.example.\t3600\tIN\tA\t192.0.2.81"], Lines(diff.Deleted));
        Assert.Equal(["fresh.xfr-out.example.\t3600\tIN\tAAAA\t2001:db8::1", "web.xfr-out.example.\t3600\tIN\tA\t192.0.2.82"], Lines(diff.Added));
    }

    [Fact]
    public void Compute_WhenATtlChanges_DeletesAndAddsTheWholeRRset()
    {
        var older = Snapshot(Text(1, "multi 300 IN A 192.0.2.1\nmulti 300 IN A 192.0.2.2"));
        var newer = Snapshot(Text(2, "multi 600 IN A 192.0.2.1\nmulti 600 IN A 192.0.2.2"));

        var diff = ZoneSnapshotDiff.Compute(older, newer);

        Assert.Equal(["multi.xfr-out.example.\t300\tIN\tA\t192.0.2.1", "multi.xfr-out.example.\t300\tIN\tA\t192.0.2.2"], Lines(diff.Deleted));
        Assert.Equal(["multi.xfr-out.example.\t600\tIN\tA\t192.0.2.1", "multi.xfr-out.example.\t600\tIN\tA\t192.0.2.2"], Lines(diff.Added));
    }

    [Fact]
    public void Compute_IgnoresAChangeOfCaseInOwnerNames()
    {
        var diff = ZoneSnapshotDiff.Compute(Snapshot(Text(1, "Mixed IN A 192.0.2.7")), Snapshot(Text(2, "mIXED IN A 192.0.2.7")));

        Assert.Empty(diff.Deleted);
        Assert.Empty(diff.Added);
    }

    [Fact]
    public void Compute_CoversApexRecordsButNotTheSoa()
    {
        var older = Snapshot(Text(1));
        var newer = Snapshot(Text(2, "@ IN TXT \"apex\""));

        var diff = ZoneSnapshotDiff.Compute(older, newer);

        Assert.Equal(["xfr-out.example.\t3600\tIN\tTXT\t\"apex\""], Lines(diff.Added));
        Assert.Empty(diff.Deleted);
        Assert.Equal(RecordType.SOA, diff.OldSoa.Type);
    }

    [Theory]
    [InlineData("interop.example.signed-nsec")]
    [InlineData("interop.example.signed-nsec3")]
    public void Compute_OfSignedZones_CoversSignaturesAndNsec3Owners(string file)
    {
        var origin = DnsName.Parse("interop.example.");
        var signed = ZoneFileParser.LoadFile(Path.Combine(AppContext.BaseDirectory, "testdata", "zones", file), origin);
        var older = Build(signed, origin);
        var dropped = signed.Where(r => r.Type is RecordType.NSEC3 or RecordType.RRSIG).Take(3).ToList();
        var newer = Build(signed.Except(dropped), origin);

        var there = ZoneSnapshotDiff.Compute(older, newer);
        var back = ZoneSnapshotDiff.Compute(newer, older);

        Assert.Equal(Lines(dropped), Lines(there.Deleted));
        Assert.Empty(there.Added);
        Assert.Equal(Lines(dropped), Lines(back.Added));
    }

    [Fact]
    public void Compute_ThenApply_TurnsTheOlderZoneIntoTheNewer()
    {
        var older = Large(2000, serial: 1);
        var newerRecords = older.Records().Where((r, i) => i % 7 != 3).ToList();
        newerRecords[0] = newerRecords[0] with { Data = ((SoaData)newerRecords[0].Data).WithSerial(2) };
        newerRecords.Add(new DnsRecord(DnsName.Parse("extra", Origin), 60, new TxtData("more")));
        var newer = Build(newerRecords);

        var diff = ZoneSnapshotDiff.Compute(older, newer);

        Assert.True(ZoneDiff.TryApply(older.Records().ToList(), [diff], out var applied, out string? error), error);
        Assert.Equal(Lines(newer.Records()), Lines(applied));
    }

    [Fact]
    public void Compute_OfDifferentZones_Throws()
    {
        var other = Build(Zone(DnsName.Parse("other.example.")), DnsName.Parse("other.example."));

        Assert.Throws<ArgumentException>(() => ZoneSnapshotDiff.Compute(Snapshot(Text(1)), other));
    }

    private static IEnumerable<DnsRecord> Zone(DnsName origin) =>
        ZoneFileParser.Parse("@ 3600 IN SOA ns hostmaster 1 2 3 4 5\n@ 3600 IN NS ns\n", origin);
}
