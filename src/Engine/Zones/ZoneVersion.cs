namespace SecondaryPortal.Engine.Zones;

/// <summary>What the publisher needs of a stored zone to follow the store without loading it.</summary>
/// <param name="Origin">The zone's apex, as stored (<see cref="ZoneStore.OriginKey"/>).</param>
/// <param name="Version">The store's change version at the zone's last change.</param>
/// <param name="IsDraft">True for a draft of the Add Site wizard, never served.</param>
public sealed record ZoneVersion(string Origin, long Version, bool IsDraft);
