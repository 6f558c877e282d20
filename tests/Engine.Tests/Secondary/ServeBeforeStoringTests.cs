using System.Net;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Events;
using SecondaryPortal.Engine.Tests.Support;
using Xunit.Abstractions;

namespace SecondaryPortal.Engine.Tests.Secondary;

/// <summary>
/// A transfer at least <see cref="TransferOptions.ServeBeforeStoringRows"/> rows large is served as soon as it is checked,
/// and stored behind; a smaller one is stored, then served. Seen by holding the store's write lock from another
/// connection while the transfer lands. Every transfer that follows one still being stored is served at once too, and
/// stored after it, in order.
/// </summary>
public sealed class ServeBeforeStoringTests(ITestOutputHelper output)
{
    private static readonly DnsName Origin = DnsName.Parse("early.example.");
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task LargeTransfer_WhileTheStoreIsLocked_IsServedAtOnce_AndStoredWhenTheLockGoes()
    {
        var (primary, harness) = await SerialOneStoredAsync(serveBeforeStoringRows: 10);
        await using var primaryStops = primary;
        await using var harnessStops = harness;

        using (var writeLock = harness.Temp.OpenRawConnection())
        {
            Execute(writeLock, "BEGIN IMMEDIATE");
            await harness.SendNotifyAsync(Origin);
            await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) == 2u, Bound, "serial 2 served while the store is locked");

            var answer = await harness.QueryAsync("host7.early.example.", RecordType.A);
            Assert.Equal(IPAddress.Parse("192.0.2.2"), Assert.IsType<AData>(Assert.Single(answer.Answers).Data).Address);
            Assert.True(Storing(harness), "the transfer is still being stored");
            Execute(writeLock, "ROLLBACK");
        }
        await SecondaryHarness.WaitUntilAsync(() => !Busy(harness), Bound, "the transfer stored");

        Assert.Equal(2u, (await harness.Store.LoadAsync(Origin)).Snapshot!.Serial);
        Assert.Equal(2, (await harness.StoredStateAsync(Origin))!.ServedSerial);
    }

    [Fact]
    public async Task ChangeArrivingWhileALargeTransferIsStored_IsServedAtOnce_AndStoredAfterIt()
    {
        var (primary, harness) = await SerialOneStoredAsync(serveBeforeStoringRows: 10);
        await using var primaryStops = primary;
        await using var harnessStops = harness;
        primary.ServeIxfr = true;

        using (var writeLock = harness.Temp.OpenRawConnection())
        {
            Execute(writeLock, "BEGIN IMMEDIATE");
            await harness.SendNotifyAsync(Origin);
            await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) == 2u, Bound, "serial 2 served while the store is locked");
            // One record changes at the primary: a one-row IXFR, which on its own would be stored before it is served.
            primary.SetZone(Origin, 3, [.. SecondaryZoneFlowTests.Hosts(Origin, 19, "192.0.2.2"), .. SecondaryZoneFlowTests.Hosts(Origin, 20, "192.0.2.3").Skip(19)]);
            await harness.SendNotifyAsync(Origin);
            await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) == 3u, Bound, "serial 3 served while serial 2 waits to be stored");

            var answer = await harness.QueryAsync("host19.early.example.", RecordType.A);
            Assert.Equal(IPAddress.Parse("192.0.2.3"), Assert.IsType<AData>(Assert.Single(answer.Answers).Data).Address);
            Assert.Equal(1u, (await harness.Store.LoadAsync(Origin)).Snapshot!.Serial);
            Execute(writeLock, "ROLLBACK");
        }
        await SecondaryHarness.WaitUntilAsync(() => !Busy(harness), Bound, "both transfers stored");

        var stored = (await harness.Store.LoadAsync(Origin)).Snapshot!;
        Assert.Equal(3u, stored.Serial);
        Assert.Equal(harness.Table.Get(Origin)!.Records().Select(r => r.ToString()), stored.Records().Select(r => r.ToString()));
        Assert.Equal(3, (await harness.StoredStateAsync(Origin))!.ServedSerial);
        Assert.Equal(3u, harness.ServedSerial(Origin)); // the publisher's polls never put the older stored copy back
    }

    [Fact]
    public async Task SmallTransfer_WhileTheStoreIsLocked_IsNotServedBeforeItIsStored()
    {
        var (primary, harness) = await SerialOneStoredAsync(serveBeforeStoringRows: 1000);
        await using var primaryStops = primary;
        await using var harnessStops = harness;

        using (var writeLock = harness.Temp.OpenRawConnection())
        {
            Execute(writeLock, "BEGIN IMMEDIATE");
            await harness.SendNotifyAsync(Origin);
            await SecondaryHarness.WaitUntilAsync(() => primary.Transfers >= 2, Bound, "the second transfer");
            // The transfer is received and waits on the lock to be stored: what is served is still serial 1.
            Assert.Equal(1u, harness.ServedSerial(Origin));
            Execute(writeLock, "ROLLBACK");
        }
        await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) == 2u && !Busy(harness), Bound, "serial 2 stored and served");

        Assert.Equal(2u, (await harness.Store.LoadAsync(Origin)).Snapshot!.Serial);
    }

    /// <summary>A 22-record zone transferred and stored at serial 1, with serial 2 waiting at its primary.</summary>
    private async Task<(MiniPrimary Primary, SecondaryHarness Harness)> SerialOneStoredAsync(int serveBeforeStoringRows)
    {
        var primary = MiniPrimary.Start(Origin, 1, SecondaryZoneFlowTests.Hosts(Origin, 20, "192.0.2.1"));
        SecondaryHarness? harness = null;
        try
        {
            harness = await SecondaryHarness.StartAsync(options: new TransferOptions { ServeBeforeStoringRows = serveBeforeStoringRows }, output: output);
            await harness.AddZoneAsync(Origin, primary.EndPoint);
            await SecondaryHarness.WaitUntilAsync(() => harness.ServedSerial(Origin) == 1u && !Busy(harness), Bound, "serial 1 served and stored");
            primary.SetZone(Origin, 2, SecondaryZoneFlowTests.Hosts(Origin, 20, "192.0.2.2"));
            return (primary, harness);
        }
        catch
        {
            if (harness is not null)
                await harness.DisposeAsync();
            await primary.DisposeAsync();
            throw;
        }
    }

    /// <summary>True while the zone's loop handles an event or a write of the zone waits in its store queue.</summary>
    private static bool Busy(SecondaryHarness harness) => !harness.Engine.TryGetZone(Origin, out var loop) || loop.IsBusy || loop.Zone.Stores.IsBusy;

    private static bool Storing(SecondaryHarness harness) => harness.Engine.TryGetZone(Origin, out var loop) && loop.Zone.Stores.IsBusy;

    private static void Execute(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
