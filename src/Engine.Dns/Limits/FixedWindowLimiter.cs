namespace SecondaryPortal.Dns.Limits;

/// <summary>
/// Lets at most <see cref="PermitLimit"/> acquisitions through per window, in fixed windows of <see cref="Window"/>
/// counted from the moment the limiter was created, and counts the acquisitions it refuses so that the next one let
/// through can report them (a log entry saying how many like it were held back).
/// <para>
/// It keeps no timer: the window an acquisition falls in is worked out from the clock when it comes, so an idle limiter
/// costs nothing. Thread-safe without a lock, and allocates nothing after it is created.
/// </para>
/// </summary>
public sealed class FixedWindowLimiter
{
    /// <summary>The largest <see cref="PermitLimit"/>: the count shares one 64-bit word with the window's number.</summary>
    public const int MaxPermitLimit = (1 << CountBits) - 1;

    private const int CountBits = 20;
    private const long CountMask = (1L << CountBits) - 1;

    private readonly TimeProvider _time;
    private readonly long _epoch;
    private readonly long _windowTimestamps;

    /// <summary>The window's number (since <see cref="_epoch"/>) in the high bits, the permits it has given in the low ones.</summary>
    private long _state;

    private long _refused;

    /// <summary>Creates a limiter whose first window starts now.</summary>
    /// <param name="permitLimit">Acquisitions let through per window, 1 to <see cref="MaxPermitLimit"/>.</param>
    /// <param name="window">How long a window lasts; at least one tick of <paramref name="time"/>'s timestamp.</param>
    /// <param name="time">The clock; its timestamps (<see cref="TimeProvider.GetTimestamp"/>) place acquisitions in windows.</param>
    public FixedWindowLimiter(int permitLimit, TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitLimit, MaxPermitLimit);
        ArgumentNullException.ThrowIfNull(time);
        _windowTimestamps = (long)Math.Round(window.TotalSeconds * time.TimestampFrequency);
        ArgumentOutOfRangeException.ThrowIfLessThan(_windowTimestamps, 1, nameof(window));
        PermitLimit = permitLimit;
        Window = window;
        _time = time;
        _epoch = time.GetTimestamp();
    }

    /// <summary>Acquisitions let through per window.</summary>
    public int PermitLimit { get; }

    /// <summary>How long a window lasts.</summary>
    public TimeSpan Window { get; }

    /// <summary>True when nothing has been let through in the current window (a keyed limiter may then forget this one).</summary>
    public bool IsIdle => Volatile.Read(ref _state) >> CountBits < CurrentWindow();

    /// <summary>Takes a permit from the current window; false when it has none left.</summary>
    public bool TryAcquire() => TryAcquire(out _);

    /// <summary>
    /// Takes a permit from the current window; false when it has none left. When it is let through,
    /// <paramref name="refused"/> is how many acquisitions were refused since the last one let through (and the count
    /// starts again); when refused, it is 0.
    /// </summary>
    public bool TryAcquire(out long refused)
    {
        long window = CurrentWindow();
        while (true)
        {
            long state = Volatile.Read(ref _state);
            long next;
            if (state >> CountBits < window)
                next = (window << CountBits) | 1;
            else if ((state & CountMask) < PermitLimit)
                next = state + 1;
            else
            {
                Interlocked.Increment(ref _refused);
                refused = 0;
                return false;
            }
            if (Interlocked.CompareExchange(ref _state, next, state) == state)
            {
                refused = Interlocked.Exchange(ref _refused, 0);
                return true;
            }
        }
    }

    /// <summary>How long until the next window starts (when a refused acquisition may try again).</summary>
    public TimeSpan RetryAfter
    {
        get
        {
            long elapsed = Math.Max(0, _time.GetTimestamp() - _epoch);
            long left = _windowTimestamps - elapsed % _windowTimestamps;
            return TimeSpan.FromSeconds((double)left / _time.TimestampFrequency);
        }
    }

    /// <summary>The number of the window the clock is in now (a clock read as earlier than the epoch counts as window 0).</summary>
    private long CurrentWindow() => Math.Max(0, _time.GetTimestamp() - _epoch) / _windowTimestamps;
}
