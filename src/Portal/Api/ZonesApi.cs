using System.Security.Claims;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Records;
using SecondaryPortal.Portal.Services.Zones;

namespace SecondaryPortal.Portal.Api;

/// <summary>/api/v1/zones: list, details, history, records, transfer now, export and delete (zone creation: <see cref="SitesApi"/>).</summary>
public static class ZonesApi
{
    /// <summary>Maps the endpoints on <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapZonesApi(this RouteGroupBuilder api)
    {
        var zones = api.MapGroup("/zones").WithTags("Zones");
        zones.MapGet("/", async (ClaimsPrincipal user, ZoneDirectory directory, string? search, ZoneKind? kind, ZoneDisplayStatus? status, int? page, int? pageSize,
                CancellationToken cancellationToken) =>
            TypedResults.Ok(await directory.ListAsync(user.Scope(), new ZoneListQuery(search, kind, status, page ?? 1, Math.Clamp(pageSize ?? 50, 1, 500)), cancellationToken)))
            .WithName("ListZones").WithSummary("The caller's zones (an admin's: all), searched by name, filtered by kind and status, paged.");
        zones.MapGet("/{id:long}", async Task<IResult> (long id, ClaimsPrincipal user, ZoneDirectory directory, CancellationToken cancellationToken) =>
            await directory.GetAsync(user.Scope(), id, cancellationToken) is { } detail ? TypedResults.Ok(detail) : ApiResults.NotFound("zone"))
            .WithName("GetZone").WithSummary("A zone: status, serials, SOA timers, primaries, time to expiry, recent transfers, outgoing transfer settings.");
        zones.MapGet("/{id:long}/history", async Task<IResult> (long id, ClaimsPrincipal user, ZoneDirectory directory, int? page, int? pageSize, CancellationToken cancellationToken) =>
            await directory.HistoryAsync(user.Scope(), id, page ?? 1, Math.Clamp(pageSize ?? 50, 1, 500), cancellationToken) is { } history
                ? TypedResults.Ok(history) : ApiResults.NotFound("zone"))
            .WithName("GetZoneHistory").WithSummary("Each SOA check and transfer, newest first: outcome, serial, records, bytes, duration, changes.");
        zones.MapGet("/{id:long}/records", GetRecordsAsync)
            .WithName("ListZoneRecords").WithSummary("The zone's records, paged; name (contains) and type filters combine; counts by type.");
        zones.MapPost("/{id:long}/transfer", async (long id, bool? full, ClaimsPrincipal user, ZoneActions actions, CancellationToken cancellationToken) =>
            ApiResponses.From(full == true
                ? await actions.ForceFullTransferAsync(user.Scope(), id, cancellationToken)
                : await actions.TransferNowAsync(user.Scope(), id, cancellationToken)))
            .WithName("TransferZoneNow").WithSummary("Checks a secondary zone's primaries now (SOA, then IXFR or AXFR when newer); full=true takes the whole zone by AXFR.");
        zones.MapPost("/{id:long}/pause", async (long id, ClaimsPrincipal user, ZoneActions actions, CancellationToken cancellationToken) =>
            ApiResponses.From(await actions.PauseAsync(user.Scope(), id, cancellationToken)))
            .WithName("PauseZone").WithSummary("Stops refreshing a secondary zone; its last copy is still served until it expires.");
        zones.MapPost("/{id:long}/resume", async (long id, ClaimsPrincipal user, ZoneActions actions, CancellationToken cancellationToken) =>
            ApiResponses.From(await actions.ResumeAsync(user.Scope(), id, cancellationToken)))
            .WithName("ResumeZone").WithSummary("Refreshes a paused secondary zone again, starting now.");
        zones.MapGet("/{id:long}/export", async Task<IResult> (long id, ClaimsPrincipal user, ZoneActions actions, CancellationToken cancellationToken) =>
            await actions.ExportAsync(user.Scope(), id, cancellationToken) is { } file
                ? TypedResults.Text(file.Text, "text/dns; charset=utf-8") : ApiResults.NotFound("zone"))
            .WithName("ExportZone").WithSummary("The zone as a master file (RFC 1035 §5).");
        zones.MapDelete("/{id:long}", async (long id, ClaimsPrincipal user, ZoneActions actions, CancellationToken cancellationToken) =>
            ApiResponses.From(await actions.DeleteAsync(user.Scope(), id, cancellationToken)))
            .WithName("DeleteZone").WithSummary("Stops serving the zone and deletes it with its records and history.");
        return api;
    }

    private static async Task<IResult> GetRecordsAsync(long id, ClaimsPrincipal user, ZoneDirectory directory, string? name, string? type, int? page, int? pageSize,
        CancellationToken cancellationToken)
    {
        RecordType? recordType = null;
        if (!string.IsNullOrEmpty(type))
        {
            if (!RecordTypeNames.TryParse(type, out var parsed))
                return ApiResults.Invalid("type", $"'{type}' is not a record type (A, AAAA, MX, TXT, TYPE65 ...).");
            recordType = parsed;
        }
        var query = new RecordQuery(name, recordType, page ?? 1, Math.Clamp(pageSize ?? 50, 1, RecordQuery.MaxPageSize));
        var result = await directory.RecordsAsync(user.Scope(), id, query, cancellationToken);
        return result switch
        {
            { Status: RecordBrowseStatus.Found, Page: { } records } => TypedResults.Ok(records),
            null or { Status: RecordBrowseStatus.NotFound } => ApiResults.NotFound("zone"),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Records unavailable", detail: result.Message),
        };
    }
}
