using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Zones;

/// <summary>
/// Keeps the responder's <see cref="ZoneTable"/> equal to the store. On start it marks every stored zone
/// unavailable (SERVFAIL rather than REFUSED while it loads), then loads each one; after that it reads the
/// store's change version every <see cref="ZonePublisherOptions.PollInterval"/> and, when it moved, loads the
/// zones whose version changed and removes the zones that are gone. The store may be changed by another
/// process (the command line), which is why it polls rather than waits for an in-process signal.
/// </summary>
public sealed partial class ZonePublisher(
    ZoneStore store,
    ZoneTable table,
    ZonePublisherOptions options,
    TimeProvider timeProvider,
    ILogger<ZonePublisher> logger) : BackgroundService
{
    private readonly Dictionary<string, PublishedZone> _zones = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TaskCompletionSource _initialLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _seenChangeVersion = -1;

    /// <summary>True once every zone stored at start-up was loaded (or found unloadable and marked so).</summary>
    public bool IsReady => _initialLoad.Task.IsCompletedSuccessfully;

    /// <summary>Completes when <see cref="IsReady"/> becomes true.</summary>
    public Task InitialLoad => _initialLoad.Task;

    /// <inheritdoc/>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var zone in await store.ListAsync(cancellationToken))
            table.SetUnavailable(DnsName.Parse(zone.Origin));
        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // SQLite's "async" calls complete synchronously: without this the initial load of every zone would run
        // inside the host's start, holding back the DNS listeners and the web server until it ends.
        await Task.Yield();
        await SyncAsync(stoppingToken);
        _initialLoad.TrySetResult();
        using var timer = new PeriodicTimer(options.PollInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await SyncAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    /// <summary>
    /// Brings the table up to date with the store now. The poll loop calls it; an in-process writer may call
    /// it to have its change served without waiting for the next poll. Failures are logged and retried on the
    /// next call; they never throw.
    /// </summary>
    public async Task SyncAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await SyncCoreAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The boundary of one poll: the store may be locked or briefly unreachable; the next poll retries.
            LogSyncFailed(e);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task SyncCoreAsync(CancellationToken cancellationToken)
    {
        // Read the version first: a change made while this sync runs moves it again and is seen next time.
        long changeVersion = await store.GetChangeVersionAsync(cancellationToken);
        if (changeVersion == _seenChangeVersion)
            return;
        var stored = await store.ListAsync(cancellationToken);
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var zone in stored)
        {
            present.Add(zone.Origin);
            if (_zones.TryGetValue(zone.Origin, out var known) && known.Version == zone.Version)
                continue;
            await LoadAndPublishAsync(DnsName.Parse(zone.Origin), cancellationToken);
        }
        foreach (var origin in _zones.Keys.Where(origin => !present.Contains(origin)).ToList())
        {
            table.Remove(_zones[origin].Origin);
            _zones.Remove(origin);
            LogUnpublished(origin);
        }
        _seenChangeVersion = changeVersion;
    }

    private async Task LoadAndPublishAsync(DnsName origin, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var loaded = await store.LoadAsync(origin, cancellationToken);
        string key = ZoneStore.OriginKey(origin);
        switch (loaded.Status)
        {
            case ZoneLoadStatus.Loaded when loaded.Snapshot is { } snapshot:
                table.Publish(snapshot);
                _zones[key] = new PublishedZone(origin, loaded.Version, Serving: true);
                LogPublished(key, snapshot.Serial, snapshot.RecordCount, stopwatch.ElapsedMilliseconds);
                break;
            case ZoneLoadStatus.NotFound:
                // Removed between the listing and the load; the removal pass of the next sync clears it.
                break;
            default:
                // Never serve stale data silently (issue 3): the zone answers SERVFAIL until a good version is stored.
                table.SetUnavailable(origin);
                _zones[key] = new PublishedZone(origin, loaded.Version, Serving: false);
                LogUnavailable(key, loaded.Message);
                break;
        }
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Zone {Zone} published: serial {Serial}, {Records} records, loaded in {ElapsedMs} ms")]
    private partial void LogPublished(string zone, uint serial, int records, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zone {Zone} no longer served: it was removed from the store")]
    private partial void LogUnpublished(string zone);

    [LoggerMessage(Level = LogLevel.Error, Message = "Zone {Zone} answers SERVFAIL: {Reason}")]
    private partial void LogUnavailable(string zone, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Synchronising the served zones with the store failed; retrying at the next poll")]
    private partial void LogSyncFailed(Exception exception);
}
