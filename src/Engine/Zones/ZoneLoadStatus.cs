namespace SecondaryPortal.Engine.Zones;

/// <summary>How loading a stored zone into a snapshot ended.</summary>
public enum ZoneLoadStatus
{
    /// <summary>The snapshot is ready to publish.</summary>
    Loaded,

    /// <summary>No such zone is stored (it may just have been removed).</summary>
    NotFound,

    /// <summary>The stored records do not decode or do not make a valid zone.</summary>
    Invalid,

    /// <summary>A secondary zone not transferred yet, or expired: it answers SERVFAIL until its next successful transfer.</summary>
    Unavailable,
}
