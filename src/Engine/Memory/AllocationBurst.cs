namespace SecondaryPortal.Engine.Memory;

/// <summary>
/// Tells, from the process's allocation total read at a steady interval, when a burst of allocation has ended: at least
/// <c>burstBytes</c> allocated since the last collection asked for, and then an interval with at most <c>quietBytes</c>.
/// A busy process never reads as quiet (its own collections keep its heap in shape); an idle one that has not had a
/// burst is left alone.
/// </summary>
internal sealed class AllocationBurst(long burstBytes, long quietBytes)
{
    private long _lastRead;
    private long _atLastCollection;

    /// <summary>True when the interval up to the last reading allocated at most <c>quietBytes</c>.</summary>
    public bool WasQuiet { get; private set; }

    /// <summary>
    /// Reads the process's allocation total (<paramref name="allocatedBytes"/>, never less than the last one); true when a
    /// burst has just ended, and the caller collects.
    /// </summary>
    public bool EndedWith(long allocatedBytes)
    {
        long interval = allocatedBytes - _lastRead;
        _lastRead = allocatedBytes;
        WasQuiet = interval <= quietBytes;
        if (!WasQuiet || allocatedBytes - _atLastCollection < burstBytes)
            return false;
        _atLastCollection = allocatedBytes;
        return true;
    }
}
