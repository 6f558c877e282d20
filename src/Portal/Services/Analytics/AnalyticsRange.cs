namespace SecondaryPortal.Portal.Services.Analytics;

/// <summary>The time ranges offered: the last 30 minutes to the last 30 days, or a custom one of at most <see cref="MaxCustom"/>.</summary>
public static class AnalyticsRange
{
    /// <summary>The range used when none is asked for.</summary>
    public const string Default = "24h";

    /// <summary>The key of a range given by from and to.</summary>
    public const string Custom = "custom";

    /// <summary>The longest custom range (hour rows are kept 90 days by default).</summary>
    public static readonly TimeSpan MaxCustom = TimeSpan.FromDays(90);

    /// <summary>The preset ranges, in the order the picker shows them: key, label, length.</summary>
    public static IReadOnlyList<(string Key, string Label, TimeSpan Length)> Presets { get; } =
    [
        ("30m", "Last 30 minutes", TimeSpan.FromMinutes(30)),
        ("6h", "Last 6 hours", TimeSpan.FromHours(6)),
        ("24h", "Last 24 hours", TimeSpan.FromHours(24)),
        ("7d", "Last 7 days", TimeSpan.FromDays(7)),
        ("30d", "Last 30 days", TimeSpan.FromDays(30)),
    ];

    /// <summary>The length of preset <paramref name="key"/>, or null when it is not one.</summary>
    public static TimeSpan? Length(string key) =>
        Presets.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)) is { Key: not null } preset ? preset.Length : null;
}
