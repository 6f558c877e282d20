using System.Security.Claims;
using SecondaryPortal.Portal.Services.Primaries;

namespace SecondaryPortal.Portal.Api;

/// <summary>/api/v1/primaries: saved primaries, reusable across zones (Cloudflare's "peers").</summary>
public static class PrimariesApi
{
    /// <summary>Maps the endpoints on <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapPrimariesApi(this RouteGroupBuilder api)
    {
        var primaries = api.MapGroup("/primaries").WithTags("Primaries");
        primaries.MapGet("/", async (ClaimsPrincipal user, PrimaryDirectory directory, CancellationToken cancellationToken) =>
            TypedResults.Ok(await directory.ListAsync(user.Scope(), cancellationToken)))
            .WithName("ListPrimaries").WithSummary("The account's saved primaries with the zones using each.");
        primaries.MapGet("/{id:long}", async Task<IResult> (long id, ClaimsPrincipal user, PrimaryDirectory directory, CancellationToken cancellationToken) =>
            await directory.GetAsync(user.Scope(), id, cancellationToken) is { } primary ? TypedResults.Ok(primary) : ApiResults.NotFound("primary"))
            .WithName("GetPrimary");
        primaries.MapPost("/", async (PrimaryInput input, ClaimsPrincipal user, PrimaryDirectory directory, CancellationToken cancellationToken) =>
            Answer(await directory.AddAsync(user.Scope(), input, cancellationToken), created: true))
            .WithName("CreatePrimary").WithSummary("Saves a primary: name, IPv4 or IPv6 address, port, optional TSIG key name of the account.");
        primaries.MapPut("/{id:long}", async (long id, PrimaryInput input, ClaimsPrincipal user, PrimaryDirectory directory, CancellationToken cancellationToken) =>
            Answer(await directory.UpdateAsync(user.Scope(), id, input, cancellationToken), created: false))
            .WithName("UpdatePrimary").WithSummary("Changes a saved primary; the zones using it follow.");
        primaries.MapDelete("/{id:long}", async (long id, ClaimsPrincipal user, PrimaryDirectory directory, CancellationToken cancellationToken) =>
            Answer(await directory.DeleteAsync(user.Scope(), id, cancellationToken), created: false))
            .WithName("DeletePrimary");
        return api;
    }

    private static IResult Answer(PrimarySaveResult result, bool created) => result.Status switch
    {
        PrimarySaveStatus.Saved when created => TypedResults.Created($"{ApiEndpoints.Prefix}/primaries/{result.Id}", result),
        PrimarySaveStatus.Saved => TypedResults.Ok(result),
        PrimarySaveStatus.Invalid => TypedResults.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }),
            title: "The primary is not valid", detail: result.Message),
        _ => ApiResults.NotFound("primary"),
    };
}
