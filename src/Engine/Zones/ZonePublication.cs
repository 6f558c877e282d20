using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Engine.Zones;

/// <summary>
/// One change to what the responder serves for a zone, from either writer: the poll that follows the store, or the transfer
/// engine that stores and builds a secondary zone itself. <see cref="ZonePublicationRule"/> decides whether it applies.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Origin">The zone.</param>
/// <param name="Snapshot">The copy to serve (<see cref="ZonePublicationKind.Loaded"/>: null when the stored copy cannot be served).</param>
/// <param name="Version">The store's version of the zone that the copy is, where the kind has one.</param>
internal readonly record struct ZonePublication(ZonePublicationKind Kind, DnsName Origin, ZoneSnapshot? Snapshot = null, long? Version = null);
