using Hangfire;
using Microsoft.EntityFrameworkCore;
using SecondaryPortal.Engine.Analytics;
using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Engine.Jobs;

/// <summary>
/// The recurring job that deletes query analytics past their retention (<see cref="AnalyticsOptions.MinuteRetention"/>,
/// <see cref="AnalyticsOptions.HourRetention"/>). Idempotent: a second run in a row deletes nothing.
/// </summary>
public sealed class AnalyticsRetentionJob(IDbContextFactory<StoreDbContext> contexts, AnalyticsOptions options, TimeProvider timeProvider)
{
    /// <summary>Deletes the rows past their retention; returns how many.</summary>
    [JobDisplayName("Delete query analytics past their retention")]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 3)]
    public Task<int> RunAsync(CancellationToken cancellationToken) =>
        AnalyticsRetention.SweepAsync(contexts, options, timeProvider.GetUtcNow(), cancellationToken);
}
