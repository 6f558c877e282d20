namespace SecondaryPortal.Engine.Events;

/// <summary>
/// Turns a zone's SOA timers (RFC 1035 §3.3.13: REFRESH, RETRY, EXPIRE, in seconds) into the intervals the engine waits:
/// each bounded by the configured minimum and maximum (<see cref="TransferOptions"/>), refresh and retry shortened by a
/// random jitter of up to <see cref="TransferOptions.Jitter"/> so zones do not all refresh in the same second. Expiry has
/// no jitter: serving a zone longer than its primary allows is not ours to decide.
/// </summary>
public sealed class ZoneTimerPolicy
{
    private readonly TransferOptions _options;
    private readonly Func<double> _random;

    /// <summary>A policy for <paramref name="options"/>; <paramref name="random"/> gives values in [0, 1) (tests pass a fixed one).</summary>
    public ZoneTimerPolicy(TransferOptions options, Func<double>? random = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _random = random ?? Random.Shared.NextDouble;
    }

    /// <summary>How long after a successful refresh the next one is due; the minimum when the SOA is not known yet.</summary>
    public TimeSpan RefreshInterval(long? soaRefresh) => Jittered(Bounded(soaRefresh, _options.MinRefresh, _options.MaxRefresh));

    /// <summary>How long after a failed refresh the next attempt is due; the minimum when the SOA is not known yet (a first transfer).</summary>
    public TimeSpan RetryInterval(long? soaRetry) => Jittered(Bounded(soaRetry, _options.MinRetry, _options.MaxRetry));

    /// <summary>How long after a successful refresh the zone expires without another one.</summary>
    public TimeSpan ExpireInterval(long soaExpire) => Bounded(soaExpire, _options.MinExpire, _options.MaxExpire);

    private static TimeSpan Bounded(long? seconds, TimeSpan min, TimeSpan max)
    {
        if (seconds is not { } value)
            return min;
        var interval = TimeSpan.FromSeconds(Math.Min(value, (long)max.TotalSeconds + 1));
        return interval < min ? min : interval > max ? max : interval;
    }

    private TimeSpan Jittered(TimeSpan interval) => interval - interval * (_options.Jitter * _random());
}
