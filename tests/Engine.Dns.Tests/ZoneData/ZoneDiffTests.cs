using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

using static SecondaryPortal.Dns.Tests.Transfer.FakeZone;

namespace SecondaryPortal.Dns.Tests.ZoneData;

/// <summary>Applying IXFR diffs to a whole zone (RFC 1995 §4 semantics: delete, then add; records compared without TTL).</summary>
public sealed class ZoneDiffTests
{
    private static ZoneDiff Diff(uint from, uint to, DnsRecord[] deleted, DnsRecord[] added) => new(Soa(from), Soa(to), deleted, added);

    [Fact]
    public void TryApply_DeletesAndAdds_KeepsTheOrderOfKeptRecords_AndReplacesTheSoa()
    {
        var body = Body(5);
        var zone = new List<DnsRecord>([Soa(1), .. body]);
        var added = A("added", "192.0.2.10");

        Assert.True(ZoneDiff.TryApply(zone, [Diff(1, 2, [body[2]], [added])], out var result, out string? error), error);

        Assert.Equal([Soa(2), body[0], body[1], body[3], body[4], body[5], body[6], added], result);
        Assert.Equal([Soa(1), .. body], zone); // the input is left as it was
    }

    [Fact]
    public void TryApply_MatchesDeletionsWithoutTtlOrNameCase_AndNamesInRdataWithoutCase()
    {
        var ns = new DnsRecord(Zone, 3600, new NsData(DnsName.Parse("NS1.Fake.Example.")));
        var host = A("www", "192.0.2.1", ttl: 300);
        var zone = new List<DnsRecord> { Soa(1), ns, host };
        var deleteNs = new DnsRecord(DnsName.Parse("FAKE.example."), 60, new NsData(DnsName.Parse("ns1.fake.example.")));
        var deleteHost = new DnsRecord(DnsName.Parse("WWW.fake.example."), 5, host.Data);

        Assert.True(ZoneDiff.TryApply(zone, [Diff(1, 2, [deleteNs, deleteHost], [])], out var result, out string? error), error);

        Assert.Equal([Soa(2)], result);
    }

    [Fact]
    public void TryApply_ATtlChangeIsADeletionAndAnAddition()
    {
        var host = A("www", "192.0.2.1", ttl: 300);

        Assert.True(ZoneDiff.TryApply([Soa(1), host], [Diff(1, 2, [host], [host with { Ttl = 60 }])], out var result, out string? error), error);

        Assert.Equal(60u, Assert.Single(result, r => r.Type == RecordType.A).Ttl);
    }

    [Fact]
    public void TryApply_SeveralDiffsInSequence_AreAppliedInOrder()
    {
        var a = A("a", "192.0.2.1");
        var b = A("b", "192.0.2.2");
        var diffs = new[] { Diff(1, 2, [], [a]), Diff(2, 3, [a], [b]), Diff(3, 4, [], [a]) };

        Assert.True(ZoneDiff.TryApply([Soa(1)], diffs, out var result, out string? error), error);

        Assert.Equal([Soa(4), b, a], result);
    }

    [Fact]
    public void TryApply_WhenADeletedRecordIsNotInTheZone_FailsAndSaysWhich()
    {
        var missing = A("missing", "192.0.2.99");

        Assert.False(ZoneDiff.TryApply([Soa(1), .. Body(2)], [Diff(1, 2, [missing], [])], out var result, out string? error));

        Assert.Null(result);
        Assert.Contains("deletes 'missing.fake.example.", error);
        Assert.Contains("which the zone does not hold", error);
    }

    [Fact]
    public void TryApply_WhenAnAddedRecordIsAlreadyInTheZone_Fails()
    {
        var body = Body(2);

        Assert.False(ZoneDiff.TryApply([Soa(1), .. body], [Diff(1, 2, [], [body[1] with { Ttl = 1 }])], out _, out string? error));

        Assert.Contains("which the zone already holds", error);
    }

    [Theory]
    [InlineData(new uint[] { 2 }, "the first diff starts at serial 2, but the zone is at serial 1")]
    [InlineData(new uint[] { 1, 3 }, "diff 2 starts at serial 3, but the one before it ends at serial 2")]
    public void TryApply_WhenTheDiffsDoNotStartAtTheZonesSerial_Fails(uint[] starts, string expected)
    {
        var diffs = starts.Select(from => Diff(from, from + 1, [], [])).ToList();

        Assert.False(ZoneDiff.TryApply([Soa(1)], diffs, out _, out string? error));

        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryApply_WhenTheZoneHasNoSoa_Fails()
    {
        Assert.False(ZoneDiff.TryApply(Body(1), [Diff(1, 2, [], [])], out _, out string? error));

        Assert.Equal("the zone has no SOA record", error);
    }

    [Fact]
    public void TryApply_WhenTheZoneHasTwoSoaRecords_Fails()
    {
        Assert.False(ZoneDiff.TryApply([Soa(1), Soa(1)], [], out _, out string? error));

        Assert.Equal("the zone holds more than one SOA record", error);
    }

    [Fact]
    public void TryApply_WithNoDiffs_ReturnsTheZoneAsItIs()
    {
        var zone = new List<DnsRecord>([Soa(1), .. Body(3)]);

        Assert.True(ZoneDiff.TryApply(zone, [], out var result, out _));

        Assert.Equal(zone, result);
    }

    [Fact]
    public void TryApply_OnA100000RecordZone_ChangesExactlyWhatTheDiffsSay()
    {
        var body = Body(100_000);
        var deleted = body.Where((_, i) => i % 1000 == 7).ToArray();
        var added = Enumerable.Range(0, 500).Select(i => A($"new{i}", "198.51.100.1")).ToArray();
        var zone = new List<DnsRecord>([Soa(1), .. body]);

        Assert.True(ZoneDiff.TryApply(zone, [Diff(1, 2, deleted, added)], out var result, out string? error), error);

        Assert.Equal(body.Count + 1 - deleted.Length + added.Length, result.Count);
        Assert.Equal(Soa(2), result[0]);
        var kept = result.ToHashSet();
        Assert.DoesNotContain(deleted, kept.Contains);
        Assert.All(added, r => Assert.Contains(r, kept));
    }

    [Fact]
    public void Constructor_RejectsASoaAmongTheChanges()
    {
        Assert.Throws<ArgumentException>(() => Diff(1, 2, [Soa(1)], []));
        Assert.Throws<ArgumentException>(() => new ZoneDiff(A("x", "192.0.2.1"), Soa(2), [], []));
    }
}
