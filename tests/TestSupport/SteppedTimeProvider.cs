namespace SecondaryPortal.Testing;

/// <summary>
/// A clock that moves only when the test says (Microsoft.Extensions.TimeProvider.Testing is not available here):
/// timers created through it fire when <see cref="Advance"/> passes their due time.
/// </summary>
public sealed class SteppedTimeProvider : TimeProvider
{
    private readonly object _lock = new();
    private readonly List<Timer> _timers = [];
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;
    private TimeSpan _elapsed;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
            return _start + _elapsed;
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (_lock)
            return _elapsed.Ticks;
    }

    /// <summary>Timers that will fire at some point.</summary>
    public int ArmedTimers
    {
        get
        {
            lock (_lock)
                return _timers.Count(t => t.Due is not null);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this, callback, state);
        lock (_lock)
            _timers.Add(timer);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock on and fires, in order, every timer that falls due.</summary>
    public void Advance(TimeSpan by)
    {
        TimeSpan target;
        lock (_lock)
            target = _elapsed + by;
        while (true)
        {
            Timer? next;
            lock (_lock)
            {
                next = _timers.Where(t => t.Due <= target).MinBy(t => t.Due);
                if (next is null)
                {
                    _elapsed = target;
                    return;
                }
                _elapsed = next.Due!.Value;
                next.Due = next.Period > TimeSpan.Zero ? _elapsed + next.Period : null;
            }
            next.Fire();
        }
    }

    private sealed class Timer(SteppedTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public TimeSpan? Due { get; set; }

        public TimeSpan Period { get; private set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._lock)
            {
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : owner._elapsed + dueTime;
                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
            }
            return true;
        }

        public void Dispose()
        {
            lock (owner._lock)
                owner._timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
