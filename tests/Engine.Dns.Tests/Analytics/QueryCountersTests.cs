using SecondaryPortal.Dns.Analytics;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Analytics;

public sealed class QueryCountersTests
{
    private static readonly DnsName Example = DnsName.Parse("example.");
    private static readonly QueryCountingOptions WithRegions = new()
    {
        Region = "eu-west",
        ClientRegions = ClientRegionMap.Create([new("10.0.0.0/8", "emea"), new("2001:db8::/32", "apac")]),
    };

    [Fact]
    public void Count_IsReportedByZoneTypeRcodeTransportIpVersionAndRegions()
    {
        var counters = new QueryCounters(WithRegions);

        counters.Count(Example, null, RecordType.A, DnsRcode.NoError, DnsTransport.Udp, IpVersion.V4, "emea");
        counters.Count(Example, null, RecordType.A, DnsRcode.NoError, DnsTransport.Udp, IpVersion.V4, "emea");
        counters.Count(Example, null, RecordType.AAAA, DnsRcode.NXDomain, DnsTransport.Tcp, IpVersion.V6, "apac");
        counters.Count(null, null, RecordType.A, DnsRcode.Refused, DnsTransport.Udp, IpVersion.V4, "nowhere");

        var counts = counters.Snapshot();
        Assert.Contains(new QueryCount(Example, RecordType.A, DnsRcode.NoError, DnsTransport.Udp, IpVersion.V4, "emea", "eu-west", 2), counts);
        Assert.Contains(new QueryCount(Example, RecordType.AAAA, DnsRcode.NXDomain, DnsTransport.Tcp, IpVersion.V6, "apac", "eu-west", 1), counts);
        Assert.Contains(new QueryCount(null, RecordType.A, DnsRcode.Refused, DnsTransport.Udp, IpVersion.V4, "other", "eu-west", 1), counts);
        Assert.Equal(3, counts.Count);
    }

    [Fact]
    public void UntrackedTypesAndRcodes_AreCountedAsOther()
    {
        var counters = new QueryCounters();

        counters.Count(Example, null, RecordType.LOC, DnsRcode.BadCookie, DnsTransport.Udp, IpVersion.V4, "other");

        var count = Assert.Single(counters.Snapshot());
        Assert.Null(count.QueryType);
        Assert.Null(count.Rcode);
        Assert.Equal("local", count.Region);
        Assert.Equal(ClientRegionMap.Other, count.ClientRegion);
    }

    [Fact]
    public void EveryTrackedTypeAndRcode_IsCountedUnderItsOwnName()
    {
        var counters = new QueryCounters();

        foreach (var type in QueryCounters.TrackedTypes)
        {
            foreach (var rcode in QueryCounters.TrackedRcodes)
                counters.Count(Example, null, type, rcode, DnsTransport.Udp, IpVersion.V4, "other");
        }

        var counts = counters.Snapshot();
        Assert.Equal(QueryCounters.TrackedTypes.Count * QueryCounters.TrackedRcodes.Count, counts.Count);
        Assert.All(counts, c => Assert.Equal(1, c.Count));
        Assert.Equal(QueryCounters.TrackedTypes.ToHashSet(), counts.Select(c => c.QueryType!.Value).ToHashSet());
        Assert.Equal(QueryCounters.TrackedRcodes.ToHashSet(), counts.Select(c => c.Rcode!.Value).ToHashSet());
    }

    [Fact]
    public async Task Count_FromManyThreads_LosesNothingInAnyCombination()
    {
        var counters = new QueryCounters(WithRegions);
        string[] regions = ["emea", "apac", "other"];
        var snapshots = new List<long>();

        var counting = Task.Run(() => Parallel.For(0, 240_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            counters.Count(Example, null, (i & 4) == 0 ? RecordType.A : RecordType.MX, DnsRcode.NoError, (DnsTransport)(i & 1),
                (i & 2) == 0 ? IpVersion.V4 : IpVersion.V6, regions[i % 3])));
        while (!counting.IsCompleted)
            snapshots.Add(counters.Snapshot().Sum(c => c.Count));
        await counting;

        var counts = counters.Snapshot();
        Assert.Equal(240_000, counts.Sum(c => c.Count));
        // 2 types x 2 transports x 2 IP versions x 3 regions, each i mod 24 class equally often.
        Assert.Equal(24, counts.Count);
        Assert.All(counts, c => Assert.Equal(10_000, c.Count));
        // Snapshots are cumulative: taken while counting, they never go down.
        Assert.Equal(snapshots.Order(), snapshots);
    }

    [Fact]
    public void TenThousandZones_CostLittleMemoryEach()
    {
        var counters = new QueryCounters(WithRegions, stripes: 2);
        var zones = Enumerable.Range(0, 10_000).Select(i => DnsName.Parse($"zone{i}.example.")).ToArray();

        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var zone in zones)
            counters.Count(zone, null, RecordType.A, DnsRcode.NoError, DnsTransport.Udp, IpVersion.V4, "emea");
        long perZone = (GC.GetAllocatedBytesForCurrentThread() - before) / zones.Length;

        // About 1 KiB: a zone counted for one type and rcode holds one row of rcodes, not a reference for all 240 pairs (2.9 KiB).
        Assert.True(perZone < 1536, $"{perZone} bytes per zone");
        Assert.Equal(10_000, counters.Snapshot().Count);
    }

    [Fact]
    public async Task NextCount_CompletesAtTheFirstCountAfterItWasAsked_InAZoneOrOutsideEveryZone()
    {
        var counters = new QueryCounters();
        counters.Count(Example, null, RecordType.A, DnsRcode.NoError, DnsTransport.Udp, IpVersion.V4, "other");
        var inAZone = counters.NextCountAsync();
        bool beforeACount = inAZone.IsCompleted;
        counters.Count(Example, null, RecordType.A, DnsRcode.NoError, DnsTransport.Udp, IpVersion.V4, "other");
        var outside = counters.NextCountAsync();
        counters.Count(null, null, RecordType.A, DnsRcode.Refused, DnsTransport.Udp, IpVersion.V4, "other");

        Assert.False(beforeACount);
        await inAZone.WaitAsync(TimeSpan.FromSeconds(5));
        await outside.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void SnapshotRecent_ReadsAZoneForTwoMoreCallsAfterItsLastCount_ThenNoLonger()
    {
        var counters = new QueryCounters();
        var quiet = DnsName.Parse("quiet.example.");
        counters.Count(quiet, null, RecordType.A, DnsRcode.NoError, DnsTransport.Udp, IpVersion.V4, "other");

        var zonesRead = new List<int>();
        for (int fold = 0; fold < 4; fold++)
        {
            counters.Count(Example, null, RecordType.A, DnsRcode.NoError, DnsTransport.Udp, IpVersion.V4, "other");
            zonesRead.Add(counters.SnapshotRecent().Count(count => count.Zone == quiet));
        }

        Assert.Equal([1, 1, 0, 0], zonesRead);
    }

    [Fact]
    public void SnapshotRecent_ReadsAZoneAgain_OnceItIsCountedAgainAfterGoingQuiet()
    {
        var counters = new QueryCounters();
        var returning = DnsName.Parse("returning.example.");
        counters.Count(returning, null, RecordType.A, DnsRcode.NoError, DnsTransport.Udp, IpVersion.V4, "other");
        for (int fold = 0; fold < 4; fold++)
            counters.SnapshotRecent();
        Assert.DoesNotContain(counters.SnapshotRecent(), count => count.Zone == returning);

        counters.Count(returning, null, RecordType.A, DnsRcode.NoError, DnsTransport.Udp, IpVersion.V4, "other");

        var read = Assert.Single(counters.SnapshotRecent(), count => count.Zone == returning);
        Assert.Equal(2, read.Count);
    }

    [Fact]
    public async Task SnapshotRecent_WhileZonesAreCountedOnAnotherThread_ReadsEveryZone()
    {
        var counters = new QueryCounters();
        var zones = Enumerable.Range(0, 20_000).Select(i => DnsName.Parse($"z{i}.example.")).ToArray();
        var read = new HashSet<DnsName?>();
        int folds = 0;
        using var counted = new CancellationTokenSource();
        var folding = Task.Run(() =>
        {
            while (!counted.IsCancellationRequested)
            {
                read.UnionWith(counters.SnapshotRecent().Select(count => count.Zone));
                Interlocked.Increment(ref folds);
            }
        });
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref folds) > 0, TimeSpan.FromSeconds(30)), "no fold ran");

        foreach (var zone in zones) // folds run back to back meanwhile, far more often than the 5 s of a server
            counters.Count(zone, null, RecordType.A, DnsRcode.NoError, DnsTransport.Udp, IpVersion.V4, "other");
        await counted.CancelAsync();
        await folding;
        read.UnionWith(counters.SnapshotRecent().Select(count => count.Zone));

        Assert.All(zones, zone => Assert.Contains(zone, read));
    }

    [Fact]
    public void SnapshotRecent_GivesTheSameCumulativeCountsAsSnapshot_ForTheZonesItReads()
    {
        var counters = new QueryCounters(WithRegions);
        counters.Count(Example, null, RecordType.A, DnsRcode.NoError, DnsTransport.Udp, IpVersion.V4, "emea");
        counters.SnapshotRecent();
        counters.Count(Example, null, RecordType.A, DnsRcode.NoError, DnsTransport.Udp, IpVersion.V4, "emea");

        var recent = Assert.Single(counters.SnapshotRecent());

        Assert.Equal(Assert.Single(counters.Snapshot()), recent);
        Assert.Equal(2, recent.Count);
    }

    [Fact]
    public void DrainTopNames_AfterAZoneWentQuiet_StillDrainsItsLastNames()
    {
        var counters = new QueryCounters();
        var name = DnsName.Parse("www.example.");
        counters.Count(Example, name, RecordType.A, DnsRcode.NoError, DnsTransport.Udp, IpVersion.V4, "other");
        counters.SnapshotRecent();
        counters.SnapshotRecent();

        var top = Assert.Single(counters.DrainTopNames());

        Assert.Equal(name, Assert.Single(top.Names).Name);
    }
}
