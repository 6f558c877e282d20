namespace SecondaryPortal.Engine.Zones;

/// <summary>How a publication changes the responder's zone table.</summary>
internal enum ZoneTableChange
{
    /// <summary>The table keeps what it serves.</summary>
    None,

    /// <summary>The publication's snapshot is served.</summary>
    Serve,

    /// <summary>The zone answers SERVFAIL.</summary>
    Unavailable,

    /// <summary>The zone is taken out: REFUSED.</summary>
    Remove,
}
