using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Zones;

/// <summary>What the publisher last did with a stored zone.</summary>
/// <param name="Origin">The zone's apex.</param>
/// <param name="Version">The zone's change version that was loaded.</param>
/// <param name="Serving">True when that version was published; false when it failed to load and the zone answers SERVFAIL.</param>
/// <param name="AheadOfStore">True while the copy served is newer than the store's (served first, stored behind): the poll leaves it.</param>
internal readonly record struct PublishedZone(DnsName Origin, long Version, bool Serving, bool AheadOfStore = false);
