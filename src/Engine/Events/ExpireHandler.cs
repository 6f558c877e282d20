using Microsoft.Extensions.Logging;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Scheduling;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Events;

/// <summary>
/// The EXPIRE event of a zone: when no refresh succeeded for the SOA expire time (RFC 1035 §3.3.13), the zone stops
/// answering with data (SERVFAIL, never stale records) until the next successful refresh serves it again. A timer that
/// fires while the expiry has moved (a refresh succeeded meanwhile) is set again to the new time.
/// </summary>
public sealed partial class ExpireHandler(
    SecondaryZoneRepository repository,
    ZonePublisher publisher,
    ZoneEventTimers timers,
    TransferOptions options,
    TimeProvider timeProvider,
    ILogger<ExpireHandler> logger)
{
    /// <summary>Expires <paramref name="zone"/> when its time has come.</summary>
    public async Task RunAsync(ZoneRuntimeState zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var state = zone.Persisted;
        // A paused zone expires too (see PauseHandler): pausing stops refreshes, not the SOA's promise.
        if (state.ExpiresAt is not { } expiresAt || state.Status is ZoneStatus.Expired)
            return;
        if (expiresAt > timeProvider.GetUtcNow())
        {
            await timers.SetAsync(zone.Origin, ZoneEvent.Expire, expiresAt, cancellationToken);
            return;
        }
        string paused = state.Status == ZoneStatus.Paused ? " while paused" : "";
        state.Status = ZoneStatus.Expired;
        string since = state.LastSuccessAt is { } last ? $"{last.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC" : "the zone was added";
        state.LastError = $"expired{paused}: no primary answered since {since} (SOA expire {state.SoaExpire} s); answering SERVFAIL until the next successful refresh"
            + (state.LastError is { } previous ? $"; last error: {previous}" : "");
        if (!zone.IsDraft) // a draft is not served: nothing to withdraw
            publisher.Withdraw(zone.Origin);
        LogExpired(zone.Origin.ToString(), zone.Snapshot?.Serial, since);
        await repository.SaveStateAsync(state, [], [], options.TransferLogLimit, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Zone {Zone} expired (serial {Serial}): no successful refresh since {Since}; it answers SERVFAIL until a primary answers")]
    private partial void LogExpired(string zone, uint? serial, string since);
}
