namespace SecondaryPortal.Engine.Zones;

/// <summary>What a <see cref="ZonePublication"/> says happened to a zone.</summary>
internal enum ZonePublicationKind
{
    /// <summary>The poll read the store's copy at a version: a snapshot to serve, or none (SERVFAIL until a good copy is stored).</summary>
    Loaded,

    /// <summary>An in-process writer stored the snapshot at a version (without one: as the version last known) and serves it now.</summary>
    Stored,

    /// <summary>An in-process writer serves the snapshot before storing it: the store holds an older copy until <see cref="StoreCaughtUp"/>.</summary>
    AheadOfStore,

    /// <summary>The in-process writer stored, at a version, the snapshot it served ahead of the store.</summary>
    StoreCaughtUp,

    /// <summary>The zone answers SERVFAIL (an expired secondary zone) and keeps its version.</summary>
    Withdrawn,

    /// <summary>The zone is no longer ours: it answers REFUSED, as any zone we do not hold.</summary>
    Removed,
}
