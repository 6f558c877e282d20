using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Engine.Tests.Support;
using SecondaryPortal.Engine.Zones;
using Xunit.Abstractions;

namespace SecondaryPortal.Engine.Tests.Zones;

public sealed class ZonePublisherTests(ITestOutputHelper output)
{
    private static readonly DnsName Origin = DnsName.Parse("example.com.");
    private static readonly DnsName Other = DnsName.Parse("other.example.");

    [Fact]
    public async Task Sync_PublishesStoredZonesAndRemovesDeletedOnes()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var store = temp.CreateZoneStore();
        await store.ImportAsync(Origin, GeneratedZone.Create(Origin, 10, serial: 1));
        await store.ImportAsync(Other, GeneratedZone.Create(Other, 10, serial: 2));
        var table = new ZoneTable();
        using var publisher = CreatePublisher(temp, table);

        await publisher.SyncAsync();
        var servedFirst = table.Get(Origin)?.Serial;
        await store.RemoveAsync(Other);
        await publisher.SyncAsync();

        Assert.Equal(1u, servedFirst);
        Assert.Equal([Origin], table.Origins);
        Assert.Null(table.Get(Other));
    }

    [Fact]
    public async Task Sync_WithNothingChanged_KeepsTheSameSnapshot()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        await temp.CreateZoneStore().ImportAsync(Origin, GeneratedZone.Create(Origin, 10));
        var table = new ZoneTable();
        using var publisher = CreatePublisher(temp, table);
        await publisher.SyncAsync();
        var first = table.Get(Origin);

        await publisher.SyncAsync();

        Assert.NotNull(first);
        Assert.Same(first, table.Get(Origin));
    }

    [Fact]
    public async Task Start_LoadsEveryStoredZoneAndBecomesReady()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        await temp.CreateZoneStore().ImportAsync(Origin, GeneratedZone.Create(Origin, 10, serial: 3));
        var table = new ZoneTable();
        using var publisher = CreatePublisher(temp, table);
        Assert.False(publisher.IsReady);

        await publisher.StartAsync(CancellationToken.None);
        await publisher.InitialLoad.WaitAsync(TimeSpan.FromSeconds(10));
        await publisher.StopAsync(CancellationToken.None);

        Assert.True(publisher.IsReady);
        Assert.Equal(3u, table.Get(Origin)?.Serial);
    }

    [Fact]
    public async Task Sync_OfAZoneWhoseRowsDoNotDecode_MarksItUnavailable()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        await temp.CreateZoneStore().ImportAsync(Origin, GeneratedZone.Create(Origin, 10));
        using (var connection = temp.OpenRawConnection())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """UPDATE "ZoneRecords" SET "Data" = x'01' WHERE "Type" = 6""";
            command.ExecuteNonQuery();
        }
        var table = new ZoneTable();
        using var publisher = CreatePublisher(temp, table);

        await publisher.SyncAsync();

        Assert.Contains(Origin, table.Origins); // still ours: SERVFAIL, not REFUSED
        Assert.Null(table.Get(Origin));
    }

    [Fact]
    public async Task Running_PicksUpAZoneImportedThroughAnotherContextWithinAboutASecond()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        var table = new ZoneTable();
        using var publisher = CreatePublisher(temp, table);
        await publisher.StartAsync(CancellationToken.None);
        await publisher.InitialLoad.WaitAsync(TimeSpan.FromSeconds(10));
        try
        {
            // Another ZoneStore with its own context factory and connections, as the command line would have.
            var writer = temp.CreateZoneStore();
            await writer.ImportAsync(Origin, GeneratedZone.Create(Origin, 100, serial: 42));
            var elapsed = Stopwatch.StartNew();
            while (table.Get(Origin)?.Serial != 42u && elapsed.Elapsed < TimeSpan.FromSeconds(5))
                await Task.Delay(20);
            elapsed.Stop();

            Assert.Equal(42u, table.Get(Origin)?.Serial);
            Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(2), $"served after {elapsed.ElapsedMilliseconds} ms");
            output.WriteLine($"served {elapsed.ElapsedMilliseconds} ms after the import committed (default poll interval)");
        }
        finally
        {
            await publisher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Sync_WhenOneZoneWasRemovedAndAnotherAddedSinceTheLast_ServesTheNewAndDropsTheOld()
    {
        using var served = await ServedAtSerialOneAsync();
        var (store, table, publisher) = (served.Store, served.Table, served.Publisher);

        // The zone count stays the same: only the changed rows and the count are read, and the removal must still be seen.
        await store.RemoveAsync(Origin);
        await store.ImportAsync(Other, GeneratedZone.Create(Other, 10, serial: 2));
        await publisher.SyncAsync();

        Assert.Equal([Other], table.Origins);
        Assert.Equal(2u, table.Get(Other)!.Serial);
    }

    [Fact]
    public async Task Sync_WhileACopyIsServedAheadOfTheStore_NeverLoadsTheOlderStoredCopyOverIt()
    {
        using var served = await ServedAtSerialOneAsync();
        var (store, table, publisher) = (served.Store, served.Table, served.Publisher);
        var ahead = ZoneSnapshot.Build(Origin, GeneratedZone.Create(Origin, 10, serial: 3)).Snapshot!;

        publisher.AcceptAheadOfStore(ahead);
        await store.ImportAsync(Origin, GeneratedZone.Create(Origin, 10, serial: 2)); // the store catching up: serial 2 of 3
        await publisher.SyncAsync();

        Assert.Same(ahead, table.Get(Origin));
    }

    [Fact]
    public async Task ConfirmStored_OfTheCopyServed_HandsTheZoneBackToThePoll_AndOfAnOlderOne_DoesNot()
    {
        using var served = await ServedAtSerialOneAsync();
        var (store, table, publisher) = (served.Store, served.Table, served.Publisher);
        var second = ZoneSnapshot.Build(Origin, GeneratedZone.Create(Origin, 10, serial: 2)).Snapshot!;
        var third = ZoneSnapshot.Build(Origin, GeneratedZone.Create(Origin, 10, serial: 3)).Snapshot!;
        publisher.AcceptAheadOfStore(second);
        publisher.AcceptAheadOfStore(third);

        await store.ImportAsync(Origin, GeneratedZone.Create(Origin, 10, serial: 2)); // serial 2 stored; serial 3 still waits to be
        long stored = (await store.ListAsync()).Single().Version;
        publisher.ConfirmStored(second, stored);
        await publisher.SyncAsync();
        var whileBehind = table.Get(Origin);
        publisher.ConfirmStored(third, stored);
        await store.ImportAsync(Origin, GeneratedZone.Create(Origin, 10, serial: 5)); // a change made elsewhere (the command line)
        await publisher.SyncAsync();

        Assert.Same(third, whileBehind);
        Assert.Equal(5u, table.Get(Origin)!.Serial);
    }

    /// <summary>A store holding <see cref="Origin"/> at serial 1 and a publisher that has served it.</summary>
    private static async Task<ServedStore> ServedAtSerialOneAsync()
    {
        var temp = await TempStore.CreateMigratedAsync();
        var store = temp.CreateZoneStore();
        await store.ImportAsync(Origin, GeneratedZone.Create(Origin, 10, serial: 1));
        var table = new ZoneTable();
        var publisher = CreatePublisher(temp, table);
        await publisher.SyncAsync();
        return new ServedStore(temp, store, table, publisher);
    }

    private sealed record ServedStore(TempStore Temp, ZoneStore Store, ZoneTable Table, ZonePublisher Publisher) : IDisposable
    {
        public void Dispose()
        {
            Publisher.Dispose();
            Temp.Dispose();
        }
    }

    private static ZonePublisher CreatePublisher(TempStore temp, ZoneTable table, TimeSpan? pollInterval = null) =>
        new(temp.CreateZoneStore(), table, pollInterval is { } interval ? new ZonePublisherOptions { PollInterval = interval } : new ZonePublisherOptions(),
            TimeProvider.System, NullLogger<ZonePublisher>.Instance);
}
