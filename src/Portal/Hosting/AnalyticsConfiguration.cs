using SecondaryPortal.Engine.Analytics;

namespace SecondaryPortal.Portal.Hosting;

/// <summary>
/// Reads how query counts are stored from the <c>Analytics</c> section: FlushInterval, MinuteRetention, HourRetention
/// as TimeSpans ("00:00:05", "2.00:00:00"), TopNamesKept. A bad value stops the start with a
/// message naming its key.
/// </summary>
public static class AnalyticsConfiguration
{
    /// <summary>The options, defaults for keys not set.</summary>
    public static AnalyticsOptions Options(IConfiguration configuration)
    {
        var options = SettingsSection.Read<AnalyticsOptions>(configuration, "Analytics");
        Require(options.FlushInterval > TimeSpan.Zero, "FlushInterval", "must be longer than zero");
        // Reports switch to hour rows beyond the minute retention, so hours must outlive minutes.
        Require(options.MinuteRetention >= TimeSpan.FromHours(1), "MinuteRetention", "must be at least an hour");
        Require(options.HourRetention >= options.MinuteRetention, "HourRetention", "must be at least MinuteRetention");
        Require(options.TopNamesKept is >= 1 and <= 10_000, "TopNamesKept", "must be between 1 and 10000");
        return options;
    }

    private static void Require(bool condition, string key, string rule) =>
        SettingsSection.Require(condition, "Analytics", key, rule);
}
