using SecondaryPortal.Engine.Analytics;

namespace SecondaryPortal.Portal.Services.Analytics;

/// <summary>What <see cref="AnalyticsQueryParser"/> made of a query.</summary>
/// <param name="Filter">The filter (zones not set), or null when a value is bad.</param>
/// <param name="Range">The range key used ("24h" when none was asked for, "custom" for from and to).</param>
/// <param name="Errors">Messages by parameter name (range, from, to, type, rcode, transport, ipVersion, clientRegion, nodeRegion).</param>
public sealed record AnalyticsParse(AnalyticsFilter? Filter, string Range, IReadOnlyDictionary<string, string> Errors);
