namespace SecondaryPortal.Portal.Services.Zones;

/// <summary>A zone's status as the portal shows it: the engine's refresh status, with drafts and authoritative zones placed.</summary>
public enum ZoneDisplayStatus
{
    /// <summary>A draft of the Add Site wizard: stored, not served until the customer finishes the review.</summary>
    PendingReview,

    /// <summary>A live secondary zone waiting for its first transfer (answers SERVFAIL until then).</summary>
    Pending,

    /// <summary>Served; the last refresh succeeded (an authoritative zone is always active).</summary>
    Active,

    /// <summary>A refresh is running now.</summary>
    Refreshing,

    /// <summary>The last refresh failed at every primary; the last copy is still served.</summary>
    Failing,

    /// <summary>No successful refresh for the SOA expire time: answers SERVFAIL.</summary>
    Expired,

    /// <summary>Refreshing is paused; the last copy is still served.</summary>
    Paused,
}
