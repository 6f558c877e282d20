namespace SecondaryPortal.Engine.Zones;

/// <summary>The outcome of <c>ZoneStore.ImportAsync</c>, with messages fit to show a user.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Origin">The zone, in lowercase presentation form.</param>
/// <param name="Message">One line that says what happened.</param>
/// <param name="Errors">Why the zone is invalid (empty unless <see cref="ZoneImportStatus.Invalid"/>).</param>
/// <param name="Warnings">What was accepted but is probably not meant.</param>
/// <param name="Serial">The stored SOA serial (0 unless imported).</param>
/// <param name="RecordCount">How many records were stored (0 unless imported).</param>
public sealed record ZoneImportResult(
    ZoneImportStatus Status,
    string Origin,
    string Message,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Warnings,
    uint Serial,
    int RecordCount)
{
    /// <summary>True when the zone was stored.</summary>
    public bool Succeeded => Status == ZoneImportStatus.Imported;

    /// <summary>The stored zone's row (for <see cref="ZoneDrafts"/>), or 0 when nothing was stored.</summary>
    public long ZoneId { get; init; }
}
