using Microsoft.Extensions.Logging;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Scheduling;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Events;

/// <summary>
/// The PAUSE event of a zone: applies an operator's pause or resume (<see cref="ZoneRuntimeState.PauseRequested"/>). A paused
/// zone keeps serving its last copy and refreshes nothing: its REFRESH and RETRY timers are cleared, timers that fire
/// anyway and NOTIFYs are ignored (a NOTIFY is still answered NOERROR, RFC 1996 §4.7). Its EXPIRE timer stays: RFC 1035
/// §3.3.13 makes EXPIRE the upper limit on how long a secondary answers from a copy it could not refresh, and a pause
/// chosen by an operator does not make a stale copy any truer, so a zone paused past its expiry answers SERVFAIL like any
/// other (its status then shows <see cref="ZoneStatus.Expired"/>, the pause stays recorded). Resuming makes the zone
/// <see cref="ZoneStatus.Active"/> again (or pending, before its first transfer) and the engine refreshes it at once.
/// </summary>
public sealed partial class PauseHandler(
    SecondaryZoneRepository repository,
    ZoneEventTimers timers,
    TransferOptions options,
    ILogger<PauseHandler> logger)
{
    /// <summary>Brings <paramref name="zone"/> in line with the pause its operator asked for.</summary>
    public async Task RunAsync(ZoneRuntimeState zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var state = zone.Persisted;
        if (zone.PauseRequested)
        {
            if (state.Status is ZoneStatus.Paused or ZoneStatus.Expired)
                return;
            state.Status = ZoneStatus.Paused;
            state.NextRefreshAt = null;
            await timers.ClearAsync(zone.Origin, ZoneEvent.Refresh, cancellationToken);
            await timers.ClearAsync(zone.Origin, ZoneEvent.Retry, cancellationToken);
            LogPaused(zone.Origin.ToString(), zone.Snapshot?.Serial);
        }
        else
        {
            if (state.Status != ZoneStatus.Paused)
                return;
            state.Status = zone.Snapshot is null ? ZoneStatus.Pending : ZoneStatus.Active;
            LogResumed(zone.Origin.ToString());
        }
        await repository.SaveStateAsync(state, [], [], options.TransferLogLimit, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Zone {Zone} paused: serial {Serial} stays served, nothing is refreshed until it is resumed")]
    private partial void LogPaused(string zone, uint? serial);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zone {Zone} resumed: refreshing now")]
    private partial void LogResumed(string zone);
}
