using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Scheduling;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Events;

/// <summary>
/// Runs the secondary zones: one <see cref="ZoneEventLoop"/> per zone, its REFRESH/RETRY/EXPIRE timers in
/// <see cref="ZoneEventTimers"/> (one queue for all zones), NOTIFY handed to the loop directly by the NOTIFY handler. At start it waits
/// for the publisher's first load (so the served copies are the base of the first IXFRs), reads every secondary zone and
/// rebuilds the schedule from the stored state: what is overdue runs at once, the rest is timed. Then it reads the store's
/// settings version every <see cref="TransferOptions.ConfigPollInterval"/>, and adds, updates, refreshes or drops zones
/// changed by another process (the command line). One catch-all per event: a failure is logged with the zone and the zone
/// is retried, the engine goes on.
/// </summary>
public sealed partial class SecondaryZoneEngine(
    SecondaryZoneRepository repository,
    RefreshHandler refresh,
    ExpireHandler expire,
    PauseHandler pause,
    ZonePublisher publisher,
    ZoneTable table,
    ZoneEventTimers timers,
    ZoneTimerPolicy policy,
    TransferOptions options,
    TimeProvider timeProvider,
    ILogger<SecondaryZoneEngine> logger,
    StoreChangeSignal? changes = null) : BackgroundService
{
    private readonly ConcurrentDictionary<DnsName, ZoneEventLoop> _loops = new();
    private readonly SemaphoreSlim _reload = new(1, 1);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _refreshSlots = new(options.MaxConcurrentRefreshes, options.MaxConcurrentRefreshes);
    private CancellationToken _stopping;
    private long _seenConfigVersion = -1;

    /// <summary>Completes once every stored secondary zone is scheduled.</summary>
    public Task Started => _started.Task;

    /// <summary>The zones running, by origin.</summary>
    public IReadOnlyCollection<DnsName> Zones => _loops.Keys.ToArray();

    /// <summary>The loop of the secondary zone <paramref name="origin"/>, when it is one of ours.</summary>
    public bool TryGetZone(DnsName origin, [NotNullWhen(true)] out ZoneEventLoop? loop) => _loops.TryGetValue(origin, out loop);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        await Task.Yield();
        _ = Task.Run(RehearseIxfr, CancellationToken.None);
        try
        {
            await publisher.InitialLoad.WaitAsync(stoppingToken);
            await timers.StartAsync(OnTimer, stoppingToken);
            await ReloadAsync(stoppingToken);
            _started.TrySetResult();
            await StorePolling.RunAsync(changes, options.ConfigPollInterval, timeProvider, token => ReloadAsync(token), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
        finally
        {
            foreach (var loop in _loops.Values)
                loop.Stop();
            // Writes queued behind the loops end at once, cancelled; none may touch the store after the engine stopped.
            await Task.WhenAll(_loops.Values.Select(loop => loop.Zone.Stores.Drained)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await timers.DisposeAsync();
        }
    }

    /// <summary>
    /// Reads the secondary zones again when the store's settings version moved (or always, with <paramref name="force"/>),
    /// and brings the loops in line. The poll calls it; tests and in-process writers may call it to skip the wait.
    /// </summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default, bool force = false)
    {
        await _reload.WaitAsync(cancellationToken);
        try
        {
            long version = await repository.GetConfigVersionAsync(cancellationToken);
            if (version == _seenConfigVersion && !force)
                return;
            var definitions = await repository.LoadAllAsync(cancellationToken);
            await ReconcileAsync(definitions, cancellationToken);
            _seenConfigVersion = version;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogReloadFailed(e); // the store may be locked or briefly unreachable: the next poll retries
        }
        finally
        {
            _reload.Release();
        }
    }

    private async Task ReconcileAsync(IReadOnlyList<SecondaryZoneDefinition> definitions, CancellationToken cancellationToken)
    {
        var present = new HashSet<DnsName>();
        foreach (var definition in definitions)
        {
            present.Add(definition.Origin);
            if (!_loops.TryGetValue(definition.Origin, out var loop))
            {
                loop = new ZoneEventLoop(new ZoneRuntimeState(definition, table.Get(definition.Origin)), HandleAsync, _stopping);
                _loops[definition.Origin] = loop;
                if (loop.Zone.Snapshot is null && !definition.IsDraft)
                    publisher.Withdraw(definition.Origin); // ours now: SERVFAIL (not REFUSED) until the first transfer
                await ScheduleAsync(loop, cancellationToken);
                continue;
            }
            var zone = loop.Zone;
            if (zone.IsDraft && !definition.IsDraft)
            {
                // Published: the publisher loads the stored copy (its version moved); the next transfers are handed over.
                zone.IsDraft = false;
                LogDraftPublished(definition.Origin.ToString());
            }
            if (!zone.Definition.SameSettings(definition))
            {
                zone.UpdateSettings(definition);
                LogSettingsChanged(definition.Origin.ToString());
                loop.Post(ZoneEvent.Refresh);
            }
            if (definition.State.RefreshRequest != zone.SeenRefreshRequest)
            {
                zone.SeenRefreshRequest = definition.State.RefreshRequest;
                LogRefreshRequested(definition.Origin.ToString());
                loop.Post(ZoneEvent.Refresh);
            }
            if (definition.State.AxfrRequest != zone.SeenAxfrRequest)
            {
                zone.SeenAxfrRequest = definition.State.AxfrRequest;
                zone.WantFullTransfer();
                LogFullTransferRequested(definition.Origin.ToString());
                loop.Post(ZoneEvent.Refresh);
            }
            if (definition.State.Paused != zone.PauseRequested)
            {
                zone.PauseRequested = definition.State.Paused;
                loop.Post(ZoneEvent.Pause);
                if (!definition.State.Paused)
                    loop.Post(ZoneEvent.Refresh); // resumed: refresh at once
            }
        }
        foreach (var origin in _loops.Keys.Where(origin => !present.Contains(origin)).ToList())
        {
            if (_loops.TryRemove(origin, out var removed))
                removed.Stop();
            await timers.RemoveZoneAsync(origin, cancellationToken);
            LogDropped(origin.ToString());
        }
    }

    /// <summary>Rebuilds a zone's timers from its stored state: what is overdue runs now.</summary>
    private async Task ScheduleAsync(ZoneEventLoop loop, CancellationToken cancellationToken)
    {
        var zone = loop.Zone;
        var state = zone.Persisted;
        if (zone.PauseRequested != (state.Status == ZoneStatus.Paused) && state.Status != ZoneStatus.Expired)
            loop.Post(ZoneEvent.Pause); // paused or resumed while the engine was down
        var now = timeProvider.GetUtcNow();
        if (state.ExpiresAt is { } expiresAt && state.Status != ZoneStatus.Expired)
        {
            if (expiresAt <= now)
                loop.Post(ZoneEvent.Expire);
            else
                await timers.SetAsync(zone.Origin, ZoneEvent.Expire, expiresAt, cancellationToken);
        }
        if (zone.PauseRequested)
            return; // the expiry above still applies (see PauseHandler); no refresh
        if (state.NextRefreshAt is not { } due || due <= now || zone.Snapshot is null)
            loop.Post(ZoneEvent.Refresh);
        else
            await timers.SetAsync(zone.Origin, state.Status is ZoneStatus.Failing or ZoneStatus.Expired ? ZoneEvent.Retry : ZoneEvent.Refresh, due, cancellationToken);
    }

    private void OnTimer(DnsName origin, ZoneEvent zoneEvent)
    {
        if (_loops.TryGetValue(origin, out var loop))
            loop.Post(zoneEvent);
    }

    /// <summary>Handles one set of a zone's events; the boundary of an event: never throws.</summary>
    private async Task HandleAsync(ZoneRuntimeState zone, IReadOnlySet<ZoneEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            if (events.Contains(ZoneEvent.Pause))
                await pause.RunAsync(zone, cancellationToken);
            if (events.Contains(ZoneEvent.Expire))
                await expire.RunAsync(zone, cancellationToken);
            if (!zone.PauseRequested && (events.Contains(ZoneEvent.Refresh) || events.Contains(ZoneEvent.Retry) || events.Contains(ZoneEvent.Notify)))
            {
                await _refreshSlots.WaitAsync(cancellationToken);
                try
                {
                    await refresh.RunAsync(zone, cancellationToken);
                }
                finally
                {
                    _refreshSlots.Release();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The zone was removed or the engine stops.
        }
        catch (Exception e)
        {
            LogEventFailed(e, zone.Origin.ToString(), string.Join(",", events));
            await RetryLaterAsync(zone);
        }
    }

    private async Task RetryLaterAsync(ZoneRuntimeState zone)
    {
        try
        {
            await timers.SetAsync(zone.Origin, ZoneEvent.Retry, timeProvider.GetUtcNow() + policy.RetryInterval(zone.Persisted.SoaRetry));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogEventFailed(e, zone.Origin.ToString(), "scheduling a retry");
        }
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _reload.Dispose();
        _refreshSlots.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// Runs an IXFR's code once, with the history's description of its changes (<see cref="IxfrRehearsal"/>), while the
    /// engine starts: the first change a primary sends is then applied by compiled code, not after the JIT.
    /// </summary>
    private void RehearseIxfr()
    {
        try
        {
            var rehearsal = IxfrRehearsal.Run();
            _ = TransferChanges.FromDiffs(rehearsal.Diffs);
        }
        catch (Exception e)
        {
            LogRehearsalFailed(e); // costs the first change its speed, nothing else
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The IXFR rehearsal at start failed; the first change applied will be slower")]
    private partial void LogRehearsalFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zone {Zone}: primaries or keys changed; refreshing")]
    private partial void LogSettingsChanged(string zone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zone {Zone}: the draft was published; its transfers are served from now on")]
    private partial void LogDraftPublished(string zone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zone {Zone}: full transfer (AXFR) requested by an operator")]
    private partial void LogFullTransferRequested(string zone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zone {Zone}: refresh requested by an operator")]
    private partial void LogRefreshRequested(string zone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zone {Zone} is no longer a secondary zone here; its schedule is dropped")]
    private partial void LogDropped(string zone);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the secondary zones from the store failed; retrying at the next poll")]
    private partial void LogReloadFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Zone {Zone}: handling {Events} failed; retrying later")]
    private partial void LogEventFailed(Exception exception, string zone, string events);
}
