namespace SecondaryPortal.Portal.Services.Analytics;

/// <summary>How an analytics request went.</summary>
public enum AnalyticsViewStatus
{
    /// <summary>The report is there.</summary>
    Ok,

    /// <summary>A filter value is bad: see the messages by parameter.</summary>
    Invalid,

    /// <summary>The zone asked for does not exist or belongs to another account (the two are not told apart).</summary>
    ZoneNotFound,
}
