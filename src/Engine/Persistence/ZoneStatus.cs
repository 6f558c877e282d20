namespace SecondaryPortal.Engine.Persistence;

/// <summary>Where a secondary zone stands with its primaries (stored by name, so new values never renumber old rows).</summary>
public enum ZoneStatus
{
    /// <summary>Added, not transferred yet: the zone answers SERVFAIL until its first transfer.</summary>
    Pending,

    /// <summary>Served, and the last refresh succeeded.</summary>
    Active,

    /// <summary>A refresh (SOA check, maybe a transfer) is running now.</summary>
    Refreshing,

    /// <summary>The last refresh failed at every primary; the zone still serves its last copy and retries.</summary>
    Failing,

    /// <summary>No successful refresh for the SOA expire time: the zone answers SERVFAIL until the next success (RFC 1035 §3.3.13).</summary>
    Expired,

    /// <summary>An operator stopped refreshing the zone; its last copy is still served.</summary>
    Paused,
}
