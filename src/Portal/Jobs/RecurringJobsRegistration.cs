using Hangfire;
using SecondaryPortal.Engine.Jobs;

namespace SecondaryPortal.Portal.Jobs;

/// <summary>At start, adds (or updates) the recurring jobs in the job store with the configured schedules.</summary>
public sealed class RecurringJobsRegistration(IRecurringJobManager recurringJobs, BackgroundJobOptions options) : IHostedService
{
    /// <summary>The recurring job that refreshes overdue zones.</summary>
    public const string OverdueRefreshId = "overdue-refresh-sweep";

    /// <summary>The recurring job that deletes analytics past their retention.</summary>
    public const string AnalyticsRetentionId = "analytics-retention";

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<OverdueRefreshSweep>(OverdueRefreshId, sweep => sweep.RunAsync(CancellationToken.None), options.OverdueRefreshSchedule);
        recurringJobs.AddOrUpdate<AnalyticsRetentionJob>(AnalyticsRetentionId, job => job.RunAsync(CancellationToken.None), options.AnalyticsRetentionSchedule);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
