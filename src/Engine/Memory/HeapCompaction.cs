using System.Runtime;

namespace SecondaryPortal.Engine.Memory;

/// <summary>
/// The one way the process gives memory back on purpose: a blocking, compacting collection of every generation (the large
/// object heap included, all free space decommitted), then the C heap trimmed. It pauses every thread for its duration, so
/// callers run it only where a pause is acceptable (after the initial load, or once a burst is over and the server is quiet).
/// </summary>
internal static class HeapCompaction
{
    /// <summary>Compacts the managed heap and trims the C heap; returns the managed collection's pause.</summary>
    public static TimeSpan CompactAndTrim()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var pause = GC.GetGCMemoryInfo(GCKind.FullBlocking).PauseDurations[0];
        NativeHeap.Trim();
        return pause;
    }
}
