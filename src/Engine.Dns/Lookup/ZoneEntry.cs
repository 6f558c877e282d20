using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Lookup;

/// <summary>A zone as the table knows it: servable (a snapshot) or known but unavailable (SERVFAIL). Immutable, replaced whole.</summary>
internal sealed class ZoneEntry(DnsName origin, ZoneSnapshot? snapshot)
{
    /// <summary>The zone's name.</summary>
    public DnsName Origin { get; } = origin;

    /// <summary>The data served, or null while the zone is expired or not loaded.</summary>
    public ZoneSnapshot? Snapshot { get; } = snapshot;
}
