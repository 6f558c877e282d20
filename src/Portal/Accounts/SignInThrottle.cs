using System.Collections.Concurrent;

namespace SecondaryPortal.Portal.Accounts;

/// <summary>
/// Counts the posts that check a password or create an account per client address, in fixed windows
/// (<see cref="AccountServiceCollectionExtensions.SignInAttemptsPerMinute"/> a minute). ASP.NET Core's rate limiter does
/// the same, but its partitioned limiters wake a timer ten times a second for the life of the process (two of them with a
/// global limiter: a third of an idle server's timer wake-ups, bench/README.md); here a window is counted when an attempt
/// comes and forgotten when a later attempt finds it over, so an idle server runs no timer.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    /// <summary>Addresses kept before the windows that are over are swept out (on the next attempt).</summary>
    private const int SweepAbove = 4096;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Attempts> _windows = new(StringComparer.Ordinal);

    /// <summary>The attempts counted per address, for tests and the sweep.</summary>
    internal int AddressCount => _windows.Count;

    /// <summary>Counts one attempt from <paramref name="client"/>; false when its window has no attempt left.</summary>
    public bool TryAcquire(string client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var now = time.GetUtcNow();
        if (_windows.Count > SweepAbove)
            Sweep(now);
        var attempts = _windows.GetOrAdd(client, _ => new Attempts());
        lock (attempts)
        {
            if (now >= attempts.WindowEnds)
                (attempts.WindowEnds, attempts.Count) = (now + Window, 0);
            if (attempts.Count >= AccountServiceCollectionExtensions.SignInAttemptsPerMinute)
                return false;
            attempts.Count++;
            return true;
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (client, attempts) in _windows)
        {
            lock (attempts)
            {
                if (now >= attempts.WindowEnds)
                    _windows.TryRemove(client, out _);
            }
        }
    }

    private sealed class Attempts
    {
        public DateTimeOffset WindowEnds;
        public int Count;
    }
}
