using SecondaryPortal.Portal.Jobs;

namespace SecondaryPortal.Portal.Hosting;

/// <summary>
/// Reads how the background jobs run from the <c>Jobs</c> section: WorkerCount, QueuePollInterval and InvisibilityTimeout
/// (TimeSpans, "00:00:05"), OverdueRefreshSchedule and AnalyticsRetentionSchedule (cron expressions). A bad value stops the
/// start with a message naming its key.
/// </summary>
public static class JobConfiguration
{
    /// <summary>The options, defaults for keys not set.</summary>
    public static BackgroundJobOptions Options(IConfiguration configuration)
    {
        var options = SettingsSection.Read<BackgroundJobOptions>(configuration, "Jobs");
        Require(options.WorkerCount is >= 1 and <= 64, "WorkerCount", "must be between 1 and 64");
        Require(options.QueuePollInterval >= TimeSpan.FromMilliseconds(100), "QueuePollInterval", "must be at least 100 ms");
        Require(options.InvisibilityTimeout >= TimeSpan.FromMinutes(1), "InvisibilityTimeout", "must be at least a minute");
        Require(IsCron(options.OverdueRefreshSchedule), "OverdueRefreshSchedule", "must be a cron expression of five fields, such as */5 * * * *");
        Require(IsCron(options.AnalyticsRetentionSchedule), "AnalyticsRetentionSchedule", "must be a cron expression of five fields, such as */10 * * * *");
        return options;
    }

    /// <summary>Five fields of the characters cron uses; the job store parses it further when the job is added.</summary>
    private static bool IsCron(string? expression) =>
        expression is not null
        && expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 5
        && expression.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '*' or '/' or ',' or '-' or '?');

    private static void Require(bool condition, string key, string rule) =>
        SettingsSection.Require(condition, "Jobs", key, rule);
}
