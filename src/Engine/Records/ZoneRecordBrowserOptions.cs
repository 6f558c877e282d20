namespace SecondaryPortal.Engine.Records;

/// <summary>Bounds of <see cref="ZoneRecordBrowser"/>'s cache.</summary>
public sealed record ZoneRecordBrowserOptions
{
    /// <summary>
    /// How many zone versions stay indexed in memory, least recently used dropped first. A million-record zone's index
    /// holds its decoded records (a few hundred MB), so keep this small.
    /// </summary>
    public int MaxCachedZones { get; init; } = 4;
}
