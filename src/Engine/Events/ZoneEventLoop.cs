using SecondaryPortal.Engine.Scheduling;

namespace SecondaryPortal.Engine.Events;

/// <summary>
/// One secondary zone's event loop: the events posted to it (timers, NOTIFY, an operator's refresh) are a set, and one
/// worker at a time takes the whole set and hands it, with the zone's <see cref="ZoneRuntimeState"/>, to the handler, so
/// the zone runs one event at a time, at most one refresh runs and at most one waits, and a flood of NOTIFYs costs one
/// more SOA check, not one per message. Posting never blocks and never waits on a poll: the first post to an idle zone
/// starts its worker on the thread pool at once. The loop holds no state of the zone but a reference to it.
/// </summary>
public sealed class ZoneEventLoop
{
    private readonly Func<ZoneRuntimeState, IReadOnlySet<ZoneEvent>, CancellationToken, Task> _handler;
    private readonly CancellationTokenSource _stop;
    private int _pending;
    private int _running;

    /// <summary>A loop for <paramref name="zone"/>, running <paramref name="handler"/> for each set of events taken.</summary>
    public ZoneEventLoop(ZoneRuntimeState zone, Func<ZoneRuntimeState, IReadOnlySet<ZoneEvent>, CancellationToken, Task> handler,
        CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(handler);
        Zone = zone;
        _handler = handler;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    /// <summary>The zone the loop runs events for; the handlers change it, one at a time.</summary>
    public ZoneRuntimeState Zone { get; }

    /// <summary>True while a worker handles events.</summary>
    public bool IsBusy => Volatile.Read(ref _running) != 0;

    /// <summary>Adds <paramref name="zoneEvent"/> to the pending set and starts the worker when idle. Never blocks.</summary>
    public void Post(ZoneEvent zoneEvent)
    {
        if (_stop.IsCancellationRequested)
            return;
        Interlocked.Or(ref _pending, 1 << (int)zoneEvent);
        if (Interlocked.CompareExchange(ref _running, 1, 0) == 0)
            ThreadPool.UnsafeQueueUserWorkItem(static loop => _ = loop.RunAsync(), this, preferLocal: false);
    }

    /// <summary>Stops the loop: pending events are dropped and a running refresh is cancelled.</summary>
    internal void Stop() => _stop.Cancel();

    private async Task RunAsync()
    {
        while (true)
        {
            int pending = Interlocked.Exchange(ref _pending, 0);
            if (pending != 0 && !_stop.IsCancellationRequested)
            {
                await _handler(Zone, Decode(pending), _stop.Token).ConfigureAwait(false);
                continue;
            }
            Volatile.Write(ref _running, 0);
            // A post between the exchange and the write above found the loop running and did not start a worker.
            if (Volatile.Read(ref _pending) == 0 || _stop.IsCancellationRequested || Interlocked.CompareExchange(ref _running, 1, 0) != 0)
                return;
        }
    }

    private static HashSet<ZoneEvent> Decode(int pending)
    {
        var events = new HashSet<ZoneEvent>();
        foreach (var zoneEvent in Enum.GetValues<ZoneEvent>())
        {
            if ((pending & (1 << (int)zoneEvent)) != 0)
                events.Add(zoneEvent);
        }
        return events;
    }
}
