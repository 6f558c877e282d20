using System.Net;
using System.Security.Claims;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Records;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Services.Sites;

namespace SecondaryPortal.Portal.Api;

/// <summary>
/// What the Add Site wizard does, as API calls: check primaries, create a zone (a draft), follow its first transfer,
/// review it, publish or discard it. The same <see cref="SiteWizardService"/> serves the wizard's pages.
/// </summary>
public static class SitesApi
{
    /// <summary>Maps the endpoints on <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapSitesApi(this RouteGroupBuilder api)
    {
        var zones = api.MapGroup("/zones").WithTags("Zones");
        zones.MapPost("/check", CheckAsync).WithName("CheckPrimaries")
            .WithSummary("A live check of each primary with the key, SOA query then transfer probe: outcome (BADSIG, BADKEY, REFUSED, TransferRefused, KeyRequired, timeout ...), message and serial. 429 when the account checked too many primaries this minute.");
        zones.MapPost("/", CreateAsync).WithName("CreateZone")
            .WithSummary("Creates a secondary zone (its first transfer starts at once) or an authoritative one, as a draft unless publish is true.");
        zones.MapGet("/{id:long}/progress", async Task<IResult> (long id, ClaimsPrincipal user, SiteWizardService sites, CancellationToken cancellationToken) =>
            await sites.GetTransferProgressAsync(user.Scope(), id, cancellationToken) is { } progress ? TypedResults.Ok(progress) : ApiResults.NotFound("zone"))
            .WithName("GetTransferProgress").WithSummary("The first transfer of a new zone: phase, records received, serial, error and what to check.");
        zones.MapGet("/{id:long}/review", async Task<IResult> (long id, ClaimsPrincipal user, SiteWizardService sites, string? name, int? page, CancellationToken cancellationToken) =>
            await sites.GetReviewAsync(user.Scope(), id, new RecordQuery(name, null, page ?? 1), cancellationToken) is { } review ? TypedResults.Ok(review) : ApiResults.NotFound("zone"))
            .WithName("ReviewZone").WithSummary("A zone's records with counts by type and the warnings found in the data (CNAME beside other data, no NS, DNSSEC, dropped records).");
        zones.MapPost("/{id:long}/publish", async Task<IResult> (long id, ClaimsPrincipal user, SiteWizardService sites, CancellationToken cancellationToken) =>
            Answer(await sites.FinishAsync(user.Scope(), id, cancellationToken)))
            .WithName("PublishZone").WithSummary("Makes a draft live: our nameservers answer for it within a second.");
        zones.MapPost("/{id:long}/discard", async Task<IResult> (long id, ClaimsPrincipal user, SiteWizardService sites, CancellationToken cancellationToken) =>
            Answer(await sites.CancelAsync(user.Scope(), id, cancellationToken)))
            .WithName("DiscardDraft").WithSummary("Discards a draft with everything transferred for it.");
        return api;
    }

    private static async Task<IResult> CheckAsync(PrimaryCheckRequest request, ClaimsPrincipal user, SiteWizardService sites, CancellationToken cancellationToken)
    {
        var (primaries, error) = ParsePrimaries(request.Primaries);
        if (error is not null)
            return ApiResults.Invalid("primaries", error);
        var result = await sites.CheckPrimariesAsync(user.Scope(), request.Domain ?? "", primaries, KeyChoice(request.Key), cancellationToken);
        if (result.RetryAfter is { } retryAfter)
            return ApiResults.TooManyRequests(result.Message, retryAfter);
        if (result.Results.Count == 0)
            return ApiResults.Invalid(result.Field is { } field ? Camel(field) : "request", result.Message);
        var answers = result.Results.Select(r => new PrimaryCheckAnswer(r.Primary.ToString(), r.Outcome.ToString(), r.Serial, r.Message, (long)r.Duration.TotalMilliseconds)).ToList();
        return TypedResults.Ok(new PrimaryCheckResponse(result.CanContinue, result.Message, answers));
    }

    private static async Task<IResult> CreateAsync(ZoneCreateRequest request, ClaimsPrincipal user, SiteWizardService sites, CancellationToken cancellationToken)
    {
        var scope = user.Scope();
        SiteDraftResult draft;
        switch (request.Kind?.ToLowerInvariant())
        {
            case "secondary":
                var (endpoints, error) = ParsePrimaries(request.Primaries);
                if (error is not null)
                    return ApiResults.Invalid("primaries", error);
                draft = await sites.CreateSecondaryDraftAsync(scope, request.Domain ?? "", endpoints, KeyChoice(request.Key), cancellationToken);
                break;
            case "authoritative":
                draft = string.IsNullOrWhiteSpace(request.ZoneFile)
                    ? await sites.CreateEmptyDraftAsync(scope, request.Domain ?? "", cancellationToken)
                    : await sites.CreateAuthoritativeDraftAsync(scope, request.Domain ?? "", request.ZoneFile, cancellationToken);
                break;
            default:
                return ApiResults.Invalid("kind", "kind is 'secondary' or 'authoritative'.");
        }
        if (!draft.Succeeded)
            return Refusal(draft);
        if (!request.Publish)
            return TypedResults.Created($"{ApiEndpoints.Prefix}/zones/{draft.ZoneId}", new ZoneCreated(draft.ZoneId, draft.Message, Published: false));
        var published = await sites.FinishAsync(scope, draft.ZoneId, cancellationToken);
        return published.Succeeded
            ? TypedResults.Created($"{ApiEndpoints.Prefix}/zones/{draft.ZoneId}", new ZoneCreated(draft.ZoneId, published.Message, Published: true))
            : ApiResults.Conflict(published.Message);
    }

    private static IResult Refusal(SiteDraftResult draft)
    {
        if (draft.Errors.Count > 0)
        {
            // Zone file errors, each with its line number (RFC 7807 extension "errors", keyed by field).
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["zoneFile"] = draft.Errors.Select(e => $"line {e.Line}: {e.Message}").ToArray() },
                title: "The zone file is not valid", detail: draft.Message);
        }
        return draft.Message.Contains("already present", StringComparison.Ordinal) || draft.Message.Contains("You already started", StringComparison.Ordinal)
            ? ApiResults.Conflict(draft.Message)
            : ApiResults.Invalid(Camel(draft.Field ?? "request"), draft.Message);
    }

    private static IResult Answer(Engine.Zones.ZoneCommandResult result) =>
        result.Succeeded ? TypedResults.Ok(new ApiResponses.Outcome(result.Message))
        : result.Message.StartsWith("No such zone", StringComparison.Ordinal) ? ApiResults.NotFound("zone")
        : ApiResults.Conflict(result.Message);

    private static (IReadOnlyList<IPEndPoint> Endpoints, string? Error) ParsePrimaries(IReadOnlyList<PrimaryRequest>? primaries)
    {
        if (primaries is null || primaries.Count == 0)
            return ([], "Give at least one primary (its IPv4 or IPv6 address, and a port when it is not 53).");
        var endpoints = new List<IPEndPoint>();
        foreach (var (primary, index) in primaries.Select((p, i) => (p, i)))
        {
            string port = (primary.Port ?? 53).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!SitePrimary.TryParse(primary.Address, port, out var endpoint, out _, out var error))
                return ([], $"primaries[{index}]: {error}");
            endpoints.Add(endpoint);
        }
        return (endpoints, null);
    }

    private static SiteKeyChoice KeyChoice(KeyRequest? key) => key?.Mode?.ToLowerInvariant() switch
    {
        "existing" => new SiteKeyChoice(SiteKeyMode.Existing, key.Name),
        "new" => new SiteKeyChoice(SiteKeyMode.New, key.Name, key.Algorithm ?? "hmac-sha256", key.Secret),
        _ => SiteKeyChoice.None,
    };

    private static string Camel(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
}
