using SecondaryPortal.Engine.Probing;

namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>The wizard's check step: one live check (SOA query, then transfer probe) per primary, in order.</summary>
/// <param name="Results">Each primary's outcome, message and serial; empty when the check could not start.</param>
/// <param name="Message">Why the check could not start (bad domain, no primary, an address not allowed, bad key, too many checks), or a summary.</param>
public sealed record SiteCheckResult(IReadOnlyList<PrimaryCheckResult> Results, string Message)
{
    /// <summary>The input at fault when the check could not start because of one ("Primaries[0].Address"); null otherwise.</summary>
    public string? Field { get; init; }

    /// <summary>Set when the account checked too many primaries this minute: how long until it may check again.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>True when at least one primary answered with the zone's serial: the wizard may go on.</summary>
    public bool CanContinue => Results.Any(r => r.IsOk && r.Serial is not null);
}
