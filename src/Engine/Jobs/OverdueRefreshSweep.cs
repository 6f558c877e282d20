using Hangfire;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Engine.Events;
using SecondaryPortal.Engine.Scheduling;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Jobs;

/// <summary>
/// The durable backstop of the in-process zone timers: a recurring job that finds every secondary zone whose stored next
/// refresh is more than <see cref="Grace"/> past (after a crash, a clock jump, a lost timer) and posts it a REFRESH. A
/// zone already refreshing coalesces the post in its event loop (one refresh runs, one waits), so running the sweep twice
/// changes nothing.
/// </summary>
public sealed partial class OverdueRefreshSweep(
    SecondaryZoneRepository repository,
    SecondaryZoneEngine engine,
    TimeProvider timeProvider,
    ILogger<OverdueRefreshSweep> logger)
{
    /// <summary>How late a refresh may be before the sweep steps in: longer than a timer's dispatch and a busy loop's wait.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    /// <summary>Posts a REFRESH to every overdue zone the engine runs; returns how many it posted.</summary>
    [JobDisplayName("Refresh the secondary zones whose refresh is overdue")]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)] // the next run comes soon: a failed sweep is not worth retrying
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await engine.Started.WaitAsync(cancellationToken);
        var due = await repository.ListRefreshDueAsync(timeProvider.GetUtcNow() - Grace, cancellationToken);
        int posted = 0;
        foreach (var origin in due)
        {
            if (!engine.TryGetZone(origin, out var loop))
                continue; // added since the engine last read the store: its own start refreshes it
            loop.Post(ZoneEvent.Refresh);
            LogOverdue(logger, origin.ToString());
            posted++;
        }
        return posted;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zone {Zone}: its refresh was overdue (a lost timer, a clock jump or a restart); refreshing now")]
    private static partial void LogOverdue(ILogger logger, string zone);
}
