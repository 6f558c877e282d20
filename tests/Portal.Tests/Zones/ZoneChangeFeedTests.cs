using SecondaryPortal.Engine.Zones;
using SecondaryPortal.Portal.Services.Zones;

using static SecondaryPortal.Portal.Tests.Zones.ZoneServiceHost;

namespace SecondaryPortal.Portal.Tests.Zones;

/// <summary>The zone page's change feed, fed by the publisher's one publish operation.</summary>
public sealed class ZoneChangeFeedTests
{
    [Fact]
    public async Task Feed_NotifiesASubscriberOfItsZone_WhenThePublisherPublishes_AndStopsAfterDispose()
    {
        await using var host = await ZoneServiceHost.StartAsync();
        var publisher = host.Get<ZonePublisher>();
        var feed = host.Get<ZoneChangeFeed>();
        int mine = 0, other = 0;
        var subscription = feed.Subscribe("feed.example.", () => Interlocked.Increment(ref mine));
        using var otherSubscription = feed.Subscribe("other.example.", () => Interlocked.Increment(ref other));

        await host.ImportAsync("feed.example.", Alice, serial: 1);
        await publisher.SyncAsync();
        await WaitUntilAsync(() => Volatile.Read(ref mine) == 1);
        Assert.Equal(0, other);

        subscription.Dispose();
        subscription.Dispose();
        int probe = 0;
        using var probeSubscription = feed.Subscribe("feed.example.", () => Interlocked.Increment(ref probe));
        await host.ImportAsync("feed.example.", Alice, serial: 2);
        await publisher.SyncAsync();
        // The callbacks of one publication run together: once the probe heard it, a subscription still open would have too.
        await WaitUntilAsync(() => Volatile.Read(ref probe) == 1);

        Assert.Equal(1, Volatile.Read(ref mine));
        Assert.Equal(2, feed.SubscriberCount);
    }

    [Fact]
    public async Task Feed_NotifiesASubscriberToEveryZone_OfAnyZonesChange()
    {
        await using var host = await ZoneServiceHost.StartAsync();
        var feed = host.Get<ZoneChangeFeed>();
        var heard = new System.Collections.Concurrent.ConcurrentQueue<int>();
        using var every = feed.SubscribeToEveryZone(() => heard.Enqueue(1));

        await host.ImportAsync("one.example.", Alice);
        await host.ImportAsync("two.example.", Alice);
        await host.Get<ZonePublisher>().SyncAsync();

        await WaitUntilAsync(() => heard.Count == 2);
    }

    [Fact]
    public async Task CoalescedChanges_ManyChangesWithinTheInterval_ReloadOnce_AndALaterChangeReloadsAgain()
    {
        await using var host = await ZoneServiceHost.StartAsync();
        var clock = new SteppedTimeProvider();
        int reloads = 0;
        var publisher = host.Get<ZonePublisher>();
        using var live = new CoalescedChanges(host.Get<ZoneChangeFeed>(), () => { Interlocked.Increment(ref reloads); return Task.CompletedTask; },
            TimeSpan.FromSeconds(1), clock);
        int heard = 0;
        using var counting = host.Get<ZoneChangeFeed>().SubscribeToEveryZone(() => Interlocked.Increment(ref heard));

        for (int i = 0; i < 5; i++)
            await host.ImportAsync($"burst{i}.example.", Alice);
        await publisher.SyncAsync();
        await WaitUntilAsync(() => Volatile.Read(ref heard) == 5 && clock.ArmedTimers == 1); // five changes heard, one reload waiting
        clock.Advance(TimeSpan.FromSeconds(1));
        await WaitUntilAsync(() => Volatile.Read(ref reloads) == 1);

        await host.ImportAsync("later.example.", Alice);
        await publisher.SyncAsync();
        await WaitUntilAsync(() => Volatile.Read(ref heard) == 6 && clock.ArmedTimers == 1);
        clock.Advance(TimeSpan.FromSeconds(1));

        await WaitUntilAsync(() => Volatile.Read(ref reloads) == 2);
    }

    [Fact]
    public async Task Feed_WithoutSubscribers_LetsThePublisherPublish()
    {
        await using var host = await ZoneServiceHost.StartAsync();
        var feed = host.Get<ZoneChangeFeed>();

        await host.ImportAsync("quiet.example.", Alice);
        await host.Get<ZonePublisher>().SyncAsync();

        Assert.Equal(0, feed.SubscriberCount);
        Assert.NotNull(host.Get<SecondaryPortal.Dns.Lookup.ZoneTable>().Get(SecondaryPortal.Dns.Wire.DnsName.Parse("quiet.example.")));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "not notified within 5 s");
            await Task.Delay(10);
        }
    }
}
