using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Analytics;
using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Engine.Analytics;

/// <summary>
/// Folds the responder's counters into the store every <see cref="AnalyticsOptions.FlushInterval"/> while queries are
/// counted (an idle server sleeps until the next query): the queries since the previous fold are added to the current
/// minute's row and to its hour's row (so the hour rows are the roll-up of
/// the minutes as they are written, and a report over days reads a few hundred hour rows instead of thousands of
/// minute rows), the zones' top names to the hour's and the day's. A fold that cannot write keeps its counts and adds them
/// to the next; the last fold runs at shutdown. Rows past their retention are deleted by a recurring job
/// (<c>AnalyticsRetentionJob</c>), not here.
/// </summary>
public sealed partial class QueryAggregator(
    QueryCounters counters,
    IDbContextFactory<StoreDbContext> contexts,
    AnalyticsOptions options,
    TimeProvider time,
    ILogger<QueryAggregator> logger) : BackgroundService
{
    private readonly QueryCountDelta _delta = new();
    private readonly Dictionary<QueryAggregateKey, long> _pendingAggregates = [];
    private readonly Dictionary<QueryTopNameKey, long> _pendingTopNames = [];
    private readonly SemaphoreSlim _folding = new(1, 1);
    private long _folds;

    /// <summary>Takes the counts since the previous fold and adds them to the store; returns how many queries it filed.</summary>
    public async Task<long> FoldAsync(CancellationToken cancellationToken = default)
    {
        await _folding.WaitAsync(cancellationToken);
        try
        {
            Interlocked.Increment(ref _folds);
            var now = time.GetUtcNow();
            long filed = Collect(now.ToUnixTimeSeconds());
            // An idle server has nothing to file: it does not touch the store every flush interval.
            if (_pendingAggregates.Count > 0 || _pendingTopNames.Count > 0)
            {
                await using var context = await contexts.CreateDbContextAsync(cancellationToken);
                await AnalyticsStoreWriter.WriteAsync(context, _pendingAggregates, _pendingTopNames, options.TopNamesKept, cancellationToken);
            }
            Empty(_pendingAggregates);
            Empty(_pendingTopNames);
            return filed;
        }
        finally
        {
            _folding.Release();
        }
    }

    private long Collect(long now)
    {
        const int Minute = AnalyticsKeys.MinuteRows, Hour = AnalyticsKeys.HourRows, Day = AnalyticsKeys.DayRows;
        long minute = now - now % Minute, hour = now - now % Hour, day = now - now % Day, filed = 0;
        foreach (var count in _delta.Next(counters.SnapshotRecent()))
        {
            Add(_pendingAggregates, Key(Minute, minute, count), count.Count);
            Add(_pendingAggregates, Key(Hour, hour, count), count.Count);
            filed += count.Count;
        }
        foreach (var zone in counters.DrainTopNames())
        {
            string name = AnalyticsKeys.ZoneKey(zone.Zone);
            foreach (var (top, nxDomain) in zone.Names.Select(top => (top, false)).Concat(zone.NxDomainNames.Select(top => (top, true))))
            {
                string topName = top.Name.ToString();
                Add(_pendingTopNames, new QueryTopNameKey(Hour, hour, name, nxDomain, topName), top.Count);
                Add(_pendingTopNames, new QueryTopNameKey(Day, day, name, nxDomain, topName), top.Count);
            }
        }
        return filed;
    }

    private static QueryAggregateKey Key(int resolution, long bucket, QueryCount count) => new(
        resolution, bucket, AnalyticsKeys.ZoneKey(count.Zone), AnalyticsKeys.TypeKey(count.QueryType), AnalyticsKeys.RcodeKey(count.Rcode),
        (int)count.Transport, (int)count.IpVersion, count.Region, count.ClientRegion);

    private static void Add<TKey>(Dictionary<TKey, long> pending, TKey key, long count) where TKey : notnull =>
        pending[key] = pending.GetValueOrDefault(key) + count;

    /// <summary>
    /// Empties a filed dictionary and gives back the room a busier fold needed: a burst (the first queries to 10,000 zones)
    /// would otherwise keep megabytes of empty entries for good, while a steady load keeps its size and allocates nothing.
    /// </summary>
    internal static void Empty<TKey>(Dictionary<TKey, long> pending) where TKey : notnull
    {
        const int SmallRoom = 256;
        int kept = Math.Max(SmallRoom, 2 * pending.Count);
        pending.Clear();
        if (pending.Capacity > 2 * kept)
            pending.TrimExcess(kept);
    }

    /// <summary>
    /// Folds every <see cref="AnalyticsOptions.FlushInterval"/> while queries are counted. A fold that files nothing puts
    /// the loop to sleep until the next query is counted: an idle server does not
    /// wake every interval to find nothing (nor keep the thread pool's gate thread polling after each such wake-up).
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                // Armed before the fold reads the counters: a count the fold misses wakes the wait below.
                var nextCount = counters.NextCountAsync();
                if (!await FoldLoggingFailureAsync(stoppingToken))
                    await nextCount.WaitAsync(stoppingToken);
                await Task.Delay(options.FlushInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>The number of folds run, by the loop or by hand.</summary>
    internal long Folds => Interlocked.Read(ref _folds);

    /// <inheritdoc/>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FoldLoggingFailureAsync(cancellationToken);
    }

    /// <summary>Folds; true when there may be more to file soon (queries were filed, or rows wait after a failed write).</summary>
    private async Task<bool> FoldLoggingFailureAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await FoldAsync(cancellationToken) > 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFoldFailed(logger, _pendingAggregates.Count, e);
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Query counts could not be written to the store; {Rows} rows are kept for the next fold")]
    private static partial void LogFoldFailed(ILogger logger, int rows, Exception exception);
}
