namespace SecondaryPortal.Engine.Events;

/// <summary>
/// How the transfer engine schedules secondary zones (configuration section <c>Transfers</c>). The SOA's REFRESH,
/// RETRY and EXPIRE (RFC 1035 §3.3.13) are used within these bounds, as BIND's min/max-refresh-time and Knot's
/// refresh-min/max-interval do: a zone cannot make us poll every second, nor wait a month.
/// </summary>
public sealed record TransferOptions
{
    /// <summary>Shortest refresh interval used, whatever the SOA says.</summary>
    public TimeSpan MinRefresh { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest refresh interval used.</summary>
    public TimeSpan MaxRefresh { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Shortest retry interval after a failed refresh.</summary>
    public TimeSpan MinRetry { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest retry interval.</summary>
    public TimeSpan MaxRetry { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Shortest expire time: a zone is served at least this long after its last successful refresh.</summary>
    public TimeSpan MinExpire { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Longest expire time.</summary>
    public TimeSpan MaxExpire { get; init; } = TimeSpan.FromDays(60);

    /// <summary>
    /// Up to this fraction of a refresh or retry interval is taken off at random, so zones added or refreshed
    /// together (10,000 after a restart) spread out instead of refreshing in the same second.
    /// </summary>
    public double Jitter { get; init; } = 0.1;

    /// <summary>How often the store's settings counter is read, to pick up zones added, removed or refreshed by another process.</summary>
    public TimeSpan ConfigPollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Most refreshes (SOA checks and transfers) running at once over all zones.</summary>
    public int MaxConcurrentRefreshes { get; init; } = 32;

    /// <summary>Transfer history lines kept per zone (older ones are deleted).</summary>
    public int TransferLogLimit { get; init; } = 200;

    /// <summary>
    /// A transfer that writes at least this many rows (an AXFR: the zone's records; an IXFR: the records it adds and
    /// deletes) is served as soon as it is checked and stored behind; a smaller one is stored first, then served (it
    /// stores in about a millisecond, and whatever is served is then always what a restart loads). 0 serves every
    /// transfer first.
    /// </summary>
    public int ServeBeforeStoringRows { get; init; } = 10_000;

    /// <summary>Throws when a value is out of range, naming the configuration key, so a bad configuration fails at start.</summary>
    /// <exception cref="InvalidOperationException">A bound is not positive, a minimum is above its maximum, or a count is below 1.</exception>
    public void Validate()
    {
        Check(MinRefresh, MaxRefresh, nameof(MinRefresh), nameof(MaxRefresh));
        Check(MinRetry, MaxRetry, nameof(MinRetry), nameof(MaxRetry));
        Check(MinExpire, MaxExpire, nameof(MinExpire), nameof(MaxExpire));
        if (Jitter is < 0 or >= 1 || double.IsNaN(Jitter))
            throw new InvalidOperationException($"Transfers:{nameof(Jitter)} must be at least 0 and below 1 (a fraction of the interval).");
        if (ConfigPollInterval <= TimeSpan.Zero)
            throw new InvalidOperationException($"Transfers:{nameof(ConfigPollInterval)} must be positive.");
        if (ServeBeforeStoringRows < 0)
            throw new InvalidOperationException($"Transfers:{nameof(ServeBeforeStoringRows)} must not be negative.");
        if (MaxConcurrentRefreshes < 1 || TransferLogLimit < 1)
            throw new InvalidOperationException($"Transfers:{nameof(MaxConcurrentRefreshes)} and Transfers:{nameof(TransferLogLimit)} must be at least 1.");
    }

    private static void Check(TimeSpan min, TimeSpan max, string minName, string maxName)
    {
        if (min <= TimeSpan.Zero || max <= TimeSpan.Zero)
            throw new InvalidOperationException($"Transfers:{minName} and Transfers:{maxName} must be positive.");
        if (min > max)
            throw new InvalidOperationException($"Transfers:{minName} ({min}) is above Transfers:{maxName} ({max}).");
    }
}
