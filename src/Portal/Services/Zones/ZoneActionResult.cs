namespace SecondaryPortal.Portal.Services.Zones;

/// <summary>The outcome of a zone action, with a message fit to show a user.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Message">One line that says what happened.</param>
public sealed record ZoneActionResult(ZoneActionStatus Status, string Message)
{
    /// <summary>The message for a zone outside the account's scope (or gone).</summary>
    public const string NotFoundMessage = "No such zone in your account.";

    /// <summary>True when done or already so.</summary>
    public bool Succeeded => Status is ZoneActionStatus.Done or ZoneActionStatus.Unchanged;

    /// <summary>A result for a zone that is not found.</summary>
    public static ZoneActionResult NotFound { get; } = new(ZoneActionStatus.NotFound, NotFoundMessage);
}
