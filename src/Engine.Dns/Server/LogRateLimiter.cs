namespace SecondaryPortal.Dns.Server;

/// <summary>
/// Lets at most a few log entries of one kind through per second, so that a flood of bad packets or a
/// handler failing on every request cannot turn the log into the bottleneck. Counts what it holds back,
/// for the next entry that gets through to report.
/// </summary>
internal sealed class LogRateLimiter(int perSecond)
{
    private const long WindowMilliseconds = 1000;

    private long _windowStart = Environment.TickCount64;
    private int _count;
    private long _suppressed;

    /// <summary>True when an entry may be logged now; <paramref name="suppressed"/> is how many were dropped before it.</summary>
    public bool TryAcquire(out long suppressed)
    {
        long now = Environment.TickCount64;
        long start = Volatile.Read(ref _windowStart);
        if (now - start >= WindowMilliseconds && Interlocked.CompareExchange(ref _windowStart, now, start) == start)
            Volatile.Write(ref _count, 0);
        if (Interlocked.Increment(ref _count) <= perSecond)
        {
            suppressed = Interlocked.Exchange(ref _suppressed, 0);
            return true;
        }
        Interlocked.Increment(ref _suppressed);
        suppressed = 0;
        return false;
    }
}
