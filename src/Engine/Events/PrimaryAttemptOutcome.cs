namespace SecondaryPortal.Engine.Events;

/// <summary>How asking one primary for a zone ended.</summary>
internal enum PrimaryAttemptOutcome
{
    /// <summary>The primary has the serial we serve (or an older one): nothing to transfer.</summary>
    UpToDate,

    /// <summary>A newer copy arrived and was built; it is not stored yet.</summary>
    Transferred,

    /// <summary>The SOA query or the transfer failed, or the zone did not build; the next primary is tried.</summary>
    Failed,
}
