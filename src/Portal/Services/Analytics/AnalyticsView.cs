using SecondaryPortal.Engine.Analytics;

namespace SecondaryPortal.Portal.Services.Analytics;

/// <summary>An analytics report for an account, or why there is none.</summary>
/// <param name="Status">Whether it worked.</param>
/// <param name="Report">The report when <see cref="Status"/> is Ok.</param>
/// <param name="Range">The range key used ("24h", "custom" ...).</param>
/// <param name="Zone">The one zone covered ("example.com."), or null for every zone of the account.</param>
/// <param name="Errors">Messages by parameter name when <see cref="Status"/> is Invalid.</param>
public sealed record AnalyticsView(
    AnalyticsViewStatus Status,
    AnalyticsReport? Report,
    string Range,
    string? Zone,
    IReadOnlyDictionary<string, string> Errors);
