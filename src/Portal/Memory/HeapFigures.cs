namespace SecondaryPortal.Portal.Memory;

/// <summary>
/// The managed heap as a full collection left it: what it holds committed and what is alive in it. Read after a
/// background collection, so the dead objects of every generation are counted as free space, not as alive.
/// </summary>
internal readonly record struct HeapFigures(long CommittedBytes, long LiveBytes)
{
    /// <summary>Committed memory holding no live object: what a compacting collection would give back.</summary>
    public long GarbageBytes => CommittedBytes - LiveBytes;

    /// <summary>The figures of the last background collection, or null when none has run since <paramref name="sinceIndex"/>.</summary>
    public static HeapFigures? AfterBackgroundCollection(long sinceIndex)
    {
        var info = GC.GetGCMemoryInfo(GCKind.Background);
        return info.Index > sinceIndex ? new HeapFigures(info.TotalCommittedBytes, info.HeapSizeBytes - info.FragmentedBytes) : null;
    }

    /// <summary>
    /// True when compacting pays for its pause: the garbage is at least <paramref name="minimumBytes"/> and at least as
    /// large as what stays, and the live heap (which the pause grows with, about 3 ms a megabyte on a slow core) is at
    /// most <paramref name="maximumLiveBytes"/>.
    /// </summary>
    public bool WorthCompacting(long minimumBytes, long maximumLiveBytes) =>
        GarbageBytes >= minimumBytes && GarbageBytes >= LiveBytes && LiveBytes <= maximumLiveBytes;
}
