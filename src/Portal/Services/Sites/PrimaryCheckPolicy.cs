using System.Globalization;
using System.Net;
using SecondaryPortal.Dns.Limits;
using SecondaryPortal.Engine.Probing;
using SecondaryPortal.Portal.Accounts;

namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>
/// What keeps the wizard's live check from being a port scanner: a customer's primary must be an ordinary public address
/// (not loopback, private, link-local, CGNAT, multicast, documentation or another special-purpose range, see
/// <see cref="SpecialPurposeAddresses"/>) unless <c>Sites:AllowPrivatePrimaries</c> is true, and each account checks at
/// most <c>Sites:ChecksPerMinute</c> primaries a minute (each primary checked counts one). Admins may use any address; they
/// are counted like everyone. The limiter is Engine.Dns's <see cref="KeyedFixedWindowLimiter{TKey}"/>, keyed by account id:
/// fixed windows, no timer.
/// </summary>
public sealed class PrimaryCheckPolicy
{
    /// <summary>Primaries an account may check a minute when <c>Sites:ChecksPerMinute</c> is not set.</summary>
    public const int DefaultChecksPerMinute = 30;

    private readonly KeyedFixedWindowLimiter<string> _checks;

    /// <summary>A policy read from <paramref name="configuration"/>'s <c>Sites</c> section, counting on <paramref name="time"/>.</summary>
    /// <exception cref="InvalidOperationException"><c>Sites:ChecksPerMinute</c> is below 1.</exception>
    public PrimaryCheckPolicy(IConfiguration configuration, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        AllowPrivatePrimaries = configuration.GetValue("Sites:AllowPrivatePrimaries", false);
        ChecksPerMinute = configuration.GetValue("Sites:ChecksPerMinute", DefaultChecksPerMinute);
        if (ChecksPerMinute < 1)
            throw new InvalidOperationException($"Sites:ChecksPerMinute is {ChecksPerMinute}; it must be at least 1.");
        _checks = new KeyedFixedWindowLimiter<string>(ChecksPerMinute, TimeSpan.FromMinutes(1), time, StringComparer.Ordinal);
    }

    /// <summary>True when customers may give special-purpose addresses too (a lab, a private deployment).</summary>
    public bool AllowPrivatePrimaries { get; }

    /// <summary>Primaries one account may check a minute.</summary>
    public int ChecksPerMinute { get; }

    /// <summary>Why <paramref name="address"/> may not be a primary of <paramref name="scope"/>'s, in one sentence; null when it may.</summary>
    public string? AddressRefusal(AccountScope scope, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(address);
        if (scope.IsAdmin || AllowPrivatePrimaries || SpecialPurposeAddresses.Classify(address) is not { } kind)
            return null;
        return $"{address} is {kind}, which this service does not contact for customers: give your primary's public address.";
    }

    /// <summary>
    /// Counts <paramref name="count"/> checks for the account; when its minute has not that many left, false with the
    /// sentence to show (the checks counted before the refusal stay counted) and the time until the next window.
    /// </summary>
    public bool TryAcquire(AccountScope scope, int count, out string? refusal, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(scope);
        for (int i = 0; i < count; i++)
        {
            if (!_checks.TryAcquire(scope.UserId, out retryAfter))
            {
                int seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                refusal = string.Create(CultureInfo.InvariantCulture,
                    $"Too many checks: an account may check {ChecksPerMinute} primaries a minute. Try again in {seconds} seconds.");
                return false;
            }
        }
        refusal = null;
        retryAfter = TimeSpan.Zero;
        return true;
    }
}
