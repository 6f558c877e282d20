using System.Globalization;

namespace SecondaryPortal.Portal.Components.Pages.Analytics;

/// <summary>How the analytics pages write numbers and times (UTC, as the range picker's inputs).</summary>
public static class AnalyticsFormat
{
    /// <summary>"12,345".</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"2026-12-04 10:30" (UTC).</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A share of a total, "12.5 %".</summary>
    public static string Share(long part, long total) =>
        total == 0 ? "" : (100.0 * part / total).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>A bucket width in words: "1 minute", "5 minutes", "1 hour", "1 day".</summary>
    public static string Bucket(int seconds) => seconds switch
    {
        >= 86400 when seconds % 86400 == 0 => Plural(seconds / 86400, "day"),
        >= 3600 when seconds % 3600 == 0 => Plural(seconds / 3600, "hour"),
        _ => Plural(seconds / 60, "minute"),
    };

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
