using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Scheduling;

/// <summary>
/// The zones' REFRESH, RETRY and EXPIRE timers in one in-process queue for all zones (Knot DNS's model: one scheduler, one
/// next event per zone). Each zone keeps its due time per event; the queue holds each zone once, at its earliest due time,
/// and one timer on the injected <see cref="TimeProvider"/> wakes for the earliest of all. Setting a timer again moves it; a
/// time already past fires at once. The schedule lives in memory only: the transfer engine rebuilds it from the zones'
/// stored state at start. NOTIFY does not come through here: the NOTIFY handler posts to the zone's loop directly.
/// </summary>
public sealed partial class ZoneEventTimers : IAsyncDisposable
{
    /// <summary>
    /// The longest the timer sleeps before it looks at the queue again, whatever is due: keeps every wait inside the range
    /// an <see cref="ITimer"/> accepts, and bounds how late a wall-clock jump can make a due time fire.
    /// </summary>
    internal static readonly TimeSpan LongestSleep = TimeSpan.FromHours(1);

    private static readonly int EventKinds = Enum.GetValues<ZoneEvent>().Length;

    private readonly TimeProvider _time;
    private readonly ILogger<ZoneEventTimers> _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<DnsName, ZoneTimers> _zones = [];
    private readonly PriorityQueue<ZoneTimers, DateTimeOffset> _queue = new();
    private ITimer? _timer;
    private DateTimeOffset? _sleepingUntil;
    private Action<DnsName, ZoneEvent>? _fire;

    /// <summary>Timers on <paramref name="timeProvider"/>'s clock.</summary>
    public ZoneEventTimers(TimeProvider timeProvider, ILogger<ZoneEventTimers> logger)
    {
        _time = timeProvider;
        _logger = logger;
    }

    /// <summary>The zones that have at least one timer set.</summary>
    internal int ZoneCount
    {
        get
        {
            lock (_lock)
                return _zones.Count;
        }
    }

    /// <summary>Entries in the queue, those made stale by a moved or cleared timer included (bounded by a rebuild).</summary>
    internal int QueuedCount
    {
        get
        {
            lock (_lock)
                return _queue.Count;
        }
    }

    /// <summary>Starts the timers; <paramref name="fire"/> receives every due event, on a pool thread: it must not block.</summary>
    public Task StartAsync(Action<DnsName, ZoneEvent> fire, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fire);
        lock (_lock)
        {
            _fire = fire;
            _timer ??= _time.CreateTimer(static state => ((ZoneEventTimers)state!).FireDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            SleepUntilNextLocked();
        }
        return Task.CompletedTask;
    }

    /// <summary>Sets (or moves) the <paramref name="zoneEvent"/> timer of <paramref name="zone"/> to <paramref name="due"/>; a time past fires at once.</summary>
    public Task SetAsync(DnsName zone, ZoneEvent zoneEvent, DateTimeOffset due, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zone);
        bool dueNow;
        lock (_lock)
        {
            if (!_zones.TryGetValue(zone, out var timers))
                _zones.Add(zone, timers = new ZoneTimers(zone, EventKinds));
            timers.Due[(int)zoneEvent] = due;
            Requeue(timers);
            dueNow = due <= _time.GetUtcNow();
            if (!dueNow)
                SleepUntilNextLocked();
        }
        // A time already past fires without waiting for the timer, whatever clock drives it (a stepped test clock too).
        if (dueNow && _fire is not null)
            ThreadPool.UnsafeQueueUserWorkItem(static timers => timers.FireDue(), this, preferLocal: false);
        return Task.CompletedTask;
    }

    /// <summary>Removes the <paramref name="zoneEvent"/> timer of <paramref name="zone"/>, if set.</summary>
    public Task ClearAsync(DnsName zone, ZoneEvent zoneEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zone);
        lock (_lock)
        {
            if (_zones.TryGetValue(zone, out var timers))
            {
                timers.Due[(int)zoneEvent] = null;
                Requeue(timers);
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Removes every timer of <paramref name="zone"/>.</summary>
    public Task RemoveZoneAsync(DnsName zone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zone);
        lock (_lock)
        {
            if (_zones.Remove(zone, out var timers))
                timers.QueuedAt = null; // its queue entry is stale from now on
        }
        return Task.CompletedTask;
    }

    /// <summary>When the <paramref name="zoneEvent"/> timer of <paramref name="zone"/> fires next, or null when it is not set.</summary>
    public Task<DateTimeOffset?> GetDueAsync(DnsName zone, ZoneEvent zoneEvent, CancellationToken cancellationToken = default)
    {
        lock (_lock)
            return Task.FromResult(_zones.TryGetValue(zone, out var timers) ? timers.Due[(int)zoneEvent] : null);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        ITimer? timer;
        lock (_lock)
        {
            (timer, _timer, _fire) = (_timer, null, null);
            _zones.Clear();
            _queue.Clear();
        }
        if (timer is not null)
            await timer.DisposeAsync();
    }

    /// <summary>Takes every event due now off the queue, sleeps until the next one, then fires them, earliest first.</summary>
    private void FireDue()
    {
        List<(DateTimeOffset Due, DnsName Zone, ZoneEvent Event)> due = [];
        Action<DnsName, ZoneEvent>? fire;
        lock (_lock)
        {
            fire = _fire;
            var now = _time.GetUtcNow();
            while (_queue.TryPeek(out var timers, out var at) && at <= now)
            {
                _queue.Dequeue();
                if (timers.QueuedAt != at)
                    continue; // moved, cleared or removed since it was queued
                timers.QueuedAt = null;
                for (int kind = 0; kind < timers.Due.Length; kind++)
                {
                    if (timers.Due[kind] is { } time && time <= now)
                    {
                        due.Add((time, timers.Origin, (ZoneEvent)kind));
                        timers.Due[kind] = null;
                    }
                }
                Requeue(timers);
            }
            _sleepingUntil = null;
            SleepUntilNextLocked();
        }
        if (fire is null)
            return;
        due.Sort(static (a, b) => a.Due.CompareTo(b.Due));
        foreach (var (_, zone, zoneEvent) in due)
        {
            LogFired(zone.ToString(), zoneEvent);
            fire(zone, zoneEvent);
        }
    }

    /// <summary>Queues the zone at its earliest due time when that changed; forgets a zone with no timer left.</summary>
    private void Requeue(ZoneTimers timers)
    {
        var earliest = timers.Earliest();
        if (earliest is null)
        {
            timers.QueuedAt = null;
            _zones.Remove(timers.Origin);
            return;
        }
        if (earliest == timers.QueuedAt)
            return;
        timers.QueuedAt = earliest;
        _queue.Enqueue(timers, earliest.Value);
        // Moved timers leave stale entries behind until their time comes; rebuild before they outnumber the zones.
        if (_queue.Count > 2 * _zones.Count + 64)
            Rebuild();
    }

    private void Rebuild()
    {
        _queue.Clear();
        foreach (var timers in _zones.Values)
        {
            if (timers.QueuedAt is { } at)
                _queue.Enqueue(timers, at);
        }
    }

    /// <summary>Arms the one timer for the earliest live entry (at most <see cref="LongestSleep"/> away), or disarms it.</summary>
    private void SleepUntilNextLocked()
    {
        if (_timer is null)
            return;
        while (_queue.TryPeek(out var timers, out var at) && timers.QueuedAt != at)
            _queue.Dequeue();
        if (!_queue.TryPeek(out _, out var next))
        {
            if (_sleepingUntil is not null)
                _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _sleepingUntil = null;
            return;
        }
        var wait = next - _time.GetUtcNow();
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > LongestSleep ? LongestSleep : wait;
        var wakeAt = _time.GetUtcNow() + wait;
        if (_sleepingUntil == wakeAt)
            return;
        _sleepingUntil = wakeAt;
        _timer.Change(wait, Timeout.InfiniteTimeSpan);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Zone {Zone}: {Event} timer fired")]
    private partial void LogFired(string zone, ZoneEvent @event);

    /// <summary>One zone's due times, per event kind, and the time its entry in the queue was made for.</summary>
    private sealed class ZoneTimers(DnsName origin, int kinds)
    {
        public DnsName Origin { get; } = origin;

        public DateTimeOffset?[] Due { get; } = new DateTimeOffset?[kinds];

        /// <summary>The earliest due time when the zone was last queued; an entry at another time is stale.</summary>
        public DateTimeOffset? QueuedAt { get; set; }

        public DateTimeOffset? Earliest()
        {
            DateTimeOffset? earliest = null;
            foreach (var due in Due)
            {
                if (due is { } time && (earliest is null || time < earliest))
                    earliest = time;
            }
            return earliest;
        }
    }
}
