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
        await host.ImportAsync("feed.example.", Alice, serial: 2);
        await publisher.SyncAsync();
        await Task.Delay(300);

        Assert.Equal(1, Volatile.Read(ref mine));
        Assert.Equal(1, feed.SubscriberCount);
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
