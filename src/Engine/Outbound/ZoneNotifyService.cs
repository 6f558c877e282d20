using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Outbound;

/// <summary>
/// Sends NOTIFY (RFC 1996) to the configured secondaries of our authoritative zones whenever the serial we serve
/// changes, the first time a zone is served included (as BIND notifies on load). Each pass first brings the
/// served zones and the cached settings up to date (so a secondary that reacts at once finds the new serial and
/// its journal entry), then compares served serials with the last ones announced. A pass runs at once after an
/// import in this process (<see cref="ZoneStore.ZoneImported"/>) and every
/// <see cref="PrimaryTransferOptions.NotifyPollInterval"/> otherwise, for imports made by other processes (at once where the store's
/// files are watched, <see cref="StoreChangeSignal"/>).
/// Sending never blocks a pass: each target is notified in the background with the sender's retries, and a newer
/// serial cancels an announcement still retrying for the same target. A target that never answered is handed to the
/// <see cref="INotifyRetryQueue"/> (a durable job retried with back-off), when one is registered.
/// </summary>
public sealed partial class ZoneNotifyService : BackgroundService
{
    private readonly ZoneTable _table;
    private readonly TransferSettingsCache _settings;
    private readonly NotifySender _sender;
    private readonly ITsigKeyLookup _keys;
    private readonly PrimaryTransferOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ZoneStore _store;
    private readonly ZonePublisher? _publisher;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly SemaphoreSlim _pass = new(1, 1);
    private readonly Dictionary<string, uint> _announced = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Zone, IPEndPoint Target), CancellationTokenSource> _sending = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private CancellationToken _stopping;
    private readonly StoreChangeSignal? _changes;
    private readonly INotifyRetryQueue? _retries;

    /// <summary>A service announcing the zones of <paramref name="table"/> as <paramref name="publisher"/> serves them (when given).</summary>
    public ZoneNotifyService(ZoneStore store, ZoneTable table, TransferSettingsCache settings, NotifySender sender, ITsigKeyLookup keys,
        PrimaryTransferOptions options, TimeProvider timeProvider, ILogger<ZoneNotifyService> logger, ZonePublisher? publisher = null,
        StoreChangeSignal? changes = null, INotifyRetryQueue? retries = null)
    {
        _retries = retries;
        _changes = changes;
        _store = store;
        _table = table;
        _settings = settings;
        _sender = sender;
        _keys = keys;
        _options = options;
        _time = timeProvider;
        _logger = logger;
        _publisher = publisher;
        _store.ZoneImported += OnZoneImported;
    }

    /// <summary>Announcements started so far (for tests and diagnostics).</summary>
    public int NotificationsStarted { get; private set; }

    /// <summary>Runs a pass now: brings the served zones and settings up to date and announces changed serials. Never throws but for cancellation.</summary>
    public async Task RunPassAsync(CancellationToken cancellationToken = default)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            if (_publisher is not null)
                await _publisher.SyncAsync(cancellationToken);
            await _settings.RefreshAsync(cancellationToken);
            AnnounceChanges();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The boundary of one pass: the store may be locked or briefly unreachable; the next pass retries.
            LogPassFailed(e);
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var changed = _changes?.Next ?? Task.Delay(Timeout.Infinite, stoppingToken); // taken before the pass: a change during it wakes the next wait
                await RunPassAsync(stoppingToken);
                using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var delay = Task.Delay(_changes?.PollInterval(_options.NotifyPollInterval) ?? _options.NotifyPollInterval, _time, tick.Token);
                await Task.WhenAny(delay, _wake.WaitAsync(tick.Token), changed);
                await tick.CancelAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    /// <inheritdoc/>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var sending in _sending.Values)
            Supersede(sending);
        await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _store.ZoneImported -= OnZoneImported;
        _wake.Dispose();
        _pass.Dispose();
        base.Dispose();
    }

    private void OnZoneImported(DnsName origin)
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A pass is already due.
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private void AnnounceChanges()
    {
        foreach (var (zone, targets) in _settings.NotifyTargets)
        {
            if (_table.Get(zone) is not { } snapshot)
                continue;
            string key = ZoneStore.OriginKey(zone);
            if (_announced.TryGetValue(key, out uint announced) && announced == snapshot.Serial)
                continue;
            _announced[key] = snapshot.Serial;
            foreach (var target in targets)
                Announce(key, snapshot, target);
        }
    }

    private void Announce(string key, ZoneSnapshot snapshot, NotifyTargetSetting target)
    {
        TsigKey? tsigKey = null;
        if (target.KeyName is { } keyName && !_keys.Keyring.TryFind(keyName, out tsigKey))
        {
            LogKeyMissing(key, target.EndPoint, snapshot.Serial, keyName);
            return;
        }
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
        if (_sending.TryGetValue((key, target.EndPoint), out var earlier))
            Supersede(earlier);
        _sending[(key, target.EndPoint)] = cancel;
        NotificationsStarted++;
        var task = SendAsync(key, snapshot.Origin, snapshot.Soa, new NotifyTarget(target.EndPoint, tsigKey), cancel);
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Stops an announcement still retrying (a newer serial replaces it, or the host stops); it may have ended meanwhile.</summary>
    private static void Supersede(CancellationTokenSource sending)
    {
        try
        {
            sending.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // It ended (and disposed its source) between the lookup and the cancel.
        }
    }

    private async Task SendAsync(string key, DnsName zone, DnsRecord soa, NotifyTarget target, CancellationTokenSource cancel)
    {
        uint serial = ((SoaData)soa.Data).Serial;
        try
        {
            await Task.Yield();
            var result = await _sender.SendAsync(zone, soa, target, cancel.Token);
            if (result.IsAcknowledged)
                LogAcknowledged(key, target.EndPoint, serial, result.Attempts);
            else
                LogNotAcknowledged(key, target.EndPoint, serial, result.Outcome, result.Attempts, result.Error);
            // No answer at all: the secondary may be down for a while; a durable retry takes over from the sender's.
            if (result.Outcome is NotifyOutcome.Timeout or NotifyOutcome.NetworkError)
                _retries?.Retry(zone, serial, target.EndPoint);
        }
        catch (OperationCanceledException)
        {
            // Superseded by a newer serial, or the host is stopping.
        }
        catch (Exception e)
        {
            LogSendFailed(e, key, target.EndPoint, serial);
        }
        finally
        {
            _sending.TryRemove(new KeyValuePair<(string, IPEndPoint), CancellationTokenSource>((key, target.EndPoint), cancel));
            cancel.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "NOTIFY for {Zone} serial {Serial} acknowledged by {Secondary} after {Attempts} attempt(s)")]
    private partial void LogAcknowledged(string zone, IPEndPoint secondary, uint serial, int attempts);

    [LoggerMessage(Level = LogLevel.Debug, Message = "NOTIFY for {Zone} serial {Serial} to {Secondary} not acknowledged ({Outcome}) after {Attempts} attempt(s): {Error}")]
    private partial void LogNotAcknowledged(string zone, IPEndPoint secondary, uint serial, NotifyOutcome outcome, int attempts, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "NOTIFY for {Zone} serial {Serial} to {Secondary} failed")]
    private partial void LogSendFailed(Exception exception, string zone, IPEndPoint secondary, uint serial);

    [LoggerMessage(Level = LogLevel.Error, Message = "NOTIFY for {Zone} serial {Serial} to {Secondary} not sent: no TSIG key named {Key} is known")]
    private partial void LogKeyMissing(string zone, IPEndPoint secondary, uint serial, DnsName key);

    [LoggerMessage(Level = LogLevel.Error, Message = "A NOTIFY pass failed; retrying at the next one")]
    private partial void LogPassFailed(Exception exception);
}
