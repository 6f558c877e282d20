namespace SecondaryPortal.Engine.Memory;

/// <summary>
/// The managed heap as a full collection left it: what it holds committed and what is alive in it. Read after a full
/// collection, so the dead objects of every generation are counted as free space, not as alive.
/// </summary>
internal readonly record struct HeapFigures(long CommittedBytes, long LiveBytes)
{
    /// <summary>Committed memory holding no live object: what a compacting collection would give back.</summary>
    public long GarbageBytes => CommittedBytes - LiveBytes;

    /// <summary>The index of the last full collection, background or blocking.</summary>
    public static long LastFullCollection =>
        Math.Max(GC.GetGCMemoryInfo(GCKind.Background).Index, GC.GetGCMemoryInfo(GCKind.FullBlocking).Index);

    /// <summary>
    /// The figures of the last full collection, or null when none has run after the one numbered
    /// <paramref name="sinceIndex"/>. A collection asked for in the background may run blocking, at the runtime's choice.
    /// </summary>
    public static HeapFigures? AfterFullCollection(long sinceIndex)
    {
        var background = GC.GetGCMemoryInfo(GCKind.Background);
        var blocking = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        var last = background.Index > blocking.Index ? background : blocking;
        return last.Index > sinceIndex ? new HeapFigures(last.TotalCommittedBytes, last.HeapSizeBytes - last.FragmentedBytes) : null;
    }

    /// <summary>
    /// True when compacting pays for its pause: the garbage is at least <paramref name="minimumBytes"/> and at least as
    /// large as what stays, and the live heap (which the pause grows with) is
    /// at most <paramref name="maximumLiveBytes"/>.
    /// </summary>
    public bool WorthCompacting(long minimumBytes, long maximumLiveBytes) =>
        GarbageBytes >= minimumBytes && GarbageBytes >= LiveBytes && LiveBytes <= maximumLiveBytes;
}
