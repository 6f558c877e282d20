using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Engine.Zones;

/// <summary>
/// The one rule for what the responder serves per zone: a version is never replaced by an older one, and a copy served
/// ahead of the store is replaced only by its writer, never by the poll loading the older copy the store still holds.
/// Pure: <see cref="ZonePublisher"/> applies its decisions to the zone table under one lock.
/// </summary>
internal static class ZonePublicationRule
{
    /// <summary>Whether the poll may serve the store's copy at <paramref name="version"/> over what is known of the zone.</summary>
    public static bool AcceptsStoredCopy(PublishedZone? known, long version) =>
        known is not { } zone || (!zone.AheadOfStore && zone.Version <= version);

    /// <summary>Whether the poll should read the store's copy at <paramref name="version"/>: it would be accepted and is not served yet.</summary>
    public static bool NeedsLoading(PublishedZone? known, long version) =>
        AcceptsStoredCopy(known, version) && known?.Version != version;

    /// <summary>
    /// What <paramref name="publication"/> does given what is <paramref name="known"/> of the zone and the copy the table
    /// <paramref name="served"/> for it.
    /// </summary>
    public static ZonePublicationDecision Decide(PublishedZone? known, ZoneSnapshot? served, in ZonePublication publication)
    {
        var origin = publication.Origin;
        long knownVersion = known?.Version ?? 0;
        switch (publication.Kind)
        {
            case ZonePublicationKind.Loaded:
                long version = publication.Version ?? throw new ArgumentException("A loaded copy has a version.", nameof(publication));
                if (!AcceptsStoredCopy(known, version))
                    return ZonePublicationDecision.Refused;
                bool serving = publication.Snapshot is not null;
                return new(serving ? ZoneTableChange.Serve : ZoneTableChange.Unavailable, new PublishedZone(origin, version, serving));
            case ZonePublicationKind.Stored:
                long stored = publication.Version ?? knownVersion;
                return known?.Version > stored
                    ? ZonePublicationDecision.Refused
                    : new(ZoneTableChange.Serve, new PublishedZone(origin, stored, Serving: true));
            case ZonePublicationKind.AheadOfStore:
                return new(ZoneTableChange.Serve, new PublishedZone(origin, knownVersion, Serving: true, AheadOfStore: true));
            case ZonePublicationKind.StoreCaughtUp:
                // A newer copy served since (its store still queued) confirms itself in turn.
                if (known is not { AheadOfStore: true } ahead || !ReferenceEquals(served, publication.Snapshot))
                    return ZonePublicationDecision.Refused;
                long caughtUp = Math.Max(ahead.Version, publication.Version ?? ahead.Version);
                return new(ZoneTableChange.None, ahead with { Version = caughtUp, AheadOfStore = false });
            case ZonePublicationKind.Withdrawn:
                return new(ZoneTableChange.Unavailable, known is { } withdrawn ? withdrawn with { Serving = false } : new PublishedZone(origin, 0, Serving: false));
            case ZonePublicationKind.Removed:
                return new(ZoneTableChange.Remove, null);
            default:
                throw new ArgumentOutOfRangeException(nameof(publication), publication.Kind, "Unknown publication.");
        }
    }
}
