using SecondaryPortal.Dns.Limits;

namespace SecondaryPortal.Portal.Accounts;

/// <summary>
/// Counts the posts that check a password or create an account per client address, in fixed windows
/// (<see cref="AccountServiceCollectionExtensions.SignInAttemptsPerMinute"/> a minute). ASP.NET Core's rate limiter does
/// the same, but its partitioned limiters keep a timer waking several times a second for the life of the process; this
/// one keeps none (see <see cref="KeyedFixedWindowLimiter{TKey}"/>), so an idle server runs no timer for it.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    private readonly KeyedFixedWindowLimiter<string> _windows =
        new(AccountServiceCollectionExtensions.SignInAttemptsPerMinute, TimeSpan.FromMinutes(1), time, StringComparer.Ordinal);

    /// <summary>The addresses counted now, for tests.</summary>
    internal int AddressCount => _windows.KeyCount;

    /// <summary>Counts one attempt from <paramref name="client"/>; false when its window has no attempt left.</summary>
    public bool TryAcquire(string client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return _windows.TryAcquire(client);
    }
}
