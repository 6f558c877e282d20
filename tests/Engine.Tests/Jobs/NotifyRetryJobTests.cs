using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Jobs;
using SecondaryPortal.Engine.Outbound;
using SecondaryPortal.Engine.Tests.Outbound;
using SecondaryPortal.Engine.Tests.Support;

using static SecondaryPortal.Engine.Tests.Outbound.TransferSettingsTests;
using static SecondaryPortal.Engine.Tests.Outbound.ZoneJournalTests;

namespace SecondaryPortal.Engine.Tests.Jobs;

/// <summary>The durable retry of a NOTIFY that no answer came back for.</summary>
public sealed class NotifyRetryJobTests
{
    private static readonly DnsName Origin = DnsName.Parse("retry.example.");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly NotifySenderOptions Quick = new() { InitialTimeout = TimeSpan.FromMilliseconds(200), MaxTimeout = TimeSpan.FromMilliseconds(200), MaxAttempts = 2 };

    [Fact]
    public async Task Run_WhenTheSecondaryAnswers_Completes()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        using var secondary = new FakeSecondary();
        var job = await JobServingAsync(temp, serial: 3, secondary);

        var running = job.RunAsync(Origin.ToString(), 3, secondary.EndPoint.ToString(), CancellationToken.None);
        var notify = await secondary.ReceiveAsync(Patience);
        await secondary.AcknowledgeAsync(notify!.Value.Message, notify.Value.From);
        await running;

        Assert.Equal(3u, FakeSecondary.Serial(notify.Value.Message));
    }

    [Fact]
    public async Task Run_WhenTheSecondaryStaysSilent_Throws_SoTheJobSystemRetriesIt()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        using var secondary = new FakeSecondary();
        var job = await JobServingAsync(temp, serial: 3, secondary);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => job.RunAsync(Origin.ToString(), 3, secondary.EndPoint.ToString(), CancellationToken.None));

        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
        Assert.NotNull(await secondary.ReceiveAsync(TimeSpan.FromMilliseconds(1))); // it was asked
    }

    [Fact]
    public async Task Run_ForASerialNoLongerServed_EndsWithoutSending()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        using var secondary = new FakeSecondary();
        var job = await JobServingAsync(temp, serial: 4, secondary);

        await job.RunAsync(Origin.ToString(), 3, secondary.EndPoint.ToString(), CancellationToken.None); // serial 4 is announced on its own

        Assert.Null(await secondary.ReceiveAsync(TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public async Task Run_ForASecondaryNoLongerATarget_EndsWithoutSending()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        using var secondary = new FakeSecondary();
        using var removed = new FakeSecondary();
        var job = await JobServingAsync(temp, serial: 3, secondary);

        await job.RunAsync(Origin.ToString(), 3, removed.EndPoint.ToString(), CancellationToken.None);

        Assert.Null(await removed.ReceiveAsync(TimeSpan.FromMilliseconds(1)));
    }

    /// <summary>A job over a store that serves <see cref="Origin"/> at <paramref name="serial"/> with <paramref name="secondary"/> as its NOTIFY target.</summary>
    private static async Task<NotifyRetryJob> JobServingAsync(TempStore temp, uint serial, FakeSecondary secondary)
    {
        var store = Store(temp);
        Assert.True((await store.ImportAsync(Origin, Version(serial, origin: Origin))).Succeeded);
        await Settings(temp).AddNotifyTargetAsync(Origin, secondary.EndPoint, null);
        var cache = Cache(temp);
        await cache.RefreshAsync();
        var table = new ZoneTable();
        table.Publish((await store.LoadAsync(Origin)).Snapshot!);
        return new NotifyRetryJob(table, cache, new NotifySender(TimeProvider.System, NullLogger<NotifySender>.Instance, Quick),
            new NoKeys(), NullLogger<NotifyRetryJob>.Instance);
    }

    private sealed class NoKeys : ITsigKeyLookup
    {
        public TsigKeyring Keyring => TsigKeyring.Empty;
    }
}
