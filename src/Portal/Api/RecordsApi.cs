using System.Security.Claims;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Records;
using SecondaryPortal.Portal.Services.Zones;

namespace SecondaryPortal.Portal.Api;

/// <summary>
/// Editing an authoritative zone's records: each change is validated as a name server would, raises the serial, is
/// kept in the IXFR journal and announced by NOTIFY to the zone's secondaries.
/// </summary>
public static class RecordsApi
{
    /// <summary>A record as typed in a zone file's fields.</summary>
    /// <param name="Name">The owner, relative to the zone ("www", "@") or absolute ("www.example.com.").</param>
    /// <param name="Ttl">The TTL in seconds; omitted: the record set's, else the SOA's.</param>
    /// <param name="Type">The type mnemonic (A, MX, TXT ...).</param>
    /// <param name="Data">The RDATA in presentation form ("10 mail.example.com.").</param>
    public sealed record RecordBody(string? Name, uint? Ttl, string? Type, string? Data)
    {
        internal RecordInput ToInput() => new(Name, Ttl, Type, Data);
    }

    /// <summary>A replacement: the record as it is now and as it should be.</summary>
    /// <param name="Existing">The record to replace (matched by name, type and data).</param>
    /// <param name="Replacement">The new record.</param>
    public sealed record RecordReplaceBody(RecordBody Existing, RecordBody Replacement);

    /// <summary>A change stored.</summary>
    /// <param name="Message">What happened.</param>
    /// <param name="Serial">The zone's new SOA serial.</param>
    public sealed record RecordSaved(string Message, uint Serial);

    /// <summary>Maps the endpoints on <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapRecordsApi(this RouteGroupBuilder api)
    {
        var records = api.MapGroup("/zones/{id:long}/records").WithTags("Records");
        records.MapPost("/", (long id, RecordBody body, ClaimsPrincipal user, ZoneDirectory zones, AuthoritativeRecordEditor editor, CancellationToken cancellationToken) =>
            EditAsync(id, user, zones, origin => editor.AddAsync(origin, body.ToInput(), cancellationToken), cancellationToken))
            .WithName("AddRecord").WithSummary("Adds a record to an authoritative zone.");
        records.MapPut("/", (long id, RecordReplaceBody body, ClaimsPrincipal user, ZoneDirectory zones, AuthoritativeRecordEditor editor, CancellationToken cancellationToken) =>
            EditAsync(id, user, zones, origin => editor.ReplaceAsync(origin, body.Existing.ToInput(), body.Replacement.ToInput(), cancellationToken), cancellationToken))
            .WithName("ReplaceRecord").WithSummary("Replaces one record of an authoritative zone.");
        records.MapPost("/delete", (long id, RecordBody body, ClaimsPrincipal user, ZoneDirectory zones, AuthoritativeRecordEditor editor, CancellationToken cancellationToken) =>
            EditAsync(id, user, zones, origin => editor.DeleteAsync(origin, body.ToInput(), cancellationToken), cancellationToken))
            .WithName("DeleteRecord").WithSummary("Deletes one record (matched by name, type and data) of an authoritative zone.");
        return api;
    }

    private static async Task<IResult> EditAsync(long id, ClaimsPrincipal user, ZoneDirectory zones, Func<DnsName, Task<RecordEditResult>> edit,
        CancellationToken cancellationToken)
    {
        if (await zones.FindOriginAsync(user.Scope(), id, cancellationToken) is not { } origin)
            return ApiResults.NotFound("zone");
        var result = await edit(DnsName.Parse(origin));
        return result.Status switch
        {
            RecordEditStatus.Saved => TypedResults.Ok(new RecordSaved(result.Message, result.Serial)),
            RecordEditStatus.Invalid => ApiResults.Invalid((result.Field?.ToString() ?? "record").ToLowerInvariant(), result.Message),
            RecordEditStatus.RecordNotFound or RecordEditStatus.ZoneNotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: result.Message),
            _ => ApiResults.Conflict(result.Message),
        };
    }
}
