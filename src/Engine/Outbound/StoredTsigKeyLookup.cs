using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Outbound;

/// <summary>
/// The TSIG keys of the store as the keyring that verifies signed transfer requests and SOA queries and signs
/// NOTIFY: loaded at start and reloaded when the store's settings version moves (a key added from the command
/// line is known within a second). Readers get the current keyring without waiting.
/// </summary>
public sealed partial class StoredTsigKeyLookup(SecondaryZoneRepository repository, TimeProvider timeProvider, ILogger<StoredTsigKeyLookup> logger,
    StoreChangeSignal? changes = null)
    : BackgroundService, ITsigKeyLookup
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private volatile TsigKeyring _keyring = TsigKeyring.Empty;
    private long _seenVersion = -1;

    /// <inheritdoc/>
    public TsigKeyring Keyring => _keyring;

    /// <inheritdoc/>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReloadIfChangedAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await StorePolling.RunAsync(changes, PollInterval, timeProvider, ReloadOnceAsync, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    private async Task ReloadOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ReloadIfChangedAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogReloadFailed(exception);
        }
    }

    private async Task ReloadIfChangedAsync(CancellationToken cancellationToken)
    {
        long version = await repository.GetConfigVersionAsync(cancellationToken);
        if (version == _seenVersion)
            return;
        var keys = await repository.LoadTsigKeysAsync(cancellationToken);
        _keyring = new TsigKeyring(keys);
        _seenVersion = version;
        LogLoaded(keys.Count, version);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "TSIG keyring loaded: {Count} keys (settings version {Version})")]
    private partial void LogLoaded(int count, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reloading the TSIG keys failed; the previous keyring stays in use")]
    private partial void LogReloadFailed(Exception exception);
}
