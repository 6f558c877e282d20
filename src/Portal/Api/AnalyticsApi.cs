using System.Security.Claims;
using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Portal.Accounts;

namespace SecondaryPortal.Portal.Api;

/// <summary>
/// GET /api/v1/analytics: the queries this node answered since it started, by zone, query type, response code,
/// transport and region, for the caller's zones (an admin's span every zone, and the queries for no zone of ours).
/// </summary>
public static class AnalyticsApi
{
    /// <summary>One group of queries.</summary>
    /// <param name="Zone">The zone ("example.com."), or null for queries outside every zone (answered REFUSED).</param>
    /// <param name="Type">The query type mnemonic, or "OTHER" for the types not tracked one by one.</param>
    /// <param name="Rcode">The response code mnemonic.</param>
    /// <param name="Transport">"Udp" or "Tcp".</param>
    /// <param name="Region">The answering node's region (Dns:Region).</param>
    /// <param name="Count">How many queries.</param>
    public sealed record QueryGroup(string? Zone, string Type, string Rcode, string Transport, string Region, long Count);

    /// <summary>The answer: the groups and their total.</summary>
    /// <param name="Total">The sum of the groups' counts.</param>
    /// <param name="Groups">Groups with at least one query.</param>
    public sealed record QueryTotals(long Total, IReadOnlyList<QueryGroup> Groups);

    /// <summary>Maps the endpoint on <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapAnalyticsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/analytics", async (ClaimsPrincipal user, QueryCounters counters, ZoneVisibility visibility, string? zone, string? type, string? rcode, CancellationToken cancellationToken) =>
        {
            var visible = await visibility.ForAsync(user.Scope(), cancellationToken);
            var groups = counters.Snapshot()
                .Where(c => c.Count > 0)
                .Select(c => new QueryGroup(c.Zone?.ToString(), c.QueryType?.ToString() ?? "OTHER", c.Rcode?.ToString().ToUpperInvariant() ?? "OTHER",
                    c.Transport.ToString(), c.Region, c.Count))
                .Where(g => visible(g.Zone))
                .Where(g => zone is null || string.Equals(g.Zone, Normalize(zone), StringComparison.OrdinalIgnoreCase))
                .Where(g => type is null || string.Equals(g.Type, type, StringComparison.OrdinalIgnoreCase))
                .Where(g => rcode is null || string.Equals(g.Rcode, rcode, StringComparison.OrdinalIgnoreCase))
                .ToList();
            return TypedResults.Ok(new QueryTotals(groups.Sum(g => g.Count), groups));
        }).WithName("GetQueryTotals").WithTags("Analytics")
          .WithSummary("Queries answered by this node since it started, by zone, type, response code, transport and region; filters combine.");
        return api;
    }

    private static string Normalize(string zone) => zone.EndsWith('.') ? zone : zone + ".";
}
