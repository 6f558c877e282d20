using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SecondaryPortal.Engine.Analytics;
using SecondaryPortal.Portal.Services.Analytics;

namespace SecondaryPortal.Portal.Api;

/// <summary>
/// GET /api/v1/analytics: the stored query counts over a time range, with the filters of the analytics pages, for the
/// caller's zones (an admin's span every zone, and the queries for no zone of ours).
/// </summary>
public static class AnalyticsApi
{
    /// <summary>The report.</summary>
    /// <param name="From">Start of the range as used (the start of its first bucket), UTC.</param>
    /// <param name="To">End of the range as used (exclusive), UTC.</param>
    /// <param name="Zone">The one zone covered, or null for every zone of the account.</param>
    /// <param name="BucketSeconds">The width of one point of <paramref name="Series"/>.</param>
    /// <param name="Total">Queries matching the filters.</param>
    /// <param name="Series">Queries per bucket and response code; buckets without queries are left out.</param>
    /// <param name="ByType">Queries per query type.</param>
    /// <param name="ByRcode">Queries per response code.</param>
    /// <param name="ByTransport">Queries per transport (UDP, TCP).</param>
    /// <param name="ByIpVersion">Queries per IP version (IPv4, IPv6).</param>
    /// <param name="ByClientRegion">Queries per client region.</param>
    /// <param name="ByNodeRegion">Queries per answering node's region.</param>
    /// <param name="TopNames">The most queried names (estimates).</param>
    /// <param name="TopNxDomainNames">The most queried names answered NXDOMAIN.</param>
    /// <param name="Transfers">Transfers that changed the covered zones in the range.</param>
    public sealed record AnalyticsResponse(
        DateTimeOffset From, DateTimeOffset To, string? Zone, int BucketSeconds, long Total, IReadOnlyList<SeriesPoint> Series,
        IReadOnlyList<Breakdown> ByType, IReadOnlyList<Breakdown> ByRcode, IReadOnlyList<Breakdown> ByTransport,
        IReadOnlyList<Breakdown> ByIpVersion, IReadOnlyList<Breakdown> ByClientRegion, IReadOnlyList<Breakdown> ByNodeRegion,
        IReadOnlyList<TopName> TopNames, IReadOnlyList<TopName> TopNxDomainNames, IReadOnlyList<TransferMark> Transfers);

    /// <summary>Maps the endpoint on <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapAnalyticsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/analytics", GetAsync).WithName("GetQueryAnalytics").WithTags("Analytics")
            .WithSummary("Queries over a time range: series by response code, breakdowns, top names and transfers; filters combine.")
            .WithDescription("range is 30m, 6h, 24h (default), 7d or 30d; or give from and to (ISO 8601, at most 90 days apart). "
                + "A bad value is a 400 naming the parameter; a zone of another account is a 404.");
        return api;
    }

    private static async Task<Results<Ok<AnalyticsResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        ClaimsPrincipal user, PortalAnalytics analytics,
        [Description("30m, 6h, 24h, 7d, 30d or custom")] string? range,
        [Description("Start of a custom range, ISO 8601 (UTC without an offset)")] string? from,
        [Description("End of a custom range, ISO 8601")] string? to,
        [Description("One zone (example.com)")] string? zone,
        [Description("Query type mnemonic (AAAA) or OTHER")] string? type,
        [Description("Response code mnemonic (NXDOMAIN) or OTHER")] string? rcode,
        [Description("UDP or TCP")] string? transport,
        [Description("IPv4 or IPv6 (4 or 6)")] string? ipVersion,
        [Description("Client region")] string? clientRegion,
        [Description("Answering node's region")] string? nodeRegion,
        CancellationToken cancellationToken)
    {
        var query = new AnalyticsQuery
        {
            Range = range, From = from, To = to, Zone = zone, Type = type, Rcode = rcode, Transport = transport,
            IpVersion = ipVersion, ClientRegion = clientRegion, NodeRegion = nodeRegion,
        };
        var view = await analytics.ReportAsync(user.Scope(), query, cancellationToken);
        switch (view.Status)
        {
            case AnalyticsViewStatus.Invalid:
                var errors = view.Errors.ToDictionary(e => e.Key, e => new[] { e.Value });
                return TypedResults.ValidationProblem(errors, title: "The request is not valid", detail: string.Join(" ", view.Errors.Select(e => $"{e.Key}: {e.Value}")));
            case AnalyticsViewStatus.ZoneNotFound:
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No zone named {view.Zone} is visible to this account.");
        }
        var r = view.Report!;
        return TypedResults.Ok(new AnalyticsResponse(r.Filter.From, r.Filter.To, view.Zone, r.BucketSeconds, r.Total, r.Series, r.ByType, r.ByRcode,
            r.ByTransport, r.ByIpVersion, r.ByClientRegion, r.ByNodeRegion, r.TopNames, r.TopNxDomainNames, r.Transfers));
    }
}
