namespace SecondaryPortal.Engine.Events;

/// <summary>
/// In which order a refresh's outcome reaches the store and the responder (chosen by <see cref="PublishOrderRule.Choose"/>).
/// </summary>
public enum PublishOrder
{
    /// <summary>
    /// Written on the zone's loop first, then served: whatever is served is then what a restart loads. A refresh that
    /// brought no new copy writes its state and history at once.
    /// </summary>
    StoreThenServe,

    /// <summary>
    /// Served at once, written behind the loop by the zone's <see cref="ZoneStoreQueue"/>, after the writes queued before
    /// it. A refresh that brought no new copy queues its state and history there too, so the last word stays the newest.
    /// </summary>
    ServeThenStore,
}
