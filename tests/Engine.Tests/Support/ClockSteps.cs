using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Scheduling;

namespace SecondaryPortal.Engine.Tests.Support;

/// <summary>
/// Moves a harness's stepped clock so that a test may then assert what did NOT fire: a sentinel timer of a zone nobody runs
/// is set at the new time, the clock moves, and the step ends when the sentinel's firing is logged. The timers fire every
/// event due in one pass, earliest first, so by then every zone timer due at or before the new time has fired (a timer that
/// fired no longer reads back with its old due time). No sleep, no race.
/// </summary>
public static class ClockSteps
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    /// <summary>Advances <paramref name="clock"/> by <paramref name="by"/> and returns once the timers have caught up with it.</summary>
    public static async Task AdvanceAndSettleAsync(this SecondaryHarness harness, SteppedTimeProvider clock, TimeSpan by)
    {
        var sentinel = DnsName.Parse($"s{Guid.NewGuid():N}.sentinel.invalid.");
        await harness.Timers.SetAsync(sentinel, ZoneEvent.Refresh, clock.GetUtcNow() + by);
        clock.Advance(by);
        string fired = $"Zone {sentinel}: {ZoneEvent.Refresh} timer fired";
        await SecondaryHarness.WaitUntilAsync(() => harness.Logs.Contains(LogLevel.Debug, fired), Bound, "the sentinel timer at the new time fired");
    }
}
