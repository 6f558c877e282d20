using SecondaryPortal.Dns.Analytics;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Lookup;

/// <summary>A zone as the table knows it: servable (a snapshot) or known but unavailable (SERVFAIL). Immutable, replaced whole.</summary>
internal sealed class ZoneEntry(DnsName origin, ZoneSnapshot? snapshot)
{
    /// <summary>The zone's name.</summary>
    public DnsName Origin { get; } = origin;

    /// <summary>The data served, or null while the zone is expired or not loaded.</summary>
    public ZoneSnapshot? Snapshot { get; } = snapshot;

    /// <summary>
    /// The zone's query counters, cached here by <see cref="QueryCounters"/> after the first query for this entry
    /// so that counting needs no dictionary lookup (a new entry, after a publish, looks them up once again).
    /// </summary>
    public ZoneQueryCounters? Counters;
}
