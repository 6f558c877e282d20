using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Scheduling;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Events;

/// <summary>
/// The REFRESH, RETRY and NOTIFY events of a zone: asks its primaries in order, starting with the one after the last
/// that failed, until one answers (<see cref="PrimaryRefresher"/>). A new copy is stored (one transaction with the state
/// and history) and served in one step, a large one served first and stored behind the loop (<see cref="TransferOptions.ServeBeforeStoringRows"/>,
/// <see cref="ZoneEventLoop.Stores"/>); on success the REFRESH and EXPIRE timers are set from the SOA, on failure
/// the RETRY timer, and the copy served stays exactly as it was.
/// </summary>
public sealed partial class RefreshHandler
{
    private readonly PrimaryRefresher _refresher;
    private readonly SecondaryZoneRepository _repository;
    private readonly ZonePublisher _publisher;
    private readonly ZoneEventTimers _timers;
    private readonly ZoneTimerPolicy _policy;
    private readonly TransferOptions _options;
    private readonly TransferProgress _progress;
    private readonly TimeProvider _time;
    private readonly ILogger<RefreshHandler> _logger;

    /// <summary>A handler storing through <paramref name="repository"/> and serving through <paramref name="publisher"/>.</summary>
    public RefreshHandler(ZoneTransferClient client, SecondaryZoneRepository repository, ZonePublisher publisher, ZoneEventTimers timers,
        ZoneTimerPolicy policy, TransferOptions options, TransferProgress progress, TimeProvider timeProvider, ILogger<RefreshHandler> logger)
    {
        _progress = progress;
        _refresher = new PrimaryRefresher(client, timeProvider, logger);
        _repository = repository;
        _publisher = publisher;
        _timers = timers;
        _policy = policy;
        _options = options;
        _time = timeProvider;
        _logger = logger;
    }

    /// <summary>Refreshes the zone of <paramref name="loop"/> once (its loop guarantees nothing else runs for the zone meanwhile).</summary>
    public async Task RunAsync(ZoneEventLoop loop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loop);
        var definition = loop.Definition;
        var log = new List<TransferLogEntry>();
        var seen = new List<PrimarySerial>();
        if (definition.ConfigError is { } configError || definition.Primaries.Count == 0)
        {
            await FailAsync(loop, log, seen, definition.ConfigError ?? "the zone has no primary", null, cancellationToken);
            return;
        }
        using var progress = _progress.Start(loop.Origin, _time.GetUtcNow());
        var status = loop.State.Status;
        long fullTransfer = loop.FullTransferWanted;
        loop.State.Status = ZoneStatus.Refreshing;
        var stopwatch = Stopwatch.StartNew();
        PrimaryAttempt? last = null;
        int count = definition.Primaries.Count, first = loop.NextPrimary % count;
        for (int i = 0; i < count; i++)
        {
            var primary = definition.Primaries[(first + i) % count];
            last = await _refresher.RunAsync(loop, primary, log, seen, fullTransfer != 0, progress, cancellationToken);
            if (last.Outcome != PrimaryAttemptOutcome.Failed)
            {
                loop.NextPrimary = 0; // back to the configured order
                if (last.Outcome == PrimaryAttemptOutcome.Transferred)
                    loop.FullTransferDone(fullTransfer);
                if (last.Outcome == PrimaryAttemptOutcome.Transferred)
                    progress.Enter(TransferPhase.Storing);
                await SucceedAsync(loop, last, log, seen, status, stopwatch, cancellationToken);
                return;
            }
        }
        loop.NextPrimary = first + 1; // next primary first
        loop.State.Status = status;
        await FailAsync(loop, log, seen, last!.Error ?? "every primary failed", last, cancellationToken);
    }

    private async Task SucceedAsync(ZoneEventLoop loop, PrimaryAttempt attempt, List<TransferLogEntry> log, List<PrimarySerial> seen, ZoneStatus before,
        Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        var state = loop.State;
        var snapshot = attempt.Snapshot ?? loop.Snapshot!;
        var soa = (SoaData)snapshot.Soa.Data;
        var now = _time.GetUtcNow();
        state.Status = ZoneStatus.Active;
        state.LastError = attempt.Error;
        state.LastSuccessAt = now;
        state.ServedSerial = snapshot.Serial;
        (state.SoaRefresh, state.SoaRetry, state.SoaExpire) = (soa.Refresh, soa.Retry, soa.Expire);
        state.NextRefreshAt = now + _policy.RefreshInterval(soa.Refresh);
        state.ExpiresAt = now + _policy.ExpireInterval(soa.Expire);
        if (attempt.Outcome == PrimaryAttemptOutcome.Transferred)
        {
            state.LastTransferAt = now;
            if (attempt.Diffs is null)
                _ = snapshot.SortInBackground(); // a zone built whole: the next IXFR patches it in canonical order
            if (ServesFirst(loop, snapshot, attempt.Diffs))
                ServeThenStore(loop, snapshot, attempt, log, seen, stopwatch);
            else if (!await StoreThenServeAsync(loop, snapshot, attempt, log, seen, stopwatch, cancellationToken))
                return; // removed meanwhile
        }
        else
        {
            await SaveStateAsync(loop, log, seen, cancellationToken);
            if (before == ZoneStatus.Expired && !loop.IsDraft)
                _publisher.Accept(snapshot); // the primary is back and has what we hold: serve it again
        }
        await _timers.SetAsync(loop.Origin, ZoneEvent.Refresh, state.NextRefreshAt.Value, cancellationToken);
        await _timers.SetAsync(loop.Origin, ZoneEvent.Expire, state.ExpiresAt.Value, cancellationToken);
        await _timers.ClearAsync(loop.Origin, ZoneEvent.Retry, cancellationToken);
    }

    /// <summary>
    /// A large transfer is served first and stored behind: the snapshot is complete and checked, and storing it (a million
    /// rows take seconds) no longer delays the answers. So is every transfer while an earlier one is still being stored: the
    /// store then moves through the versions in order behind the loop, and a change arriving meanwhile is served at once.
    /// A draft is never served.
    /// </summary>
    private bool ServesFirst(ZoneEventLoop loop, ZoneSnapshot snapshot, IReadOnlyList<ZoneDiff>? diffs) =>
        !loop.IsDraft && (loop.Stores.IsBusy || RowsToWrite(snapshot, diffs) >= _options.ServeBeforeStoringRows);

    /// <summary>
    /// Serves the snapshot now (the next IXFR applies to it) and queues its store. Should the store fail or the process stop
    /// before its commit, the stored copy is an earlier one: it is what loads at the next start, whose refresh transfers the
    /// change again; a failed store also asks for a full transfer at the zone's retry interval, so a running server stores
    /// the zone again without a restart.
    /// </summary>
    private void ServeThenStore(ZoneEventLoop loop, ZoneSnapshot snapshot, PrimaryAttempt attempt, List<TransferLogEntry> log, List<PrimarySerial> seen,
        Stopwatch stopwatch)
    {
        _publisher.AcceptAheadOfStore(snapshot);
        loop.Snapshot = snapshot;
        LogServed(loop, attempt, snapshot, stopwatch);
        var state = loop.State.Copy();
        var stopping = loop.Stopping;
        loop.Stores.Enqueue(async () =>
        {
            try
            {
                var diffs = loop.Stores.RowsBehind ? null : attempt.Diffs; // after a failed write, the rows are replaced whole
                var version = await _repository.SaveTransferAsync(snapshot, diffs, state, log, seen, _options.TransferLogLimit, stopping);
                loop.Stores.RowsBehind = false;
                if (version is not { } stored)
                    _publisher.Unpublish(loop.Origin); // removed meanwhile: not ours to serve; the engine drops the loop at its next reload
                else
                    _publisher.ConfirmStored(snapshot, stored);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // The zone was removed or the engine stops: the next start loads the copy stored before and refreshes.
            }
            catch (Exception e)
            {
                LogStoreBehindFailed(e, loop.Origin.ToString(), snapshot.Serial);
                loop.Stores.RowsBehind = true;
                loop.WantFullTransfer();
                await RetryAfterFailedStoreAsync(loop, state);
            }
        });
    }

    private async Task RetryAfterFailedStoreAsync(ZoneEventLoop loop, SecondaryZoneState state)
    {
        try
        {
            await _timers.SetAsync(loop.Origin, ZoneEvent.Retry, _time.GetUtcNow() + _policy.RetryInterval(state.SoaRetry), CancellationToken.None);
        }
        catch (Exception e)
        {
            LogRetryNotScheduled(e, loop.Origin.ToString()); // the engine is stopping: the next start refreshes the zone anyway
        }
    }

    /// <summary>Stores the transfer, then serves it; false when the zone was removed meanwhile.</summary>
    private async Task<bool> StoreThenServeAsync(ZoneEventLoop loop, ZoneSnapshot snapshot, PrimaryAttempt attempt, List<TransferLogEntry> log,
        List<PrimarySerial> seen, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        var version = await _repository.SaveTransferAsync(snapshot, attempt.Diffs, loop.State, log, seen, _options.TransferLogLimit, cancellationToken);
        if (version is not { } stored)
            return false;
        loop.Snapshot = snapshot;
        if (!loop.IsDraft) // a draft is stored and reviewed, never served
            _publisher.Accept(snapshot, stored);
        LogServed(loop, attempt, snapshot, stopwatch);
        return true;
    }

    /// <summary>Stores the zone's state and history: at once, or behind the zone's queued stores, so the last word stays the newest.</summary>
    private async Task SaveStateAsync(ZoneEventLoop loop, List<TransferLogEntry> log, List<PrimarySerial> seen, CancellationToken cancellationToken)
    {
        if (!loop.Stores.IsBusy)
        {
            await _repository.SaveStateAsync(loop.State, log, seen, _options.TransferLogLimit, cancellationToken);
            return;
        }
        var state = loop.State.Copy();
        var stopping = loop.Stopping;
        loop.Stores.Enqueue(async () =>
        {
            try
            {
                await _repository.SaveStateAsync(state, log, seen, _options.TransferLogLimit, stopping);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                LogStateNotSaved(e, loop.Origin.ToString());
            }
            catch (OperationCanceledException)
            {
                // The zone was removed or the engine stops.
            }
        });
    }

    private void LogServed(ZoneEventLoop loop, PrimaryAttempt attempt, ZoneSnapshot snapshot, Stopwatch stopwatch) =>
        LogServed(loop.Origin.ToString(), attempt.Primary.Server.ToString(), snapshot.Serial, attempt.Diffs is null ? "AXFR" : "IXFR",
            snapshot.RecordCount, stopwatch.ElapsedMilliseconds);

    private static long RowsToWrite(ZoneSnapshot snapshot, IReadOnlyList<ZoneDiff>? diffs) =>
        diffs is null ? snapshot.RecordCount : diffs.Sum(diff => (long)diff.Added.Count + diff.Deleted.Count);

    private async Task FailAsync(ZoneEventLoop loop, List<TransferLogEntry> log, List<PrimarySerial> seen, string error, PrimaryAttempt? last,
        CancellationToken cancellationToken)
    {
        var state = loop.State;
        var now = _time.GetUtcNow();
        if (state.Status != ZoneStatus.Expired)
            state.Status = ZoneStatus.Failing;
        state.LastError = error;
        state.NextRefreshAt = now + _policy.RetryInterval(state.SoaRetry);
        LogRefreshFailed(loop.Origin.ToString(), last?.Primary.Server.ToString() ?? "-",
            loop.Snapshot is { } served ? $"still serving serial {served.Serial}" : "nothing served yet", error, state.NextRefreshAt.Value);
        await SaveStateAsync(loop, log, seen, cancellationToken);
        await _timers.SetAsync(loop.Origin, ZoneEvent.Retry, state.NextRefreshAt.Value, cancellationToken);
        await _timers.ClearAsync(loop.Origin, ZoneEvent.Refresh, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Zone {Zone} serves serial {Serial} from {Primary} by {Kind}: {Records} records, {ElapsedMs} ms from the SOA check")]
    private partial void LogServed(string zone, string primary, uint serial, string kind, int records, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Zone {Zone}: storing serial {Serial}, served before it was stored, failed; the zone will be transferred whole and stored again at its retry interval")]
    private partial void LogStoreBehindFailed(Exception exception, string zone, uint serial);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zone {Zone}: the retry after a failed store could not be scheduled; the next start refreshes the zone")]
    private partial void LogRetryNotScheduled(Exception exception, string zone);

    [LoggerMessage(Level = LogLevel.Error, Message = "Zone {Zone}: its refresh state and history could not be stored; the next refresh stores them")]
    private partial void LogStateNotSaved(Exception exception, string zone);

    [LoggerMessage(Level = LogLevel.Error, Message = "Zone {Zone}: refresh failed at every primary (last {Primary}); {Serving}; retry at {RetryAt}: {Error}")]
    private partial void LogRefreshFailed(string zone, string primary, string serving, string error, DateTimeOffset retryAt);
}
