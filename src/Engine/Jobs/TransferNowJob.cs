using Hangfire;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Events;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Scheduling;

namespace SecondaryPortal.Engine.Jobs;

/// <summary>
/// The durable half of "Transfer now" and "Force full AXFR": the stored request makes the running engine refresh the zone
/// at once; this job, queued beside it, waits until a refresh that began after the request has ended, starts one itself
/// when none is coming (the process restarted between the request and the refresh), and fails, visibly, when the
/// refresh failed. It never starts a second refresh while one runs, so running it twice transfers nothing twice.
/// </summary>
public sealed partial class TransferNowJob(SecondaryZoneEngine engine, TimeProvider timeProvider, ILogger<TransferNowJob> logger)
{
    /// <summary>The longest the job waits for the refresh it asked for (a very large first transfer included).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long the stored request has to reach the engine before the job starts the refresh itself: a running engine acts
    /// within a second, so a refresh still missing after this was lost (a restart), and starting one cannot double it.
    /// </summary>
    public static readonly TimeSpan FastPathGrace = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    /// <summary>Sees the refresh asked for at <paramref name="requestedAt"/> through; throws when it failed or never ended.</summary>
    [JobDisplayName("Transfer now: {0} (full: {1})")]
    [AutomaticRetry(Attempts = 0)] // a failed refresh is retried by the zone's own RETRY timer; the job only reports it
    public async Task RunAsync(string zone, bool fullTransfer, DateTimeOffset requestedAt, CancellationToken cancellationToken)
    {
        var origin = DnsName.Parse(zone);
        await engine.Started.WaitAsync(cancellationToken);
        var deadline = timeProvider.GetUtcNow() + Patience;
        bool started = false;
        while (true)
        {
            if (!engine.TryGetZone(origin, out var loop) || loop.Zone.PauseRequested)
                return; // removed or paused since the request: nothing is owed
            var state = loop.Zone.Persisted;
            if (state.LastCheckAt > requestedAt && !loop.IsBusy)
            {
                Report(zone, state);
                return;
            }
            if (!loop.IsBusy && timeProvider.GetUtcNow() - requestedAt > FastPathGrace && !started)
                started = Start(loop, origin, fullTransfer);
            if (timeProvider.GetUtcNow() > deadline)
                throw new TimeoutException($"{zone}: no refresh ended within {Patience.TotalMinutes:F0} minutes of the request");
            await Task.Delay(Step, timeProvider, cancellationToken);
        }
    }

    private bool Start(ZoneEventLoop loop, DnsName origin, bool fullTransfer)
    {
        if (fullTransfer)
            loop.Zone.WantFullTransfer();
        loop.Post(ZoneEvent.Refresh);
        LogStarted(logger, origin.ToString(), fullTransfer);
        return true;
    }

    private static void Report(string zone, SecondaryZoneState state)
    {
        if (state.Status is ZoneStatus.Failing or ZoneStatus.Expired)
            throw new InvalidOperationException($"{zone}: the refresh failed: {state.LastError}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Zone {Zone}: the refresh asked for (full transfer: {Full}) had not run; starting it now")]
    private static partial void LogStarted(ILogger logger, string zone, bool full);
}
