using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Tests.Support;

namespace SecondaryPortal.Engine.Tests.Persistence;

public sealed class PortalAccountsMigrationTests
{
    [Fact]
    public async Task Migrate_FromAStoreHoldingZones_KeepsEveryRow_AndGivesTheNewColumnsTheirDefaults()
    {
        using var store = new TempStore();
        await using (var context = store.CreateContext())
            await context.GetService<IMigrator>().MigrateAsync("20261122020000_PrimaryTransfers");
        using (var connection = store.OpenRawConnection())
        {
            // Raw SQL, as the previous version of the code wrote it: the entities now have columns this schema lacks.
            Execute(connection, """
                INSERT INTO "Zones" ("Id", "Origin", "Kind", "Serial", "RecordCount", "CreatedAt", "UpdatedAt", "Version")
                    VALUES (1, 'kept.example.', 'Secondary', 7, 1, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', 3);
                INSERT INTO "ZoneRecords" ("ZoneId", "Owner", "Type", "Class", "Ttl", "Data") VALUES (1, x'046b65707407', 1, 1, 300, x'c0000201');
                INSERT INTO "TsigKeys" ("Id", "Name", "Algorithm", "ProtectedSecret", "CreatedAt") VALUES (1, 'k.', 'hmac-sha256', 'p', '2026-01-01 00:00:00+00:00');
                INSERT INTO "ZonePrimaries" ("ZoneId", "Order", "Address", "Port", "TsigKeyId") VALUES (1, 0, '192.0.2.1', 53, 1);
                INSERT INTO "SecondaryZoneStates" ("ZoneId", "Status", "ServedSerial", "RefreshRequest") VALUES (1, 'Active', 7, 2);
                INSERT INTO "TransferLog" ("ZoneId", "At", "Primary", "Kind", "Serial", "Records", "Bytes", "DurationMs")
                    VALUES (1, '2026-01-01 00:00:00+00:00', '192.0.2.1:53', 'Axfr', 7, 1, 100, 5);
                """);
        }

        int applied = await store.Migrator.MigrateAsync();

        Assert.Equal(2, applied); // PortalAccounts, then QueryAnalytics
        await using var check = store.CreateContext();
        var zone = await check.Zones.SingleAsync();
        Assert.Equal(("kept.example.", 7L, 3L, false, (string?)null), (zone.Origin, zone.Serial, zone.Version, zone.IsDraft, zone.OwnerId));
        Assert.Equal(1, await check.ZoneRecords.CountAsync());
        Assert.Null((await check.TsigKeys.SingleAsync()).OwnerId);
        Assert.Equal(1L, (await check.ZonePrimaries.SingleAsync()).TsigKeyId);
        var state = await check.SecondaryZoneStates.SingleAsync();
        Assert.Equal((ZoneStatus.Active, 2L, 0L, false), (state.Status, state.RefreshRequest, state.AxfrRequest, state.Paused));
        var line = await check.TransferLog.SingleAsync();
        Assert.Equal((TransferLogKind.Axfr, 1L, 0, 0, (string?)null), (line.Kind, line.Records, line.Added, line.Removed, line.Changes));
        check.SavedPrimaries.Add(new SavedPrimary { Name = "office", Address = "192.0.2.1", Port = 53, TsigKeyId = 1, OwnerId = "user-1" });
        await check.SaveChangesAsync();
        Assert.Equal(1, await check.SavedPrimaries.CountAsync(p => p.OwnerId == "user-1"));
    }

    [Fact]
    public async Task SavedPrimaries_WithTheSameNameForOneOwner_AreRejectedByTheUniqueIndex()
    {
        using var store = await TempStore.CreateMigratedAsync();
        await using var context = store.CreateContext();
        context.SavedPrimaries.Add(new SavedPrimary { OwnerId = "user-1", Name = "office", Address = "192.0.2.1", Port = 53 });
        context.SavedPrimaries.Add(new SavedPrimary { OwnerId = "user-2", Name = "office", Address = "192.0.2.1", Port = 53 });
        await context.SaveChangesAsync();
        context.SavedPrimaries.Add(new SavedPrimary { OwnerId = "user-1", Name = "office", Address = "192.0.2.2", Port = 53 });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.Contains("UNIQUE", error.InnerException?.Message, StringComparison.Ordinal);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
