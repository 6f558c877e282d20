using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Jobs;
using SecondaryPortal.Engine.Scheduling;
using SecondaryPortal.Engine.Tests.Secondary;
using SecondaryPortal.Engine.Tests.Support;
using Xunit.Abstractions;

namespace SecondaryPortal.Engine.Tests.Jobs;

/// <summary>The recurring sweep that refreshes a zone whose timer was lost.</summary>
public sealed class OverdueRefreshSweepTests(ITestOutputHelper output)
{
    private static readonly DnsName Origin = DnsName.Parse("sweep.example.");
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Sweep_AfterTheRefreshTimerWasLost_RefreshesTheZone()
    {
        var clock = new SteppedTimeProvider();
        await using var primary = MiniPrimary.Start(Origin, 1, SecondaryZoneFlowTests.Hosts(Origin, 3, "192.0.2.1"));
        await using var harness = await SecondaryHarness.StartServingAsync(clock, Origin, primary.EndPoint, output);
        await harness.Timers.ClearAsync(Origin, ZoneEvent.Refresh); // the timer is lost: only the stored next refresh remains
        primary.SetZone(Origin, 2, SecondaryZoneFlowTests.Hosts(Origin, 3, "192.0.2.2"));
        clock.Advance(TimeSpan.FromSeconds(7200) + OverdueRefreshSweep.Grace + TimeSpan.FromSeconds(1));
        Assert.Equal(1u, harness.ServedSerial(Origin));

        int posted = await Sweep(harness, clock).RunAsync(CancellationToken.None);

        Assert.Equal(1, posted);
        await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) == 2u, Bound, "serial 2 served after the sweep");
    }

    [Fact]
    public async Task Sweep_WhileEveryRefreshIsOnTime_PostsNothing()
    {
        var clock = new SteppedTimeProvider();
        await using var primary = MiniPrimary.Start(Origin, 1, SecondaryZoneFlowTests.Hosts(Origin, 3, "192.0.2.1"));
        await using var harness = await SecondaryHarness.StartServingAsync(clock, Origin, primary.EndPoint, output);
        clock.Advance(TimeSpan.FromSeconds(7200) + OverdueRefreshSweep.Grace - TimeSpan.FromSeconds(1)); // late, but within the grace
        await harness.Timers.ClearAsync(Origin, ZoneEvent.Refresh);

        int posted = await Sweep(harness, clock).RunAsync(CancellationToken.None);

        Assert.Equal(0, posted);
    }

    private static OverdueRefreshSweep Sweep(SecondaryHarness harness, TimeProvider clock) =>
        new(harness.Repository, harness.Engine, clock, NullLogger<OverdueRefreshSweep>.Instance);
}
