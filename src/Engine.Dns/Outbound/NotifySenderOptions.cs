namespace SecondaryPortal.Dns.Outbound;

/// <summary>
/// Retransmission of NOTIFY (RFC 1996 §3.6: retransmit until a matching response arrives, with a timeout that
/// grows, up to a number of attempts). The default waits 1, 2, 4, 8 and 8 seconds: 23 seconds in all.
/// </summary>
public sealed record NotifySenderOptions
{
    /// <summary>How long the first attempt waits for the answer.</summary>
    public TimeSpan InitialTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Each later attempt waits this many times longer than the one before.</summary>
    public double BackoffFactor { get; init; } = 2;

    /// <summary>No attempt waits longer than this.</summary>
    public TimeSpan MaxTimeout { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Datagrams sent at most (the first one included).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The timeout of each attempt, in order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public IReadOnlyList<TimeSpan> AttemptTimeouts()
    {
        if (InitialTimeout <= TimeSpan.Zero || MaxTimeout < InitialTimeout)
            throw new ArgumentOutOfRangeException(nameof(InitialTimeout), "the timeouts must be positive, the maximum at least the initial one");
        if (MaxAttempts < 1 || BackoffFactor < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), "at least one attempt, and a backoff factor of at least 1");
        var timeouts = new TimeSpan[MaxAttempts];
        var timeout = InitialTimeout;
        for (int i = 0; i < MaxAttempts; i++)
        {
            timeouts[i] = timeout;
            timeout = TimeSpan.FromTicks((long)Math.Min(timeout.Ticks * BackoffFactor, MaxTimeout.Ticks));
        }
        return timeouts;
    }
}
