using SecondaryPortal.Portal.Services.Zones;

namespace SecondaryPortal.Portal.Api;

/// <summary>Turns the services' result values into API answers, the same way for every resource.</summary>
public static class ApiResponses
{
    /// <summary>The outcome of a zone action: 200 with the message, 400 invalid, 409 refused, 404 not found (or another account's).</summary>
    public static IResult From(ZoneActionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            ZoneActionStatus.Done or ZoneActionStatus.Unchanged => TypedResults.Ok(new Outcome(result.Message)),
            ZoneActionStatus.Invalid => ApiResults.Invalid("request", result.Message),
            ZoneActionStatus.Refused => ApiResults.Conflict(result.Message),
            _ => ApiResults.NotFound("zone"),
        };
    }

    /// <summary>A short success answer.</summary>
    /// <param name="Message">What happened, in words.</param>
    public sealed record Outcome(string Message);
}
