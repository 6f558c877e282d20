using Quartz;

namespace SecondaryPortal.Engine.Scheduling;

/// <summary>
/// The Quartz job every zone timer fires: it only hands the event to the zone's event loop (through
/// <see cref="ZoneEventTimers"/>) and returns, so no Quartz worker waits on a transfer. The trigger's key says which
/// zone and which event (see <see cref="ZoneEventTimers.TryReadKey"/>).
/// </summary>
public sealed class ZoneTimerJob : IJob
{
    /// <summary>The key of the one durable job all zone triggers fire.</summary>
    public static readonly JobKey Key = new("zone-event", "secondary-zones");

    /// <summary>The scheduler context entry holding the <see cref="ZoneEventTimers"/> that owns the scheduler.</summary>
    internal const string TimersEntry = "SecondaryPortal.ZoneEventTimers";

    /// <inheritdoc/>
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Scheduler.Context.TryGetValue(TimersEntry, out var owner) && owner is ZoneEventTimers timers
            && ZoneEventTimers.TryReadKey(context.Trigger.Key, out var zone, out var zoneEvent))
            timers.Fire(zone, zoneEvent);
        return ValueTask.CompletedTask;
    }
}
