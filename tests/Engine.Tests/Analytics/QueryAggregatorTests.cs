using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Analytics;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Analytics;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Tests.Support;
using SecondaryPortal.Testing;

namespace SecondaryPortal.Engine.Tests.Analytics;

public sealed class QueryAggregatorTests
{
    private static readonly DnsName Zone = DnsName.Parse("example.com.");
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 12, 0, 10, TimeSpan.Zero);

    [Fact]
    public async Task Fold_FilesTheQueriesSinceThePreviousFold_UnderTheirMinute_AndAddsThemToTheHour()
    {
        using var store = await TempStore.CreateMigratedAsync();
        var (counters, clock, aggregator) = Create(store);
        Ask(counters, "www", RecordType.A, times: 5);
        long first = await aggregator.FoldAsync();
        clock.Now = Start.AddMinutes(1);
        Ask(counters, "www", RecordType.A, times: 2);
        Ask(counters, "nope", RecordType.AAAA, DnsRcode.NXDomain, times: 1);
        long second = await aggregator.FoldAsync();
        long third = await aggregator.FoldAsync();

        await using var context = store.CreateContext();
        var rows = await context.QueryAggregates.OrderBy(r => r.Resolution).ThenBy(r => r.BucketStart).ThenBy(r => r.QueryType).ToListAsync();
        long minute = AnalyticsRows.Bucket(Start, 60), hour = AnalyticsRows.Bucket(Start, 3600);
        Assert.Equal((5L, 3L, 0L), (first, second, third));
        Assert.Equal(
            [(60, minute, (int)RecordType.A, 5L), (60, minute + 60, (int)RecordType.A, 2L), (60, minute + 60, (int)RecordType.AAAA, 1L),
             (3600, hour, (int)RecordType.A, 7L), (3600, hour, (int)RecordType.AAAA, 1L)],
            rows.Select(r => (r.Resolution, r.BucketStart, r.QueryType, r.Count)));
        Assert.All(rows, r => Assert.Equal(("example.com.", "ams", "other", 4), (r.Zone, r.NodeRegion, r.ClientRegion, r.IpVersion)));
    }

    [Fact]
    public void Emptying_AFoldAfterABurst_GivesBackItsRoom_WhileASteadyLoadKeepsItsTable()
    {
        var burst = Filled(10_000);
        var steady = Filled(1_000);
        int steadyRoom = steady.Capacity;

        QueryAggregator.Empty(burst); // the burst's fold
        QueryAggregator.Empty(burst); // the next, with nothing to file
        QueryAggregator.Empty(steady);
        foreach (var (key, count) in Filled(1_000))
            steady.Add(key, count);
        QueryAggregator.Empty(steady);

        Assert.Empty(burst);
        Assert.InRange(burst.Capacity, 0, 2 * 256);
        Assert.Equal(steadyRoom, steady.Capacity);

        static Dictionary<int, long> Filled(int count) => Enumerable.Range(0, count).ToDictionary(i => i, i => (long)i);
    }

    [Fact]
    public async Task Fold_FilesTopNamesUnderTheirHourAndDay_NxDomainNamesApart()
    {
        using var store = await TempStore.CreateMigratedAsync();
        var (counters, _, aggregator) = Create(store);
        Ask(counters, "www", RecordType.A, times: 4);
        Ask(counters, "nope", RecordType.A, DnsRcode.NXDomain, times: 2);

        await aggregator.FoldAsync();
        Ask(counters, "www", RecordType.A, times: 1);
        await aggregator.FoldAsync();

        await using var context = store.CreateContext();
        foreach (int resolution in (int[])[3600, 86400])
        {
            var names = await context.QueryTopNames.Where(r => r.Resolution == resolution).OrderBy(r => r.NxDomain).ThenByDescending(r => r.Count)
                .Select(r => new { r.Name, r.NxDomain, r.Count, r.BucketStart }).ToListAsync();
            Assert.Equal([("www.example.com.", false, 5L), ("nope.example.com.", false, 2L), ("nope.example.com.", true, 2L)],
                names.Select(n => (n.Name, n.NxDomain, n.Count)));
            Assert.All(names, n => Assert.Equal(AnalyticsRows.Bucket(Start, resolution), n.BucketStart));
        }
    }

    [Fact]
    public async Task Fold_WhenTheStoreCannotBeWritten_KeepsTheCountsForTheNextFold()
    {
        using var store = new TempStore(); // not migrated yet: the tables are missing
        var (counters, _, aggregator) = Create(store);
        Ask(counters, "www", RecordType.A, times: 3);

        await Assert.ThrowsAsync<SqliteException>(() => aggregator.FoldAsync());
        await store.Migrator.MigrateAsync();
        Ask(counters, "www", RecordType.A, times: 1);
        long filed = await aggregator.FoldAsync();

        await using var context = store.CreateContext();
        Assert.Equal(1, filed);
        Assert.Equal([4L, 4L], await context.QueryAggregates.OrderBy(r => r.Resolution).Select(r => r.Count).ToListAsync());
    }

    [Fact]
    public async Task Stop_FoldsWhatWasCountedSinceTheLastFold()
    {
        using var store = await TempStore.CreateMigratedAsync();
        var (counters, _, aggregator) = Create(store);
        await aggregator.StartAsync(CancellationToken.None);
        Ask(counters, "www", RecordType.MX, times: 2);

        await aggregator.StopAsync(CancellationToken.None);

        await using var context = store.CreateContext();
        Assert.Equal(2, await context.QueryAggregates.Where(r => r.Resolution == 60).SumAsync(r => r.Count));
    }

    [Fact]
    public async Task Fold_WithNothingToFile_DoesNotOpenTheStore()
    {
        using var store = await TempStore.CreateMigratedAsync();
        var contexts = new CountingContexts(store.Contexts);
        var counters = new QueryCounters(new QueryCountingOptions { Region = "ams" });
        var aggregator = new QueryAggregator(counters, contexts, new AnalyticsOptions { FlushInterval = TimeSpan.FromHours(1) }, new FixedClock(Start),
            NullLogger<QueryAggregator>.Instance);
        await aggregator.FoldAsync(); // the first fold also sweeps old rows, which opens the store
        int opened = contexts.Created;

        long filed = await aggregator.FoldAsync();
        Ask(counters, "www", RecordType.A, times: 1);
        await aggregator.FoldAsync();

        Assert.Equal(0, filed);
        Assert.Equal(opened + 1, contexts.Created); // only the fold with a query to file
    }

    [Fact]
    public async Task Run_WhileNothingIsCounted_Sleeps_AndTheNextQueryWakesItToFold()
    {
        using var store = await TempStore.CreateMigratedAsync();
        var counters = new QueryCounters(new QueryCountingOptions { Region = "ams" });
        var clock = new SteppedTimeProvider();
        var interval = TimeSpan.FromSeconds(5);
        var aggregator = new QueryAggregator(counters, store.Contexts,
            new AnalyticsOptions { FlushInterval = interval }, clock, NullLogger<QueryAggregator>.Instance);
        await aggregator.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => aggregator.Folds == 1 && clock.ArmedTimers == 0); // the first fold, then asleep with no timer armed

        for (int i = 0; i < 12; i++)
            clock.Advance(interval);
        long idleFolds = aggregator.Folds;
        Ask(counters, "www", RecordType.A, times: 3);
        await WaitUntilAsync(() =>
        {
            clock.Advance(TimeSpan.FromSeconds(1)); // woken, the loop waits one interval, then folds
            return aggregator.Folds == 2;
        });
        await aggregator.StopAsync(CancellationToken.None);

        Assert.Equal(1, idleFolds);
        await using var context = store.CreateContext();
        Assert.Equal(3, await context.QueryAggregates.Where(r => r.Resolution == 60).SumAsync(r => r.Count));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the aggregator did not get there within 10 s");
            await Task.Delay(5);
        }
    }

    private sealed class CountingContexts(IDbContextFactory<StoreDbContext> inner) : IDbContextFactory<StoreDbContext>
    {
        public int Created { get; private set; }

        public StoreDbContext CreateDbContext()
        {
            Created++;
            return inner.CreateDbContext();
        }
    }

    private static (QueryCounters, FixedClock, QueryAggregator) Create(TempStore store)
    {
        var counters = new QueryCounters(new QueryCountingOptions { Region = "ams" });
        var clock = new FixedClock(Start);
        // The flush interval is long: the tests fold by hand.
        var options = new AnalyticsOptions { FlushInterval = TimeSpan.FromHours(1) };
        return (counters, clock, new QueryAggregator(counters, store.Contexts, options, clock, NullLogger<QueryAggregator>.Instance));
    }

    private static void Ask(QueryCounters counters, string label, RecordType type, DnsRcode rcode = DnsRcode.NoError, int times = 1)
    {
        var name = DnsName.Parse(label, Zone);
        for (int i = 0; i < times; i++)
            counters.Count(Zone, name, type, rcode, DnsTransport.Udp, IpVersion.V4, ClientRegionMap.Other);
    }
}
