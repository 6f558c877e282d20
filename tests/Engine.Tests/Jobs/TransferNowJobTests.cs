using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Jobs;
using SecondaryPortal.Engine.Scheduling;
using SecondaryPortal.Engine.Tests.Secondary;
using SecondaryPortal.Engine.Tests.Support;
using Xunit.Abstractions;

namespace SecondaryPortal.Engine.Tests.Jobs;

/// <summary>The job that sees a person's "Transfer now" through, beside the stored request the engine acts on at once.</summary>
public sealed class TransferNowJobTests(ITestOutputHelper output)
{
    private static readonly DnsName Origin = DnsName.Parse("now.example.");
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Run_AfterTheEngineCarriedTheRequestOut_EndsWithoutASecondRefresh()
    {
        var clock = new SteppedTimeProvider();
        await using var primary = MiniPrimary.Start(Origin, 1, SecondaryZoneFlowTests.Hosts(Origin, 3, "192.0.2.1"));
        await using var harness = await SecondaryHarness.StartServingAsync(clock, Origin, primary.EndPoint, output);
        var requestedAt = clock.GetUtcNow();
        primary.SetZone(Origin, 2, SecondaryZoneFlowTests.Hosts(Origin, 3, "192.0.2.2"));
        Assert.True(harness.Engine.TryGetZone(Origin, out var loop));
        clock.Advance(TimeSpan.FromSeconds(1));
        loop.Post(ZoneEvent.Refresh); // what the stored request makes a running engine do, a moment later
        await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) == 2u && !loop.IsBusy, Bound, "the requested refresh");
        int checks = primary.SoaQueries;

        await RunToEndAsync(Job(harness, clock).RunAsync(Origin.ToString(), false, requestedAt, CancellationToken.None), clock);

        Assert.Equal(checks, primary.SoaQueries);
    }

    [Fact]
    public async Task Run_WhenTheRequestNeverReachedTheEngine_StartsTheRefreshAfterTheGrace_AndSeesItThrough()
    {
        var clock = new SteppedTimeProvider();
        await using var primary = MiniPrimary.Start(Origin, 1, SecondaryZoneFlowTests.Hosts(Origin, 3, "192.0.2.1"));
        await using var harness = await SecondaryHarness.StartServingAsync(clock, Origin, primary.EndPoint, output);
        var requestedAt = clock.GetUtcNow(); // stored, then the process restarted: the engine counts it as seen
        primary.SetZone(Origin, 2, SecondaryZoneFlowTests.Hosts(Origin, 3, "192.0.2.2"));
        clock.Advance(TransferNowJob.FastPathGrace + TimeSpan.FromSeconds(1));

        await RunToEndAsync(Job(harness, clock).RunAsync(Origin.ToString(), false, requestedAt, CancellationToken.None), clock);

        Assert.Equal(2u, harness.ServedSerial(Origin));
    }

    [Fact]
    public async Task Run_WhenTheRefreshFails_FailsTheJob_WithTheZonesError()
    {
        var clock = new SteppedTimeProvider();
        await using var primary = MiniPrimary.Start(Origin, 1, SecondaryZoneFlowTests.Hosts(Origin, 3, "192.0.2.1"));
        await using var harness = await SecondaryHarness.StartServingAsync(clock, Origin, primary.EndPoint, output);
        var requestedAt = clock.GetUtcNow();
        primary.Stop();
        clock.Advance(TransferNowJob.FastPathGrace + TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RunToEndAsync(Job(harness, clock).RunAsync(Origin.ToString(), false, requestedAt, CancellationToken.None), clock));

        Assert.Contains("the refresh failed", error.Message, StringComparison.Ordinal);
    }

    private static TransferNowJob Job(SecondaryHarness harness, TimeProvider clock) =>
        new(harness.Engine, clock, NullLogger<TransferNowJob>.Instance);

    /// <summary>Steps the clock while the job waits (its pauses run on that clock), within a real-time bound.</summary>
    private static async Task RunToEndAsync(Task job, SteppedTimeProvider clock)
    {
        for (var deadline = DateTime.UtcNow + Bound; !job.IsCompleted && DateTime.UtcNow < deadline;)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(10);
        }
        await job.WaitAsync(TimeSpan.FromSeconds(1));
    }
}
