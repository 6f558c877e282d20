namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>The outcome of creating a wizard draft (secondary, or authoritative from defaults or a zone file).</summary>
/// <param name="Succeeded">True when the draft was stored.</param>
/// <param name="ZoneId">The draft zone's id (for the transfer and review pages); 0 when nothing was stored.</param>
/// <param name="Message">One sentence fit to show a user.</param>
/// <param name="Field">The input at fault when a value was refused ("Domain", "Primaries", "Key", "ZoneFile"); null otherwise.</param>
public sealed record SiteDraftResult(bool Succeeded, long ZoneId, string Message, string? Field = null)
{
    /// <summary>A zone file's errors with their line numbers (empty unless the file was refused).</summary>
    public IReadOnlyList<ZoneFileError> Errors { get; init; } = [];
}
