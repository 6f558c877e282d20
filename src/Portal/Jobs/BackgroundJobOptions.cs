namespace SecondaryPortal.Portal.Jobs;

/// <summary>How the durable background jobs run (configuration section <c>Jobs</c>).</summary>
public sealed record BackgroundJobOptions
{
    /// <summary>Jobs run at once by this node; every job waits for the store, so two are enough for the recurring ones.</summary>
    public int WorkerCount { get; init; } = 2;

    /// <summary>
    /// How often an idle worker asks the job store for work: the longest a job queued by another process waits, and the
    /// price of an idle server (one read of the store per worker and interval).
    /// </summary>
    public TimeSpan QueuePollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a job taken by a worker stays invisible to the others: a job whose process was killed is run again this
    /// long after it was taken. A job still running past it may be taken twice, which every job here tolerates.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>When the sweep for overdue refreshes runs (a cron expression; every 5 minutes by default).</summary>
    public string OverdueRefreshSchedule { get; init; } = "*/5 * * * *";

    /// <summary>When query analytics past their retention are deleted (a cron expression; every 10 minutes by default).</summary>
    public string AnalyticsRetentionSchedule { get; init; } = "*/10 * * * *";
}
