namespace SecondaryPortal.Engine.Persistence;

/// <summary>
/// The store's single bookkeeping row. <see cref="ChangeVersion"/> grows by one in the same transaction as
/// every change to any zone, so a poller (the zone publisher, possibly in another process than the writer)
/// learns with one single-row read whether anything changed, including a removal.
/// </summary>
public sealed class StoreState
{
    /// <summary>The row's key; there is only the row <see cref="SingletonId"/>.</summary>
    public int Id { get; set; }

    /// <summary>A counter that never goes back: the version of the latest change.</summary>
    public long ChangeVersion { get; set; }

    /// <summary>
    /// A counter that grows with every change to the secondary zones' settings (added, removed, primaries, a refresh
    /// asked for): the transfer engine polls it, so a change made by another process is acted on within a second.
    /// Transfers do not move it.
    /// </summary>
    public long ConfigVersion { get; set; }

    /// <summary>The key of the one row.</summary>
    public const int SingletonId = 1;
}
