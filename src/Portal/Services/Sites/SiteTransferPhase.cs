namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>Where a secondary draft's first transfer stands.</summary>
public enum SiteTransferPhase
{
    /// <summary>Stored; the transfer engine has not asked the primaries yet.</summary>
    Waiting,

    /// <summary>The SOA check or the transfer is running.</summary>
    Transferring,

    /// <summary>The zone was transferred: the review can start.</summary>
    Transferred,

    /// <summary>The last attempt failed at every primary (the engine retries on its own).</summary>
    Failed,
}
