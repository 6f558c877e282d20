using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Tests.Support;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Tests.Persistence;

/// <summary>
/// The store's pollers wake when the SQLite files change, whoever wrote them, instead of polling every half second: an
/// idle server does not wake, and a zone written by another process is acted on at once.
/// </summary>
public sealed class StoreChangeSignalTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly DnsName Origin = DnsName.Parse("signalled.example.");

    private static StoreChangeSignal Signal(TempStore temp) => new(temp.Settings, TimeProvider.System, NullLogger<StoreChangeSignal>.Instance);

    [Fact]
    public async Task Next_CompletesWhenAnotherConnectionWritesTheStore()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        // The migration's pooled connections checkpoint the log when they close: let that happen before watching, and let
        // any event of it pass, so that only the write below can complete the signal taken after.
        SqliteConnection.ClearAllPools();
        using var signal = Signal(temp);
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        var next = signal.Next;
        Assert.True(signal.IsWatching);
        Assert.False(next.IsCompleted);

        using (var connection = temp.OpenRawConnection())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """CREATE TABLE "Scratch" ("Id" INTEGER); INSERT INTO "Scratch" VALUES (1);""";
            command.ExecuteNonQuery();
        }

        await next.WaitAsync(Bound);
    }

    [Fact]
    public async Task PollInterval_WhileTheFilesAreWatched_IsTheLongFallback_NotTheConfiguredHalfSecond()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        using var signal = Signal(temp);

        Assert.Equal(StoreChangeSignal.WatchedPollInterval, signal.PollInterval(TimeSpan.FromMilliseconds(500)));
        Assert.Equal(TimeSpan.FromMinutes(1), signal.PollInterval(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Publisher_WithTheSignal_ServesAZoneAnotherProcessImported_LongBeforeItsPollInterval()
    {
        using var temp = await TempStore.CreateMigratedAsync();
        using var signal = Signal(temp);
        var table = new ZoneTable();
        using var publisher = new ZonePublisher(temp.CreateZoneStore(), table, new ZonePublisherOptions { PollInterval = TimeSpan.FromHours(1) },
            TimeProvider.System, NullLogger<ZonePublisher>.Instance, signal);
        await publisher.StartAsync(CancellationToken.None);
        await publisher.InitialLoad.WaitAsync(Bound);

        // Another ZoneStore with its own connections, as the command line would write.
        await temp.CreateZoneStore().ImportAsync(Origin, GeneratedZone.Create(Origin, 10, serial: 4));
        await SecondaryHarness.WaitUntilAsync(() => table.Get(Origin)?.Serial == 4u, Bound, "the imported zone served");

        await publisher.StopAsync(CancellationToken.None);
    }
}
