using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Engine.Memory;
using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Engine.Zones;

/// <summary>
/// Keeps the responder's <see cref="ZoneTable"/> equal to the store. On start it marks every stored zone
/// unavailable (SERVFAIL rather than REFUSED while it loads), then loads each one; after that it reads the
/// store's change version when the store's files change (<see cref="StoreChangeSignal"/>), or every
/// <see cref="ZonePublisherOptions.PollInterval"/> where they cannot be watched, and, when it moved, loads the
/// zones whose version changed and removes the zones that are gone. The store may be changed by another
/// process (the command line), which is why it polls rather than waits for an in-process signal. The transfer
/// engine, which stores and builds a secondary zone itself, hands its snapshot over with <see cref="Accept"/> so it is
/// served at once and not loaded again. Both writers' changes go through one publish operation, decided by
/// <see cref="ZonePublicationRule"/>. Drafts (<see cref="ZoneSummary.IsDraft"/>) are skipped: published, a zone's version
/// moves and it is loaded like any change.
/// </summary>
public sealed partial class ZonePublisher(
    ZoneStore store,
    ZoneTable table,
    ZonePublisherOptions options,
    TimeProvider timeProvider,
    ILogger<ZonePublisher> logger,
    StoreChangeSignal? changes = null) : BackgroundService
{
    private readonly Dictionary<string, PublishedZone> _zones = new(StringComparer.Ordinal);
    private readonly Lock _zonesLock = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TaskCompletionSource _initialLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _seenChangeVersion = -1;

    /// <summary>
    /// Raised with the zone's origin after a publication changed what the responder serves for it (a new snapshot served, the
    /// zone made unavailable or removed), outside the publisher's lock, on the thread that published. A handler must return
    /// at once (queue its work, never wait for it); an exception it throws is logged and goes no further. Without a handler
    /// the cost is one null check per publication.
    /// </summary>
    public event Action<DnsName>? Published;

    /// <summary>True once every zone stored at start-up was loaded (or found unloadable and marked so).</summary>
    public bool IsReady => _initialLoad.Task.IsCompletedSuccessfully;

    /// <summary>Completes when <see cref="IsReady"/> becomes true.</summary>
    public Task InitialLoad => _initialLoad.Task;

    /// <inheritdoc/>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var zone in await store.ListAsync(cancellationToken))
        {
            if (!zone.IsDraft)
                table.SetUnavailable(DnsName.Parse(zone.Origin));
        }
        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // SQLite's "async" calls complete synchronously: without this the initial load of every zone would run
        // inside the host's start, holding back the DNS listeners and the web server until it ends.
        await Task.Yield();
        await SyncAsync(stoppingToken);
        ReleaseLoadGarbage();
        _initialLoad.TrySetResult();
        try
        {
            await StorePolling.RunAsync(changes, options.PollInterval, timeProvider, SyncAsync, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    /// <summary>
    /// Loading decodes every stored record into short-lived objects; the snapshots keep only compact bytes. One
    /// compacting collection after the initial load returns that transient peak to the operating system, which
    /// for a 1,000,000-record zone is the difference between the process's memory and the zone's.
    /// </summary>
    private static void ReleaseLoadGarbage() => HeapCompaction.CompactAndTrim();

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
        // Only the zones changed since the last sync are read: with 10,000 zones transferring, the store changes many times
        // a second, and listing every zone at each change would cost more than the changes.
        foreach (var zone in await store.ListVersionsAsync(_seenChangeVersion, cancellationToken))
        {
            // A draft of the Add Site wizard is never served: to the responder it is no zone of ours (REFUSED).
            if (zone.IsDraft)
                continue;
            if (!NeedsLoading(zone))
                continue;
            await LoadAndPublishAsync(DnsName.Parse(zone.Origin), cancellationToken);
        }
        // A removal leaves no changed row: fewer zones stored than known means some are gone, found by one full listing.
        if (await store.CountServableAsync(cancellationToken) != KnownCount())
            await RemoveGoneAsync(cancellationToken);
        _seenChangeVersion = changeVersion;
    }

    private async Task RemoveGoneAsync(CancellationToken cancellationToken)
    {
        var present = (await store.ListVersionsAsync(-1, cancellationToken)).Where(zone => !zone.IsDraft).Select(zone => zone.Origin)
            .ToHashSet(StringComparer.Ordinal);
        List<DnsName> gone;
        lock (_zonesLock)
            gone = [.. _zones.Where(zone => !present.Contains(zone.Key)).Select(zone => zone.Value.Origin)];
        foreach (var origin in gone)
        {
            if (Publish(new ZonePublication(ZonePublicationKind.Removed, origin)))
                LogUnpublished(ZoneStore.OriginKey(origin));
        }
    }

    private int KnownCount()
    {
        lock (_zonesLock)
            return _zones.Count;
    }

    private async Task LoadAndPublishAsync(DnsName origin, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var loaded = await store.LoadAsync(origin, cancellationToken);
        string key = ZoneStore.OriginKey(origin);
        switch (loaded.Status)
        {
            case ZoneLoadStatus.Loaded when loaded.Snapshot is { } snapshot:
                if (Publish(new ZonePublication(ZonePublicationKind.Loaded, origin, snapshot, loaded.Version)))
                    LogPublished(key, snapshot.Serial, snapshot.RecordCount, stopwatch.ElapsedMilliseconds);
                break;
            case ZoneLoadStatus.NotFound:
                // Removed between the listing and the load; the removal pass of the next sync clears it.
                break;
            case ZoneLoadStatus.Unavailable:
                // A secondary zone waiting for its first transfer, or expired: the transfer engine publishes it.
                if (Publish(new ZonePublication(ZonePublicationKind.Loaded, origin, Version: loaded.Version)))
                    LogWaiting(key, loaded.Message);
                break;
            default:
                // Never serve stale data silently: the zone answers SERVFAIL until a good version is stored.
                if (Publish(new ZonePublication(ZonePublicationKind.Loaded, origin, Version: loaded.Version)))
                    LogUnavailable(key, loaded.Message);
                break;
        }
    }

    /// <summary>
    /// Serves <paramref name="snapshot"/>, the zone as stored at <paramref name="version"/> by an in-process writer (the
    /// transfer engine), at once and without loading it again. Ignored when a newer version is already known. Without a
    /// version, the snapshot is taken as the version last known (an expired zone served again as it was).
    /// </summary>
    public void Accept(ZoneSnapshot snapshot, long? version = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Publish(new ZonePublication(ZonePublicationKind.Stored, snapshot.Origin, snapshot, version));
    }

    /// <summary>
    /// Serves <paramref name="snapshot"/> before the in-process writer stores it (a large transfer, or one that follows it):
    /// until <see cref="ConfirmStored"/> names the snapshot served, the store holds an older copy of the zone, which the poll
    /// must not load over it.
    /// </summary>
    public void AcceptAheadOfStore(ZoneSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Publish(new ZonePublication(ZonePublicationKind.AheadOfStore, snapshot.Origin, snapshot));
    }

    /// <summary>
    /// The in-process writer stored <paramref name="snapshot"/> at <paramref name="version"/>. When it is the copy served,
    /// the store has caught up: the version is recorded and the poll watches the zone again. When a newer copy is served
    /// (its store still queued), nothing changes: that store confirms it in turn.
    /// </summary>
    public void ConfirmStored(ZoneSnapshot snapshot, long version)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Publish(new ZonePublication(ZonePublicationKind.StoreCaughtUp, snapshot.Origin, snapshot, version));
    }

    /// <summary>
    /// Makes the zone answer SERVFAIL (an expired secondary zone) without forgetting its version, so the next poll does
    /// not load and serve the stored copy again; the next <see cref="Accept"/> serves it again.
    /// </summary>
    public void Withdraw(DnsName origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        Publish(new ZonePublication(ZonePublicationKind.Withdrawn, origin));
    }

    /// <summary>
    /// Stops serving a zone the store no longer holds (the transfer engine served a transfer first, then found the zone
    /// removed while storing it): queries for it are REFUSED again, as for any zone not ours.
    /// </summary>
    public void Unpublish(DnsName origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (Publish(new ZonePublication(ZonePublicationKind.Removed, origin)))
            LogUnpublished(ZoneStore.OriginKey(origin));
    }

    /// <summary>Whether the stored copy at the zone's version is to be read and served (<see cref="ZonePublicationRule.NeedsLoading"/>).</summary>
    private bool NeedsLoading(ZoneVersion zone)
    {
        lock (_zonesLock)
            return ZonePublicationRule.NeedsLoading(_zones.TryGetValue(zone.Origin, out var known) ? known : null, zone.Version);
    }

    /// <summary>
    /// The one publish operation of both writers: decides by <see cref="ZonePublicationRule"/> and applies the decision to
    /// the table and to what is known of the zone, under one lock, then raises <see cref="Published"/>; true when it applied.
    /// </summary>
    private bool Publish(in ZonePublication publication)
    {
        if (!Apply(publication))
            return false;
        if (Published is { } published)
            Notify(published, publication.Origin);
        return true;
    }

    private void Notify(Action<DnsName> published, DnsName origin)
    {
        try
        {
            published(origin);
        }
        catch (Exception e)
        {
            // A subscriber's fault never reaches the writer that published (the transfer engine or the poll).
            LogSubscriberFailed(e, ZoneStore.OriginKey(origin));
        }
    }

    /// <summary>Decides and applies <paramref name="publication"/> under the lock; true when it applied.</summary>
    private bool Apply(in ZonePublication publication)
    {
        string key = ZoneStore.OriginKey(publication.Origin);
        lock (_zonesLock)
        {
            PublishedZone? known = _zones.TryGetValue(key, out var zone) ? zone : null;
            var decision = ZonePublicationRule.Decide(known, table.Get(publication.Origin), publication);
            if (!decision.Applies)
                return false;
            switch (decision.Table)
            {
                case ZoneTableChange.Serve:
                    table.Publish(publication.Snapshot!);
                    break;
                case ZoneTableChange.Unavailable:
                    table.SetUnavailable(publication.Origin);
                    break;
                case ZoneTableChange.Remove:
                    table.Remove(publication.Origin);
                    break;
            }
            if (decision.Next is { } next)
                _zones[key] = next;
            else
                _zones.Remove(key);
            return true;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Zone {Zone} answers SERVFAIL until its next transfer: {Reason}")]
    private partial void LogWaiting(string zone, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Zone {Zone} answers SERVFAIL: {Reason}")]
    private partial void LogUnavailable(string zone, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A subscriber to zone {Zone}'s publications failed")]
    private partial void LogSubscriberFailed(Exception exception, string zone);

    [LoggerMessage(Level = LogLevel.Error, Message = "Synchronising the served zones with the store failed; retrying at the next poll")]
    private partial void LogSyncFailed(Exception exception);
}
