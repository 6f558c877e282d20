using Microsoft.EntityFrameworkCore;
using SecondaryPortal.Engine.Analytics;
using SecondaryPortal.Engine.Tests.Support;

namespace SecondaryPortal.Engine.Tests.Analytics;

public sealed class AnalyticsStoreWriterTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Write_SameKeyTwice_AddsToTheStoredCount()
    {
        using var store = await TempStore.CreateMigratedAsync();
        var key = AnalyticsRows.Minute(Noon);

        await AnalyticsRows.WriteAsync(store, new Dictionary<QueryAggregateKey, long> { [key] = 3 }, new Dictionary<QueryTopNameKey, long>());
        await AnalyticsRows.WriteAsync(store, new Dictionary<QueryAggregateKey, long> { [key] = 4 }, new Dictionary<QueryTopNameKey, long>());

        await using var context = store.CreateContext();
        var row = await context.QueryAggregates.SingleAsync();
        Assert.Equal((60, "example.com.", 7L), (row.Resolution, row.Zone, row.Count));
    }

    [Fact]
    public async Task Write_MinutesOfOneHour_RollUpIntoTheHourRow()
    {
        using var store = await TempStore.CreateMigratedAsync();

        await AnalyticsRows.AddAsync(store, (AnalyticsRows.Minute(Noon), 2), (AnalyticsRows.Minute(Noon.AddMinutes(17)), 5), (AnalyticsRows.Minute(Noon.AddMinutes(59)), 1));

        await using var context = store.CreateContext();
        var hours = await context.QueryAggregates.Where(row => row.Resolution == 3600).ToListAsync();
        Assert.Equal(8, Assert.Single(hours).Count);
        Assert.Equal(3, await context.QueryAggregates.CountAsync(row => row.Resolution == 60));
    }

    [Fact]
    public async Task Write_TopNames_AddPerHour_AndKeepOnlyTheLargestOfAZoneHour()
    {
        using var store = await TempStore.CreateMigratedAsync();
        long hour = AnalyticsRows.Bucket(Noon, 3600);
        var first = new Dictionary<QueryTopNameKey, long>
        {
            [new(3600, hour, "example.com.", false, "www.example.com.")] = 10,
            [new(3600, hour, "example.com.", false, "a.example.com.")] = 3,
            [new(3600, hour, "example.com.", true, "nope.example.com.")] = 1,
        };
        var second = new Dictionary<QueryTopNameKey, long>
        {
            [new(3600, hour, "example.com.", false, "www.example.com.")] = 5,
            [new(3600, hour, "example.com.", false, "b.example.com.")] = 4,
        };

        await AnalyticsRows.WriteAsync(store, new Dictionary<QueryAggregateKey, long>(), first, kept: 2);
        await AnalyticsRows.WriteAsync(store, new Dictionary<QueryAggregateKey, long>(), second, kept: 2);

        await using var context = store.CreateContext();
        var names = await context.QueryTopNames.OrderBy(row => row.NxDomain).ThenByDescending(row => row.Count).Select(row => new { row.Name, row.NxDomain, row.Count }).ToListAsync();
        Assert.Equal([("www.example.com.", false, 15L), ("b.example.com.", false, 4L), ("nope.example.com.", true, 1L)],
            names.Select(n => (n.Name, n.NxDomain, n.Count)));
    }
}
