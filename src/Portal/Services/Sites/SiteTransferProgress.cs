using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>A draft's first transfer as the wizard's step 4 shows it.</summary>
/// <param name="ZoneId">The draft's id.</param>
/// <param name="Origin">The zone, lowercase with the final dot.</param>
/// <param name="Kind">Secondary or authoritative (an authoritative draft has nothing to transfer: it is ready for review).</param>
/// <param name="IsDraft">False once the zone was published.</param>
/// <param name="Phase">Waiting, transferring, transferred or failed.</param>
/// <param name="Status">The engine's refresh status; null for an authoritative zone.</param>
/// <param name="RecordsReceived">Records received so far while the transfer runs; of the last transfer (or stored, once transferred) after.</param>
/// <param name="Serial">The serial transferred, or seen at the primary.</param>
/// <param name="LastError">The last failure in words; null when none.</param>
/// <param name="Log">The newest lines of the transfer history, newest first.</param>
/// <param name="Hints">What to check when the transfer failed or came back empty (ACL on the primary, TSIG, address); empty otherwise.</param>
public sealed record SiteTransferProgress(
    long ZoneId,
    string Origin,
    ZoneKind Kind,
    bool IsDraft,
    SiteTransferPhase Phase,
    ZoneStatus? Status,
    long RecordsReceived,
    long? Serial,
    string? LastError,
    IReadOnlyList<TransferLogEntry> Log,
    IReadOnlyList<string> Hints)
{
    /// <summary>True when the page should keep polling: nothing transferred and no failure yet.</summary>
    public bool IsRunning => Phase is SiteTransferPhase.Waiting or SiteTransferPhase.Transferring;
}
