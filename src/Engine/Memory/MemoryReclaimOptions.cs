namespace SecondaryPortal.Engine.Memory;

/// <summary>The <c>Memory</c> section: when a quiet server gives a burst's garbage back (<see cref="BurstMemoryReclaimer"/>).</summary>
public sealed class MemoryReclaimOptions
{
    /// <summary>False leaves every collection to the runtime: no pause is ever asked for.</summary>
    public bool ReclaimAfterBursts { get; set; } = true;

    /// <summary>How often the process's allocation is read.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Megabytes allocated since the last reclaim that make a burst; also the least garbage worth a compacting pause.</summary>
    public long BurstMegabytes { get; set; } = 64;

    /// <summary>The most megabytes one check interval may allocate and still be quiet.</summary>
    public long QuietMegabytes { get; set; } = 4;

    /// <summary>
    /// The largest live heap, in megabytes, compacted after a burst: the pause grows with it,
    /// so a server holding large zones keeps its garbage rather than stop for longer.
    /// </summary>
    public long MaxLiveMegabytes { get; set; } = 128;
}
