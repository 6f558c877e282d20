using System.Diagnostics;
using System.Net;
using System.Text;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Tests.Lookup;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Dns.ZoneFiles;
using Xunit.Abstractions;

namespace SecondaryPortal.Dns.Tests.ZoneData;

/// <summary>
/// <see cref="ZoneSnapshot.Apply"/> against the reference path (ZoneDiff.TryApply on every record, then a full
/// ZoneSnapshot.Build): the same records, the same answers, the same errors.
/// </summary>
public sealed class ZoneSnapshotApplyTests(ITestOutputHelper output)
{
    public static TheoryData<string, int> Sequences() => new()
    {
        { UnitZones.Parent, 1 }, { UnitZones.Parent, 2 }, { UnitZones.Parent, 3 },
        { UnitZones.Nsec, 4 }, { UnitZones.Nsec, 5 },
        { UnitZones.Nsec3, 6 }, { UnitZones.Nsec3, 7 },
    };

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Apply_OfRandomDiffSequences_EqualsAFullBuild(string origin, int seed)
    {
        var random = new Random(seed);
        var zone = UnitZones.Get(origin);
        var diffs = new RandomDiffs(random, zone.Origin);
        for (int step = 0; step < 12; step++)
        {
            var batch = Enumerable.Range(0, 1 + random.Next(3)).Aggregate(new List<ZoneDiff>(), (list, _) =>
            {
                list.Add(diffs.Next(Reference(zone, list), 1 + random.Next(6)));
                return list;
            });
            zone = AssertApplyMatchesBuild(zone, batch, maxNames: int.MaxValue);
        }
    }

    [Fact]
    public void Apply_OnAGeneratedTenThousandRecordZone_EqualsAFullBuild()
    {
        var random = new Random(11);
        var zone = Generated(10_000);
        var diffs = new RandomDiffs(random, zone.Origin);
        for (int step = 0; step < 6; step++)
        {
            var diff = diffs.Next(zone.Records().ToList(), 1 + random.Next(20));
            zone = AssertApplyMatchesBuild(zone, [diff], maxNames: 400);
        }
    }

    [Fact]
    public void Apply_OverAndOver_UntilTheChangesMakeANewNodeIndex_StillEqualsAFullBuild()
    {
        var random = new Random(12);
        var zone = Generated(2_000);
        var diffs = new RandomDiffs(random, zone.Origin);
        bool madeNewIndex = false;
        for (int step = 0; step < 400 && !madeNewIndex; step++)
        {
            var diff = diffs.Next(zone.Records().ToList(), 1 + random.Next(4));
            bool carried = zone.NodeSet.Nodes.ChangeCount > 0;
            zone = AssertApplyMatchesBuild(zone, [diff], maxNames: 100);
            madeNewIndex = carried && zone.NodeSet.Nodes.ChangeCount == 0;
        }
        Assert.True(madeNewIndex, "the patches never outgrew their bound");
    }

    [Fact]
    public void Apply_WhenOnlyTheSoaChanges_KeepsEveryOtherNode()
    {
        var zone = UnitZones.Get(UnitZones.Nsec3);
        var diff = new ZoneDiff(zone.Soa, NextSoa(zone.Soa), [], []);
        var result = AssertApplyMatchesBuild(zone, [diff], int.MaxValue);
        Assert.Equal(zone.Serial + 1, result.Serial);
        Assert.Same(zone.Nsec3Nodes, result.Nsec3Nodes);
    }

    [Fact]
    public void Apply_WhenADelegationAndItsGlueComeAndGo_ReferralsFollow()
    {
        var zone = UnitZones.Get(UnitZones.Parent);
        var cut = DnsName.Parse("newcut.deep.rich.example.");
        var glue = new DnsRecord(DnsName.Parse("ns.newcut.deep.rich.example."), 300, new AData(IPAddress.Parse("192.0.2.99")));
        var ns = new DnsRecord(cut, 300, new NsData(glue.Name));
        var added = AssertApplyMatchesBuild(zone, [new ZoneDiff(zone.Soa, NextSoa(zone.Soa), [], [ns, glue])], int.MaxValue);
        Assert.Equal(zone.NodeCount + 3, added.NodeCount); // newcut, its glue and the empty non-terminal "deep"
        var removed = AssertApplyMatchesBuild(added, [new ZoneDiff(added.Soa, NextSoa(added.Soa), [ns, glue], [])], int.MaxValue);
        Assert.Equal(zone.NodeCount, removed.NodeCount);
    }

    [Fact]
    public void Apply_WhenACnameIsAddedBesideData_WarnsAsBuildDoes()
    {
        var zone = UnitZones.Get(UnitZones.Parent);
        var cname = new DnsRecord(DnsName.Parse("www.rich.example."), 300, new CnameData(DnsName.Parse("mail.rich.example.")));
        var result = zone.Apply([new ZoneDiff(zone.Soa, NextSoa(zone.Soa), [], [cname])]);
        Assert.Contains(result.Warnings, w => w.Contains("CNAME beside other data"));
        AssertApplyMatchesBuild(zone, [new ZoneDiff(zone.Soa, NextSoa(zone.Soa), [], [cname])], int.MaxValue);
    }

    [Fact]
    public void Apply_WhenARecordIsOutsideTheZone_DropsItWithAWarning()
    {
        var zone = UnitZones.Get(UnitZones.Parent);
        var outside = new DnsRecord(DnsName.Parse("www.outside.test."), 300, new AData(IPAddress.Parse("192.0.2.7")));
        var result = zone.Apply([new ZoneDiff(zone.Soa, NextSoa(zone.Soa), [], [outside])]);
        Assert.Contains(result.Warnings, w => w.Contains("outside the zone"));
        Assert.Equal(zone.RecordCount, result.Snapshot!.RecordCount);
    }

    [Fact]
    public void Apply_WhenADeletedRecordIsMissing_FailsAsTryApplyDoes()
    {
        var zone = UnitZones.Get(UnitZones.Parent);
        var missing = new DnsRecord(DnsName.Parse("nothere.rich.example."), 300, new AData(IPAddress.Parse("192.0.2.7")));
        AssertSameError(zone, [new ZoneDiff(zone.Soa, NextSoa(zone.Soa), [missing], [])]);
    }

    [Fact]
    public void Apply_WhenAnAddedRecordIsHeld_FailsAsTryApplyDoes()
    {
        var zone = UnitZones.Get(UnitZones.Parent);
        var held = zone.Records().First(r => r.Type == RecordType.A) with { Ttl = 1 };
        AssertSameError(zone, [new ZoneDiff(zone.Soa, NextSoa(zone.Soa), [], [held])]);
    }

    [Fact]
    public void Apply_WhenADiffStartsAtAnotherSerial_FailsAsTryApplyDoes()
    {
        var zone = UnitZones.Get(UnitZones.Parent);
        var first = new ZoneDiff(zone.Soa, NextSoa(zone.Soa), [], []);
        var second = new ZoneDiff(NextSoa(NextSoa(zone.Soa)), NextSoa(NextSoa(NextSoa(zone.Soa))), [], []);
        AssertSameError(zone, [first, second]);
        AssertSameError(zone, [second]);
    }

    [Fact]
    public void Apply_LeavesTheOriginalSnapshotUnchanged()
    {
        var zone = UnitZones.Get(UnitZones.Nsec);
        var before = zone.Records().Select(r => r.ToString()).ToList();
        var diffs = new RandomDiffs(new Random(3), zone.Origin);
        var result = zone.Apply([diffs.Next(zone.Records().ToList(), 10)]);
        Assert.True(result.Succeeded);
        Assert.Equal(before, zone.Records().Select(r => r.ToString()).ToList());
        SnapshotEquivalence.AssertSame(UnitZones.Get(UnitZones.Nsec), zone);
    }

    [Fact]
    public void Apply_OfOneToThreeRecordsToAHundredThousandRecordZone_MatchesAFullRebuild()
    {
        var zone = Generated(100_000);
        var random = new Random(5);
        var diffs = new RandomDiffs(random, zone.Origin);
        var clock = Stopwatch.StartNew();
        var records = zone.Records().ToList(); // the path Apply replaces: every record decoded, the diff applied, a full build
        Assert.True(ZoneDiff.TryApply(records, [new ZoneDiff(zone.Soa, zone.Soa, [], [])], out var reference, out _));
        var rebuilt = ZoneSnapshot.Build(zone.Origin, reference);
        var rebuild = clock.Elapsed;
        Assert.True(rebuilt.Succeeded);
        var times = new List<double>();
        for (int i = 0; i < 40; i++)
        {
            var diff = diffs.Next(records, 1 + random.Next(3));
            clock.Restart();
            var result = zone.Apply([diff]);
            times.Add(clock.Elapsed.TotalMilliseconds);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
            zone = result.Snapshot!;
            ZoneDiff.TryApply(records, [diff], out var next, out _);
            records = next!;
        }
        times.Sort();
        double median = times[times.Count / 2], worst = times[^1];
        output.WriteLine($"{zone.RecordCount} records: decode + TryApply + full Build {rebuild.TotalMilliseconds:F0} ms; Apply of 1-3 records median {median:F2} ms, max {worst:F2} ms");
        // Timing is reported, not asserted (a loaded CI machine is no benchmark): bench/README.md has the figures.
        SnapshotEquivalence.AssertSame(ZoneSnapshot.Build(zone.Origin, records).Snapshot!, zone, maxNames: 300);
    }

    private static ZoneSnapshot AssertApplyMatchesBuild(ZoneSnapshot zone, List<ZoneDiff> diffs, int maxNames)
    {
        Assert.True(ZoneDiff.TryApply(zone.Records().ToList(), diffs, out var applied, out string? error), error);
        var expected = ZoneSnapshot.Build(zone.Origin, applied);
        var actual = zone.Apply(diffs);
        Assert.Equal(expected.Errors, actual.Errors);
        Assert.True(actual.Succeeded, string.Join("; ", actual.Errors));
        SnapshotEquivalence.AssertSame(expected.Snapshot!, actual.Snapshot!, maxNames);
        return actual.Snapshot!;
    }

    private static void AssertSameError(ZoneSnapshot zone, List<ZoneDiff> diffs)
    {
        Assert.False(ZoneDiff.TryApply(zone.Records().ToList(), diffs, out _, out string? error));
        var result = zone.Apply(diffs);
        Assert.False(result.Succeeded);
        Assert.Equal([error], result.Errors);
    }

    private static List<DnsRecord> Reference(ZoneSnapshot zone, List<ZoneDiff> diffs)
    {
        Assert.True(ZoneDiff.TryApply(zone.Records().ToList(), diffs, out var applied, out string? error), error);
        return applied;
    }

    private static DnsRecord NextSoa(DnsRecord soa) => soa with { Data = ((SoaData)soa.Data).WithSerial(((SoaData)soa.Data).Serial + 1) };

    /// <summary>Hosts with A, every 4th an AAAA, every 10th a TXT, every 100th a delegation with glue, a wildcard.</summary>
    private static ZoneSnapshot Generated(int records)
    {
        var text = new StringBuilder("$ORIGIN big.example.\n$TTL 3600\n@ SOA ns1 hostmaster 1 7200 900 1209600 300\n@ NS ns1\nns1 A 192.0.2.1\n* TXT \"wild\"\n");
        int count = 4;
        for (int i = 0; count < records; i++)
        {
            text.Append($"host{i}.r{i % 50} A 10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}\n");
            count++;
            if (i % 4 == 0 && count++ < records)
                text.Append($"host{i}.r{i % 50} AAAA 2001:db8::{i >> 16:x}:{i & 0xffff:x}\n");
            if (i % 10 == 0 && count++ < records)
                text.Append($"host{i}.r{i % 50} TXT \"host {i}\"\n");
            if (i % 100 == 0 && count < records)
            {
                text.Append($"sub{i} NS ns.sub{i}\nns.sub{i} A 192.0.2.{i % 250}\n");
                count += 2;
            }
        }
        var origin = DnsName.Parse("big.example.");
        var built = ZoneSnapshot.Build(origin, ZoneFileParser.Read(new StringReader(text.ToString()), "generated", origin));
        Assert.True(built.Succeeded, string.Join("; ", built.Errors));
        return built.Snapshot!;
    }
}
