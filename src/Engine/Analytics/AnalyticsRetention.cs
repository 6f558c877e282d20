using Microsoft.EntityFrameworkCore;
using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Engine.Analytics;

/// <summary>
/// Deletes analytics rows past their retention: minute rows and hourly top names after
/// <see cref="AnalyticsOptions.MinuteRetention"/> (their hour rows and daily top names hold the same counts), hour rows
/// and daily top names after <see cref="AnalyticsOptions.HourRetention"/>.
/// </summary>
public static class AnalyticsRetention
{
    /// <summary>Deletes what is older than the retention as of <paramref name="now"/>; returns how many rows went.</summary>
    public static async Task<int> SweepAsync(IDbContextFactory<StoreDbContext> contexts, AnalyticsOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(options);
        long minutesBefore = (now - options.MinuteRetention).ToUnixTimeSeconds(), hoursBefore = (now - options.HourRetention).ToUnixTimeSeconds();
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        int deleted = await context.QueryAggregates.Where(row => row.Resolution == AnalyticsKeys.MinuteRows && row.BucketStart < minutesBefore).ExecuteDeleteAsync(cancellationToken);
        deleted += await context.QueryAggregates.Where(row => row.Resolution == AnalyticsKeys.HourRows && row.BucketStart < hoursBefore).ExecuteDeleteAsync(cancellationToken);
        deleted += await context.QueryTopNames.Where(row => row.Resolution == AnalyticsKeys.HourRows && row.BucketStart < minutesBefore).ExecuteDeleteAsync(cancellationToken);
        deleted += await context.QueryTopNames.Where(row => row.BucketStart < hoursBefore).ExecuteDeleteAsync(cancellationToken);
        return deleted;
    }
}
