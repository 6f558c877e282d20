using Microsoft.EntityFrameworkCore;
using SecondaryPortal.Engine.Analytics;
using SecondaryPortal.Engine.Tests.Support;

namespace SecondaryPortal.Engine.Tests.Analytics;

public sealed class AnalyticsRetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Sweep_DeletesMinuteRowsPastTwoDays_ButKeepsTheirHourRows()
    {
        using var store = await TempStore.CreateMigratedAsync();
        await AnalyticsRows.AddAsync(store, (AnalyticsRows.Minute(Now.AddDays(-3)), 4), (AnalyticsRows.Minute(Now.AddDays(-1)), 6));

        int deleted = await AnalyticsRetention.SweepAsync(store.Contexts, new AnalyticsOptions(), Now, CancellationToken.None);

        await using var context = store.CreateContext();
        Assert.Equal(1, deleted);
        Assert.Equal([6L], await context.QueryAggregates.Where(row => row.Resolution == 60).Select(row => row.Count).ToListAsync());
        Assert.Equal([4L, 6L], await context.QueryAggregates.Where(row => row.Resolution == 3600).OrderBy(row => row.BucketStart).Select(row => row.Count).ToListAsync());
    }

    [Fact]
    public async Task Sweep_DeletesHourRowsAndDailyTopNamesPastTheHourRetention_AndHourlyTopNamesPastTheMinuteRetention()
    {
        using var store = await TempStore.CreateMigratedAsync();
        var options = new AnalyticsOptions { MinuteRetention = TimeSpan.FromDays(1), HourRetention = TimeSpan.FromDays(10) };
        long old = AnalyticsRows.Bucket(Now.AddDays(-11), 86400), recent = AnalyticsRows.Bucket(Now.AddDays(-9), 86400);
        long hourAgo = AnalyticsRows.Bucket(Now.AddHours(-1), 3600), daysAgo = AnalyticsRows.Bucket(Now.AddDays(-2), 3600);
        await AnalyticsRows.WriteAsync(store,
            new Dictionary<QueryAggregateKey, long> { [AnalyticsRows.Hour(Now.AddDays(-11))] = 1, [AnalyticsRows.Hour(Now.AddDays(-9))] = 2 },
            new Dictionary<QueryTopNameKey, long>
            {
                [new(86400, old, "example.com.", false, "www.example.com.")] = 1,
                [new(86400, recent, "example.com.", false, "www.example.com.")] = 2,
                [new(3600, daysAgo, "example.com.", false, "www.example.com.")] = 3,
                [new(3600, hourAgo, "example.com.", false, "www.example.com.")] = 4,
            });

        await AnalyticsRetention.SweepAsync(store.Contexts, options, Now, CancellationToken.None);

        await using var context = store.CreateContext();
        Assert.Equal([2L], await context.QueryAggregates.Select(row => row.Count).ToListAsync());
        Assert.Equal([(3600, hourAgo), (86400, recent)],
            (await context.QueryTopNames.OrderBy(row => row.Resolution).Select(row => new { row.Resolution, row.BucketStart }).ToListAsync()).Select(r => (r.Resolution, r.BucketStart)));
    }
}
