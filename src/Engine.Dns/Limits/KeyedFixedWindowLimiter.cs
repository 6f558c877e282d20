using System.Collections.Concurrent;

namespace SecondaryPortal.Dns.Limits;

/// <summary>
/// A <see cref="FixedWindowLimiter"/> per key (a client address, say), each created at the key's first acquisition, so
/// its first window starts then. Keys whose window has given nothing are forgotten once more than
/// <see cref="SweepAbove"/> keys are held, by a sweep that runs on an acquisition, at most once a window: like the
/// limiters it holds, it keeps no timer. An acquisition racing with the sweep of its own key may be counted in a limiter
/// the sweep has just forgotten, so a key may get one more permit in the window that follows a sweep.
/// </summary>
/// <typeparam name="TKey">What acquisitions are counted apart by.</typeparam>
public sealed class KeyedFixedWindowLimiter<TKey> where TKey : notnull
{
    /// <summary>Keys held before the idle ones are swept out.</summary>
    public const int SweepAbove = 4096;

    private readonly ConcurrentDictionary<TKey, FixedWindowLimiter> _limiters;
    private readonly Func<TKey, FixedWindowLimiter> _create;
    private readonly FixedWindowLimiter _sweeps;

    /// <summary>Creates a limiter that lets <paramref name="permitLimit"/> acquisitions per key through per window.</summary>
    /// <param name="permitLimit">Acquisitions let through per key and window (see <see cref="FixedWindowLimiter"/>).</param>
    /// <param name="window">How long a window lasts.</param>
    /// <param name="time">The clock.</param>
    /// <param name="comparer">How keys compare; the default comparer when null.</param>
    public KeyedFixedWindowLimiter(int permitLimit, TimeSpan window, TimeProvider time, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitLimit, FixedWindowLimiter.MaxPermitLimit);
        _sweeps = new FixedWindowLimiter(1, window, time);
        _limiters = new ConcurrentDictionary<TKey, FixedWindowLimiter>(comparer);
        _create = _ => new FixedWindowLimiter(permitLimit, window, time);
    }

    /// <summary>Keys held now (for tests and diagnostics).</summary>
    public int KeyCount => _limiters.Count;

    /// <summary>Takes a permit from <paramref name="key"/>'s current window; false when it has none left.</summary>
    public bool TryAcquire(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_limiters.Count > SweepAbove && _sweeps.TryAcquire())
            Sweep();
        return _limiters.GetOrAdd(key, _create).TryAcquire();
    }

    /// <summary>
    /// Takes a permit from <paramref name="key"/>'s current window; false when it has none left, with
    /// <paramref name="retryAfter"/> the time until the key's next window starts (zero when let through).
    /// </summary>
    public bool TryAcquire(TKey key, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_limiters.Count > SweepAbove && _sweeps.TryAcquire())
            Sweep();
        var limiter = _limiters.GetOrAdd(key, _create);
        bool acquired = limiter.TryAcquire();
        retryAfter = acquired ? TimeSpan.Zero : limiter.RetryAfter;
        return acquired;
    }

    private void Sweep()
    {
        foreach (var (key, limiter) in _limiters)
        {
            if (limiter.IsIdle)
                _limiters.TryRemove(new KeyValuePair<TKey, FixedWindowLimiter>(key, limiter));
        }
    }
}
