using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Events;
using SecondaryPortal.Engine.Tests.Support;
using Xunit.Abstractions;

namespace SecondaryPortal.Engine.Tests.Secondary;

/// <summary>The live progress of a running transfer, as the portal reads it.</summary>
public sealed class TransferProgressTests(ITestOutputHelper output)
{
    private static readonly DnsName Origin = DnsName.Parse("progress.example.");

    [Fact]
    public async Task RunningTransfer_ReportsItsPhaseAndTheRecordsReceived_AndIsGoneOnceItEnds()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var primary = MiniPrimary.Start(Origin, 10, SecondaryZoneFlowTests.Hosts(Origin, 50, "192.0.2.1"));
        primary.HoldAfterFirstMessage = release.Task; // the primary sends ten records a message
        await using var harness = await SecondaryHarness.StartAsync(output: output);
        Assert.Null(harness.Progress.Get(Origin));

        await harness.AddZoneAsync(Origin, primary.EndPoint);
        TransferProgressSnapshot? seen = null;
        await SecondaryHarness.WaitUntilAsync(() => (seen = harness.Progress.Get(Origin)) is { Records: > 0 }, TimeSpan.FromSeconds(15),
            "the first message's records reported");
        var all = harness.Progress.GetAll();
        release.SetResult();
        await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) == 10u, TimeSpan.FromSeconds(15), "serial 10 served");
        await SecondaryHarness.WaitUntilAsync(() => harness.Engine.TryGetZone(Origin, out var loop) && !loop.IsBusy, TimeSpan.FromSeconds(15), "the loop idle");

        Assert.Equal(("progress.example.", TransferPhase.Transferring, primary.EndPoint.ToString(), 1, 10L), (seen!.Origin, seen.Phase, seen.Primary, seen.Messages, seen.Records));
        Assert.True(seen.Bytes > 0);
        Assert.Equal("progress.example.", Assert.Single(all).Origin);
        Assert.Null(harness.Progress.Get(Origin));
        Assert.Empty(harness.Progress.GetAll());
    }
}
