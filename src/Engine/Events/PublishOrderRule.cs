namespace SecondaryPortal.Engine.Events;

/// <summary>
/// The one rule that orders storing and serving a refresh's outcome (<see cref="PublishOrder"/>); the refresh follows what
/// it returns, for a new copy and for a refresh that only writes the zone's state and history.
/// </summary>
public static class PublishOrderRule
{
    /// <summary>
    /// A draft is never served, so it is stored first. Otherwise the outcome is served first and stored behind the loop when
    /// an earlier change of the zone is still being stored (the store then moves through the versions in order, and a
    /// change arriving meanwhile is served at once), or when it is a transfer writing at least
    /// <paramref name="serveBeforeStoringRows"/> rows (<see cref="TransferOptions.ServeBeforeStoringRows"/>: storing a
    /// million rows takes seconds, and the checked copy need not wait for it). Anything else is stored, then served.
    /// </summary>
    /// <param name="isDraft">The zone is a draft of the Add Site wizard (<see cref="ZoneRuntimeState.IsDraft"/>).</param>
    /// <param name="earlierChangeStoring">An earlier write of the zone has not finished (<see cref="ZoneStoreQueue.IsBusy"/>).</param>
    /// <param name="rowsToWrite">
    /// The record rows a transfer writes (an AXFR: the zone's records; an IXFR: those it adds and deletes); null when the
    /// refresh brought no new copy and writes only the zone's state and history.
    /// </param>
    /// <param name="serveBeforeStoringRows">The configured threshold (0: every transfer is served first).</param>
    public static PublishOrder Choose(bool isDraft, bool earlierChangeStoring, long? rowsToWrite, int serveBeforeStoringRows)
    {
        if (isDraft)
            return PublishOrder.StoreThenServe;
        if (earlierChangeStoring || rowsToWrite >= serveBeforeStoringRows)
            return PublishOrder.ServeThenStore;
        return PublishOrder.StoreThenServe;
    }
}
