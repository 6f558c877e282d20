namespace SecondaryPortal.Engine.Scheduling;

/// <summary>
/// The events of a secondary zone's schedule (Knot DNS's zone events): each is a reason to run the zone's refresh or
/// expiry. Pending events of a zone are a set, so repeated posts of one event while the zone is busy coalesce.
/// </summary>
public enum ZoneEvent
{
    /// <summary>The SOA REFRESH interval passed since the last successful refresh (RFC 1035 §3.3.13), or one was asked for.</summary>
    Refresh,

    /// <summary>The SOA RETRY interval passed since a failed refresh.</summary>
    Retry,

    /// <summary>The SOA EXPIRE time passed since the last successful refresh: stop serving the zone.</summary>
    Expire,

    /// <summary>A primary announced a change (RFC 1996 §3.7): refresh now.</summary>
    Notify,

    /// <summary>An operator paused or resumed the zone (the zone's event loop knows which): apply it.</summary>
    Pause,
}
