using Microsoft.Extensions.Logging;
using Quartz;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Events;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Scheduling;

/// <summary>
/// The zones' REFRESH, RETRY and EXPIRE timers, kept by Quartz.NET (an in-memory store: the schedule is rebuilt from
/// the zones' stored state at start by the transfer engine). Per zone and event at most one trigger
/// exists; setting it again moves it. Quartz runs on the injected <see cref="TimeProvider"/>, so tests drive the timers
/// with a fake clock. NOTIFY does not come through here: a Quartz firing takes a few milliseconds to dispatch, so the
/// NOTIFY handler posts to the zone's loop directly.
/// </summary>
public sealed partial class ZoneEventTimers : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly ILogger<ZoneEventTimers> _logger;
    private IScheduler? _scheduler;
    private Action<DnsName, ZoneEvent>? _fire;

    /// <summary>Timers on <paramref name="timeProvider"/>'s clock.</summary>
    public ZoneEventTimers(TimeProvider timeProvider, ILogger<ZoneEventTimers> logger)
    {
        _time = timeProvider;
        _logger = logger;
    }

    /// <summary>Builds and starts the scheduler; <paramref name="fire"/> receives every due event (on a Quartz worker: it must not block).</summary>
    public async Task StartAsync(Action<DnsName, ZoneEvent> fire, CancellationToken cancellationToken = default)
    {
        _fire = fire;
        var scheduler = await QuartzSchedulerBuilder.Create(quartz =>
            {
                quartz.UseTimeProvider(_time);
                quartz.UseInMemoryStore();
                quartz.UseDefaultThreadPool(2);
            })
            // Quartz keeps schedulers by name in a process-wide repository: each engine (and test) has its own.
            .UseProperties([new("quartz.scheduler.instanceName", "zone-events-" + Guid.NewGuid().ToString("N"))])
            .BuildScheduler(cancellationToken);
        scheduler.Context.Add(ZoneTimerJob.TimersEntry, this);
        await scheduler.AddJob(JobBuilder.Create<ZoneTimerJob>().WithIdentity(ZoneTimerJob.Key).StoreDurably().Build(), new AddJobOptions { Replace = true }, cancellationToken);
        await scheduler.Start(cancellationToken);
        _scheduler = scheduler;
    }

    /// <summary>Sets (or moves) the <paramref name="zoneEvent"/> timer of <paramref name="zone"/> to <paramref name="due"/>; a time past fires at once.</summary>
    public async Task SetAsync(DnsName zone, ZoneEvent zoneEvent, DateTimeOffset due, CancellationToken cancellationToken = default)
    {
        var scheduler = Scheduler;
        var trigger = TriggerBuilder.Create(_time)
            .WithIdentity(TriggerKey(zone, zoneEvent))
            .ForJob(ZoneTimerJob.Key)
            .StartAt(due)
            // A timer missed while the process was busy or suspended fires as soon as possible, never never.
            .WithSimpleSchedule(schedule => schedule.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        if (await scheduler.RescheduleJob(trigger.Key, trigger, cancellationToken) is null)
            await scheduler.ScheduleJob(trigger, default, cancellationToken);
    }

    /// <summary>Removes the <paramref name="zoneEvent"/> timer of <paramref name="zone"/>, if set.</summary>
    public async Task ClearAsync(DnsName zone, ZoneEvent zoneEvent, CancellationToken cancellationToken = default) =>
        await Scheduler.UnscheduleJob(TriggerKey(zone, zoneEvent), cancellationToken);

    /// <summary>Removes every timer of <paramref name="zone"/>.</summary>
    public async Task RemoveZoneAsync(DnsName zone, CancellationToken cancellationToken = default)
    {
        foreach (var zoneEvent in Enum.GetValues<ZoneEvent>())
            await ClearAsync(zone, zoneEvent, cancellationToken);
    }

    /// <summary>When the <paramref name="zoneEvent"/> timer of <paramref name="zone"/> fires next, or null when it is not set.</summary>
    public async Task<DateTimeOffset?> GetDueAsync(DnsName zone, ZoneEvent zoneEvent, CancellationToken cancellationToken = default) =>
        (await Scheduler.GetTrigger(TriggerKey(zone, zoneEvent), cancellationToken))?.NextFireTimeUtc;

    internal void Fire(DnsName zone, ZoneEvent zoneEvent)
    {
        LogFired(zone.ToString(), zoneEvent);
        _fire?.Invoke(zone, zoneEvent);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_scheduler is { } scheduler)
        {
            _scheduler = null;
            await scheduler.Shutdown(waitForJobsToComplete: false);
        }
    }

    private IScheduler Scheduler => _scheduler ?? throw new InvalidOperationException("the zone timers are not started");

    // One group for every trigger, the zone and event in the name: Quartz's in-memory store keeps a dictionary per group,
    // which with the zone as the group cost about 200 bytes a zone.
    private const string TriggerGroup = "zone-events";

    internal static TriggerKey TriggerKey(DnsName zone, ZoneEvent zoneEvent) => new($"{zoneEvent} {ZoneStore.OriginKey(zone)}", TriggerGroup);

    /// <summary>The zone and event a trigger of these timers fires for; false for another key.</summary>
    internal static bool TryReadKey(TriggerKey key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DnsName? zone, out ZoneEvent zoneEvent)
    {
        // The origin in presentation form escapes its spaces (RFC 1035 §5.1): the first space ends the event's name.
        int space = key.Name.IndexOf(' ', StringComparison.Ordinal);
        zone = null;
        zoneEvent = default;
        if (key.Group != TriggerGroup || space < 0 || !Enum.TryParse(key.Name.AsSpan(0, space), out zoneEvent))
            return false;
        zone = DnsName.Parse(key.Name[(space + 1)..]);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Zone {Zone}: {Event} timer fired")]
    private partial void LogFired(string zone, ZoneEvent @event);
}
