using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Tests.Support;

namespace SecondaryPortal.Engine.Tests.Outbound;

public sealed class PrimaryTransfersMigrationTests
{
    [Fact]
    public async Task Migrate_FromTheInitialStore_AddsTheTransferTables_AndKeepsTheZones()
    {
        using var store = new TempStore();
        await using (var context = store.CreateContext())
        {
            await context.GetService<IMigrator>().MigrateAsync("20261122000000_InitialStore");
            // Raw SQL: the entity has columns of later migrations that this schema lacks.
            await context.Database.ExecuteSqlRawAsync(
                """INSERT INTO "Zones" ("Origin", "Kind", "Serial", "RecordCount", "CreatedAt", "UpdatedAt", "Version") VALUES ('kept.example.', 'Authoritative', 1, 0, '1970-01-01 00:00:00+00:00', '1970-01-01 00:00:00+00:00', 1)""");
        }

        int applied = await store.Migrator.MigrateAsync();

        Assert.Equal(4, applied); // SecondaryZones, PrimaryTransfers, PortalAccounts, then QueryAnalytics
        await using var check = store.CreateContext();
        var zone = await check.Zones.SingleAsync();
        check.ZoneTransferAcl.Add(new ZoneTransferAclEntry { ZoneId = zone.Id, Entry = "192.0.2.0/24" });
        check.ZoneNotifyTargets.Add(new ZoneNotifyTarget { ZoneId = zone.Id, Address = "192.0.2.1", Port = 53 });
        check.ZoneJournal.Add(new ZoneJournalEntry { ZoneId = zone.Id, FromSerial = 1, ToSerial = 2, Data = [1], Size = 1, CreatedAt = DateTimeOffset.UnixEpoch });
        await check.SaveChangesAsync();
        check.Zones.Remove(zone);
        await check.SaveChangesAsync();
        Assert.Equal((0, 0, 0), (await check.ZoneTransferAcl.CountAsync(), await check.ZoneNotifyTargets.CountAsync(), await check.ZoneJournal.CountAsync()));
    }

    [Fact]
    public async Task AclEntries_AreUniquePerZone()
    {
        using var store = await TempStore.CreateMigratedAsync();
        await using var context = store.CreateContext();
        var zone = new Zone { Origin = "unique.example.", Kind = ZoneKind.Authoritative, CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch };
        context.Zones.Add(zone);
        await context.SaveChangesAsync();
        context.ZoneTransferAcl.Add(new ZoneTransferAclEntry { ZoneId = zone.Id, Entry = "key:a.example." });
        context.ZoneTransferAcl.Add(new ZoneTransferAclEntry { ZoneId = zone.Id, Entry = "key:a.example." });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.Contains("UNIQUE", error.InnerException?.Message, StringComparison.Ordinal);
    }
}
