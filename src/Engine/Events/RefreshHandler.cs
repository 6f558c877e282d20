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
/// that failed, until one answers (<see cref="PrimaryRefresher"/>); its steps share one <see cref="RefreshContext"/>. A new
/// copy is stored (one transaction with the state and history) and served, or served first and stored behind the loop
/// (<see cref="ZoneRuntimeState.Stores"/>), in the order <see cref="PublishOrderRule"/> gives. On success the REFRESH and
/// EXPIRE timers are set from the SOA, on failure the RETRY timer, and the copy served stays exactly as it was.
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

    /// <summary>Refreshes <paramref name="zone"/> once (its loop guarantees nothing else runs for the zone meanwhile).</summary>
    public async Task RunAsync(ZoneRuntimeState zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var refresh = new RefreshContext(zone, _time.GetUtcNow(), cancellationToken);
        var definition = zone.Definition;
        if (definition.ConfigError is not null || definition.Primaries.Count == 0)
        {
            await FailAsync(refresh, definition.ConfigError ?? "the zone has no primary", null);
            return;
        }
        using var progress = _progress.Start(zone.Origin, refresh.StartedAt);
        zone.Persisted.Status = ZoneStatus.Refreshing;
        PrimaryAttempt? last = null;
        int count = definition.Primaries.Count, first = zone.NextPrimary % count;
        for (int i = 0; i < count; i++)
        {
            var primary = definition.Primaries[(first + i) % count];
            last = await _refresher.RunAsync(refresh, primary, progress);
            if (last.Outcome != PrimaryAttemptOutcome.Failed)
            {
                zone.NextPrimary = 0; // back to the configured order
                if (last.Outcome == PrimaryAttemptOutcome.Transferred)
                {
                    zone.FullTransferDone(refresh.FullTransferWanted);
                    progress.Enter(TransferPhase.Storing);
                }
                await SucceedAsync(refresh, last);
                return;
            }
        }
        zone.NextPrimary = first + 1; // next primary first
        zone.Persisted.Status = refresh.StatusBefore;
        await FailAsync(refresh, last!.Error ?? "every primary failed", last);
    }

    private async Task SucceedAsync(RefreshContext refresh, PrimaryAttempt attempt)
    {
        var (zone, state) = (refresh.Zone, refresh.State);
        var snapshot = attempt.Snapshot ?? zone.Snapshot!;
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
            if (!await PublishTransferAsync(refresh, attempt, snapshot))
                return; // removed meanwhile
        }
        else
        {
            await SaveStateAsync(refresh);
            if (refresh.StatusBefore == ZoneStatus.Expired && !zone.IsDraft)
                _publisher.Accept(snapshot); // the primary is back and has what we hold: serve it again
        }
        await _timers.SetAsync(zone.Origin, ZoneEvent.Refresh, state.NextRefreshAt.Value, refresh.CancellationToken);
        await _timers.SetAsync(zone.Origin, ZoneEvent.Expire, state.ExpiresAt.Value, refresh.CancellationToken);
        await _timers.ClearAsync(zone.Origin, ZoneEvent.Retry, refresh.CancellationToken);
    }

    /// <summary>
    /// The one place a refresh asks in which order its outcome is stored and served (<see cref="PublishOrderRule"/>):
    /// for a transfer of <paramref name="rowsToWrite"/> rows, or (null) for a refresh that writes only state and history.
    /// </summary>
    private PublishOrder PublishOrderOf(RefreshContext refresh, long? rowsToWrite) =>
        PublishOrderRule.Choose(refresh.Zone.IsDraft, refresh.Zone.Stores.IsBusy, rowsToWrite, _options.ServeBeforeStoringRows);

    /// <summary>Stores and serves a new copy in the order the rule gives; false when the zone was removed meanwhile.</summary>
    private async Task<bool> PublishTransferAsync(RefreshContext refresh, PrimaryAttempt attempt, ZoneSnapshot snapshot)
    {
        switch (PublishOrderOf(refresh, RowsToWrite(snapshot, attempt.Diffs)))
        {
            case PublishOrder.ServeThenStore:
                ServeThenStore(refresh, snapshot, attempt);
                return true;
            default:
                return await StoreThenServeAsync(refresh, snapshot, attempt);
        }
    }

    /// <summary>
    /// Serves the snapshot now (the next IXFR applies to it) and queues its store. Should the store fail or the process stop
    /// before its commit, the stored copy is an earlier one: it is what loads at the next start, whose refresh transfers the
    /// change again; a failed store also asks for a full transfer at the zone's retry interval, so a running server stores
    /// the zone again without a restart.
    /// </summary>
    private void ServeThenStore(RefreshContext refresh, ZoneSnapshot snapshot, PrimaryAttempt attempt)
    {
        var zone = refresh.Zone;
        _publisher.AcceptAheadOfStore(snapshot);
        zone.Snapshot = snapshot;
        LogServed(refresh, attempt, snapshot);
        var state = zone.Persisted.Copy();
        var stopping = refresh.CancellationToken;
        zone.Stores.Enqueue(async () =>
        {
            try
            {
                var diffs = zone.Stores.RowsBehind ? null : attempt.Diffs; // after a failed write, the rows are replaced whole
                var version = await _repository.SaveTransferAsync(snapshot, diffs, state, refresh.Log, refresh.Seen, _options.TransferLogLimit, stopping);
                zone.Stores.RowsBehind = false;
                if (version is not { } stored)
                    _publisher.Unpublish(zone.Origin); // removed meanwhile: not ours to serve; the engine drops the loop at its next reload
                else
                    _publisher.ConfirmStored(snapshot, stored);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // The zone was removed or the engine stops: the next start loads the copy stored before and refreshes.
            }
            catch (Exception e)
            {
                LogStoreBehindFailed(e, zone.Origin.ToString(), snapshot.Serial);
                zone.Stores.RowsBehind = true;
                zone.WantFullTransfer();
                await RetryAfterFailedStoreAsync(zone, state);
            }
        });
    }

    private async Task RetryAfterFailedStoreAsync(ZoneRuntimeState zone, SecondaryZoneState state)
    {
        try
        {
            await _timers.SetAsync(zone.Origin, ZoneEvent.Retry, _time.GetUtcNow() + _policy.RetryInterval(state.SoaRetry), CancellationToken.None);
        }
        catch (Exception e)
        {
            LogRetryNotScheduled(e, zone.Origin.ToString()); // the engine is stopping: the next start refreshes the zone anyway
        }
    }

    /// <summary>Stores the transfer, then serves it; false when the zone was removed meanwhile.</summary>
    private async Task<bool> StoreThenServeAsync(RefreshContext refresh, ZoneSnapshot snapshot, PrimaryAttempt attempt)
    {
        var zone = refresh.Zone;
        var version = await _repository.SaveTransferAsync(snapshot, attempt.Diffs, zone.Persisted, refresh.Log, refresh.Seen, _options.TransferLogLimit,
            refresh.CancellationToken);
        if (version is not { } stored)
            return false;
        zone.Snapshot = snapshot;
        if (!zone.IsDraft) // a draft is stored and reviewed, never served
            _publisher.Accept(snapshot, stored);
        LogServed(refresh, attempt, snapshot);
        return true;
    }

    /// <summary>
    /// Stores the zone's state and history in the order the rule gives: at once, or behind the zone's queued stores, so the
    /// last word stays the newest.
    /// </summary>
    private async Task SaveStateAsync(RefreshContext refresh)
    {
        var zone = refresh.Zone;
        if (PublishOrderOf(refresh, rowsToWrite: null) == PublishOrder.StoreThenServe)
        {
            await _repository.SaveStateAsync(zone.Persisted, refresh.Log, refresh.Seen, _options.TransferLogLimit, refresh.CancellationToken);
            return;
        }
        var state = zone.Persisted.Copy();
        var stopping = refresh.CancellationToken;
        zone.Stores.Enqueue(async () =>
        {
            try
            {
                await _repository.SaveStateAsync(state, refresh.Log, refresh.Seen, _options.TransferLogLimit, stopping);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                LogStateNotSaved(e, zone.Origin.ToString());
            }
            catch (OperationCanceledException)
            {
                // The zone was removed or the engine stops.
            }
        });
    }

    private void LogServed(RefreshContext refresh, PrimaryAttempt attempt, ZoneSnapshot snapshot) =>
        LogServed(refresh.Origin.ToString(), attempt.Primary.Server.ToString(), snapshot.Serial, attempt.Diffs is null ? "AXFR" : "IXFR",
            snapshot.RecordCount, refresh.ElapsedMilliseconds);

    private static long RowsToWrite(ZoneSnapshot snapshot, IReadOnlyList<ZoneDiff>? diffs) =>
        diffs is null ? snapshot.RecordCount : diffs.Sum(diff => (long)diff.Added.Count + diff.Deleted.Count);

    private async Task FailAsync(RefreshContext refresh, string error, PrimaryAttempt? last)
    {
        var state = refresh.State;
        var now = _time.GetUtcNow();
        if (state.Status != ZoneStatus.Expired)
            state.Status = ZoneStatus.Failing;
        state.LastError = error;
        state.NextRefreshAt = now + _policy.RetryInterval(state.SoaRetry);
        LogRefreshFailed(refresh.Origin.ToString(), last?.Primary.Server.ToString() ?? "-",
            refresh.Zone.Snapshot is { } served ? $"still serving serial {served.Serial}" : "nothing served yet", error, state.NextRefreshAt.Value);
        await SaveStateAsync(refresh);
        await _timers.SetAsync(refresh.Origin, ZoneEvent.Retry, state.NextRefreshAt.Value, refresh.CancellationToken);
        await _timers.ClearAsync(refresh.Origin, ZoneEvent.Refresh, refresh.CancellationToken);
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
