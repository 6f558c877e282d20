using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SecondaryPortal.Engine.Memory;

/// <summary>
/// Gives the garbage of a burst back to the system once the process goes quiet. The collector runs only when the process
/// allocates, so a server that idles after a burst (10,000 zones' first transfers) keeps the burst's dead objects and the
/// memory under them for good, often more than what is alive.
/// <para>
/// When a check (every <see cref="MemoryReclaimOptions.CheckInterval"/>) finds a burst ended, it asks for a full
/// collection in the background: it pauses the process for milliseconds and tells how much of the heap is alive. At the
/// next check, when the garbage is at least as large as what is alive, one compacting collection gives it back; either
/// way the C heap is trimmed. That collection stops the process (queries wait in the socket buffers) for a time that
/// grows with the live heap, so it is skipped above
/// <see cref="MemoryReclaimOptions.MaxLiveMegabytes"/>; the pause is logged (what it keeps, at Debug level). The query
/// path allocates nothing: answering queries never keeps a burst from ending.
/// </para>
/// </summary>
public sealed partial class BurstMemoryReclaimer : BackgroundService
{
    private readonly MemoryReclaimOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BurstMemoryReclaimer> _logger;
    private readonly AllocationBurst _burst;
    private long? _measuringSince;

    /// <summary>A reclaimer with <paramref name="options"/>, on <paramref name="time"/>'s clock.</summary>
    public BurstMemoryReclaimer(MemoryReclaimOptions options, TimeProvider time, ILogger<BurstMemoryReclaimer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time;
        _logger = logger;
        _burst = new AllocationBurst(options.BurstMegabytes << 20, options.QuietMegabytes << 20);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.ReclaimAfterBursts)
            return;
        using var timer = new PeriodicTimer(_options.CheckInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                Check();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Check()
    {
        bool quietAfterBurst = _burst.EndedWith(GC.GetTotalAllocatedBytes());
        if (_measuringSince is { } since && HeapFigures.AfterFullCollection(since) is { } heap)
        {
            _measuringSince = null;
            // Busy again since the measure: the figures are stale, and the process's own collections will follow.
            if (!_burst.WasQuiet)
                return;
            if (heap.WorthCompacting(_options.BurstMegabytes << 20, _options.MaxLiveMegabytes << 20))
            {
                Compact(heap);
            }
            else
            {
                LogKept(_logger, heap.GarbageBytes >> 20, heap.LiveBytes >> 20);
                TrimNativeHeap();
            }
        }
        else if (quietAfterBurst && _measuringSince is null)
        {
            _measuringSince = HeapFigures.LastFullCollection;
            GC.Collect(2, GCCollectionMode.Forced, blocking: false);
        }
    }

    private void Compact(HeapFigures before)
    {
        var pause = HeapCompaction.CompactAndTrim();
        long committed = GC.GetGCMemoryInfo(GCKind.FullBlocking).TotalCommittedBytes;
        LogCompacted(_logger, (before.CommittedBytes - committed) >> 20, committed >> 20, before.LiveBytes >> 20, pause.TotalMilliseconds);
    }

    /// <summary>
    /// The burst's threads left free memory in the C heap's arenas too (SQLite's, the runtime's): it goes back whether the
    /// managed heap was compacted or not.
    /// </summary>
    private void TrimNativeHeap()
    {
        long before = Environment.WorkingSet;
        NativeHeap.Trim();
        LogTrimmed(_logger, before >> 20, Environment.WorkingSet >> 20);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Memory: trimmed the C heap; resident memory {Before} -> {After} MiB")]
    private static partial void LogTrimmed(ILogger logger, long before, long after);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Memory: gave back {Freed} MiB of a burst's garbage ({Committed} MiB of managed heap left, {Live} MiB alive); the collection paused the process for {PauseMilliseconds:F0} ms")]
    private static partial void LogCompacted(ILogger logger, long freed, long committed, long live, double pauseMilliseconds);

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Memory: a burst left {Garbage} MiB of garbage beside {Live} MiB alive; kept, as not worth a compacting pause")]
    private static partial void LogKept(ILogger logger, long garbage, long live);
}
