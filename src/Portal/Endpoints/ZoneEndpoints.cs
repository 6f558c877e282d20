using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Services.Zones;

namespace SecondaryPortal.Portal.Endpoints;

/// <summary>The zone pages' endpoint that is not a page: the zone file download.</summary>
public static class ZoneEndpoints
{
    /// <summary>GET /zones/{id}/export (a zone file); 404 outside the account's scope.</summary>
    public static IEndpointRouteBuilder MapZoneEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/zones/{id:long}/export", async Task<Results<FileContentHttpResult, NotFound>> (long id, HttpContext http, ZoneActions actions) =>
            await actions.ExportAsync(AccountScope.Of(http.User)!, id, http.RequestAborted) is { } file
                ? TypedResults.File(Encoding.UTF8.GetBytes(file.Text), "text/dns; charset=utf-8", file.FileName)
                : TypedResults.NotFound()).RequireAuthorization();
        return endpoints;
    }
}
