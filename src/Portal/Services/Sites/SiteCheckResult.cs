using SecondaryPortal.Engine.Probing;

namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>The wizard's check step: one live SOA query per primary, in order.</summary>
/// <param name="Results">Each primary's outcome, message and serial; empty when the check could not start.</param>
/// <param name="Message">Why the check could not start (bad domain, no primary, bad key), or a summary.</param>
public sealed record SiteCheckResult(IReadOnlyList<PrimaryCheckResult> Results, string Message)
{
    /// <summary>True when at least one primary answered with the zone's serial: the wizard may go on.</summary>
    public bool CanContinue => Results.Any(r => r.IsOk && r.Serial is not null);
}
