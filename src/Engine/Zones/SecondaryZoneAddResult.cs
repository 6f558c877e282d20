namespace SecondaryPortal.Engine.Zones;

/// <summary>The outcome of <c>SecondaryZoneCatalog.AddAsync</c>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Origin">The zone, in lowercase presentation form.</param>
/// <param name="Message">One line fit to show a user.</param>
public sealed record SecondaryZoneAddResult(SecondaryZoneAddStatus Status, string Origin, string Message)
{
    /// <summary>True when the zone was stored.</summary>
    public bool Succeeded => Status == SecondaryZoneAddStatus.Added;

    /// <summary>The stored zone's row (for <see cref="ZoneDrafts"/>), or 0 when nothing was stored.</summary>
    public long ZoneId { get; init; }
}
