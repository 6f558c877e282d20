using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Services.Analytics;
using SecondaryPortal.Portal.Services.Zones;

namespace SecondaryPortal.Portal.Endpoints;

/// <summary>The analytics pages' CSV downloads: one table of the report the page shows, with the same query string.</summary>
public static class AnalyticsEndpoints
{
    /// <summary>
    /// GET /analytics.csv and GET /zones/{id}/analytics.csv with the page's filters and table=series|type|rcode|transport|
    /// ipversion|clientregion|noderegion|topnames|nxdomainnames. A bad value is a 400 with the message as text; a zone
    /// outside the account's scope is a 404.
    /// </summary>
    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/analytics.csv", (HttpContext http, PortalAnalytics analytics) =>
            CsvAsync(http, analytics, Query(http.Request.Query, http.Request.Query["zone"]))).RequireAuthorization();
        endpoints.MapGet("/zones/{id:long}/analytics.csv", async Task<Results<FileContentHttpResult, BadRequest<string>, NotFound>> (long id, HttpContext http,
            PortalAnalytics analytics, ZoneDirectory zones) =>
            await zones.GetRowAsync(AccountScope.Of(http.User)!, id, http.RequestAborted) is { } row
                ? await CsvAsync(http, analytics, Query(http.Request.Query, row.Origin))
                : TypedResults.NotFound()).RequireAuthorization();
        return endpoints;
    }

    private static async Task<Results<FileContentHttpResult, BadRequest<string>, NotFound>> CsvAsync(HttpContext http, PortalAnalytics analytics, AnalyticsQuery query)
    {
        string table = http.Request.Query["table"].ToString();
        if (!AnalyticsCsv.Tables.Contains(table, StringComparer.OrdinalIgnoreCase))
            return TypedResults.BadRequest($"table: use one of {string.Join(", ", AnalyticsCsv.Tables)}.\n");
        var view = await analytics.ReportAsync(AccountScope.Of(http.User), query, http.RequestAborted);
        switch (view.Status)
        {
            case AnalyticsViewStatus.Invalid:
                return TypedResults.BadRequest(string.Concat(view.Errors.Select(e => $"{e.Key}: {e.Value}\n")));
            case AnalyticsViewStatus.ZoneNotFound:
                return TypedResults.NotFound();
        }
        string csv = AnalyticsCsv.Write(view.Report!, table)!;
        return TypedResults.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", AnalyticsCsv.FileName(view.Report!, view.Zone, table));
    }

    private static AnalyticsQuery Query(IQueryCollection query, string? zone) => new()
    {
        Range = query["range"], From = query["from"], To = query["to"], Zone = zone, Type = query["type"], Rcode = query["rcode"],
        Transport = query["transport"], IpVersion = query["ipVersion"], ClientRegion = query["clientRegion"], NodeRegion = query["nodeRegion"],
    };
}
