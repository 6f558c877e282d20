using Microsoft.EntityFrameworkCore;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Analytics;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Zones;
using SecondaryPortal.Portal.Accounts;

namespace SecondaryPortal.Portal.Services.Analytics;

/// <summary>
/// Query analytics within an account's scope, for the pages, the CSV download and the API: checks the filters, limits
/// the report to the zones the account sees (an admin's spans every zone and the queries for no zone of ours) and
/// answers "not found" for a zone of another account.
/// </summary>
public sealed class PortalAnalytics(
    QueryAnalytics analytics,
    ZoneVisibility visibility,
    IDbContextFactory<StoreDbContext> contexts,
    TimeProvider time)
{
    /// <summary>The report for <paramref name="query"/> as <paramref name="scope"/> (null: no user, which sees everything, as in tests) may see it.</summary>
    public async Task<AnalyticsView> ReportAsync(AccountScope? scope, AnalyticsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parsed = AnalyticsQueryParser.Parse(query, time.GetUtcNow());
        var errors = new Dictionary<string, string>(parsed.Errors, StringComparer.Ordinal);
        DnsName? zone = null;
        if (!string.IsNullOrWhiteSpace(query.Zone))
        {
            if (DnsName.TryParse(query.Zone.Trim(), null, out var name, out _) && !name.IsRoot)
                zone = name.ToLowerCase();
            else
                errors["zone"] = "Enter a zone name such as example.com.";
        }
        if (errors.Count > 0 || parsed.Filter is not { } filter)
            return new AnalyticsView(AnalyticsViewStatus.Invalid, null, parsed.Range, zone?.ToString(), errors);
        if (zone is not null && !await InScopeAsync(scope, zone, cancellationToken))
            return new AnalyticsView(AnalyticsViewStatus.ZoneNotFound, null, parsed.Range, zone.ToString(), errors);
        var zones = zone is not null ? [zone] : await visibility.ZoneNamesAsync(scope, cancellationToken);
        var report = await analytics.ReportAsync(filter with { Zones = zones }, cancellationToken);
        return new AnalyticsView(AnalyticsViewStatus.Ok, report, parsed.Range, zone?.ToString(), errors);
    }

    /// <summary>True when <paramref name="zone"/> is stored and in <paramref name="scope"/> (drafts included: their page exists).</summary>
    private async Task<bool> InScopeAsync(AccountScope? scope, DnsName zone, CancellationToken cancellationToken)
    {
        string key = ZoneStore.OriginKey(zone);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var zones = context.Zones.AsNoTracking().Where(z => z.Origin == key);
        if (scope?.OwnerFilter is { } owner)
            zones = zones.Where(z => z.OwnerId == owner);
        return await zones.AnyAsync(cancellationToken);
    }
}
