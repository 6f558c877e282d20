namespace SecondaryPortal.Engine.Zones;

/// <summary>A stored zone without its records.</summary>
/// <param name="Origin">The apex in lowercase presentation form ("example.com.").</param>
/// <param name="Kind">Authoritative or secondary.</param>
/// <param name="Serial">The stored SOA serial.</param>
/// <param name="RecordCount">How many records are stored.</param>
/// <param name="UpdatedAt">When the zone last changed.</param>
/// <param name="Version">The store's change version at the zone's last change.</param>
/// <param name="Status">A secondary zone's refresh status; null for an authoritative zone.</param>
public sealed record ZoneSummary(string Origin, ZoneKind Kind, uint Serial, int RecordCount, DateTimeOffset UpdatedAt, long Version, ZoneStatus? Status = null);
