using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Tests.Support;

namespace SecondaryPortal.Engine.Tests.Persistence;

public sealed class StoreMigrationTests
{
    [Fact]
    public async Task Migrate_OnAnEmptyDatabase_CreatesEveryTable()
    {
        using var store = new TempStore();

        int applied = await store.Migrator.MigrateAsync();

        Assert.Equal(5, applied);
        using var connection = store.OpenRawConnection();
        var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        Assert.Equal(["QueryAggregates", "QueryTopNames", "SavedPrimaries", "SecondaryZoneStates", "StoreState", "TransferLog", "TsigKeys", "ZoneJournal", "ZoneNotifyTargets", "ZonePrimaries", "ZoneRecords", "ZoneTransferAcl", "Zones", "__EFMigrationsHistory", "__EFMigrationsLock"], tables);
        var indexes = Query(connection, "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name");
        Assert.Equal(["IX_QueryAggregates_Zone_Resolution_BucketStart", "IX_QueryTopNames_Zone_Resolution_BucketStart", "IX_SavedPrimaries_OwnerId_Name", "IX_SavedPrimaries_TsigKeyId", "IX_TransferLog_ZoneId", "IX_TsigKeys_Name", "IX_TsigKeys_OwnerId", "IX_ZoneJournal_ZoneId", "IX_ZoneNotifyTargets_ZoneId_Address_Port", "IX_ZonePrimaries_TsigKeyId", "IX_ZonePrimaries_ZoneId_Order", "IX_ZoneRecords_ZoneId", "IX_ZoneRecords_ZoneId_Owner", "IX_ZoneTransferAcl_ZoneId_Entry", "IX_Zones_Origin", "IX_Zones_OwnerId"], indexes);
        Assert.Equal(["wal"], Query(connection, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Migrate_OnACurrentDatabase_ChangesNothing()
    {
        using var store = new TempStore();
        await store.Migrator.MigrateAsync();
        await using (var context = store.CreateContext())
        {
            context.Zones.Add(NewZone("example.com."));
            await context.SaveChangesAsync();
        }
        string schemaBefore = Schema(store);

        int applied = await store.Migrator.MigrateAsync();

        Assert.Equal(0, applied);
        Assert.Equal(schemaBefore, Schema(store));
        await using var check = store.CreateContext();
        Assert.Equal(["example.com."], await check.Zones.Select(z => z.Origin).ToListAsync());
        Assert.Equal(["20261122000000_InitialStore", "20261122010000_SecondaryZones", "20261122020000_PrimaryTransfers", "20261204000000_PortalAccounts", "20261204100000_QueryAnalytics"], await check.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Snapshot_MatchesTheModelOfTheEntityConfigurations()
    {
        using var store = new TempStore();
        await using var context = store.CreateContext();
        var differ = context.GetService<IMigrationsModelDiffer>();
        var snapshot = context.GetService<IMigrationsAssembly>().ModelSnapshot;
        Assert.NotNull(snapshot);
        var initializer = context.GetService<IModelRuntimeInitializer>();
        var snapshotModel = initializer.Initialize(snapshot.Model, designTime: true, validationLogger: null);
        var currentModel = context.GetService<IDesignTimeModel>().Model;

        var differences = differ.GetDifferences(snapshotModel.GetRelationalModel(), currentModel.GetRelationalModel());

        Assert.True(differences.Count == 0, "the snapshot differs from the model: " + string.Join(", ", differences.Select(Describe)));
        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Migrations_CreateTheSameSchemaAsTheModel()
    {
        // The migrations are written by hand: the schema they build must be the one EF would create from the model.
        using var migrated = new TempStore();
        await migrated.Migrator.MigrateAsync();
        using var fromModel = new TempStore();
        await using (var context = fromModel.CreateContext())
        {
            string script = context.Database.GenerateCreateScript();
            await context.Database.OpenConnectionAsync();
            await context.Database.ExecuteSqlRawAsync(script);
        }

        // The analytics tables are WITHOUT ROWID on purpose (a storage choice the model cannot express); the rest must match.
        Assert.Equal(Schema(fromModel), Schema(migrated).Replace(") WITHOUT ROWID", ")", StringComparison.Ordinal));
        Assert.Equal(2, Schema(migrated).Split('\n').Count(sql => sql.EndsWith(") WITHOUT ROWID", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Zones_WithTheSameOriginTwice_AreRejectedByTheUniqueIndex()
    {
        using var store = new TempStore();
        await store.Migrator.MigrateAsync();
        await using var context = store.CreateContext();
        context.Zones.Add(NewZone("example.com."));
        context.Zones.Add(NewZone("example.com."));

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.Contains("UNIQUE", error.InnerException?.Message, StringComparison.Ordinal);
    }

    private static Zone NewZone(string origin) => new()
    {
        Origin = origin,
        Kind = ZoneKind.Authoritative,
        Serial = 1,
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    private static string Describe(MigrationOperation operation) =>
        operation.GetType().Name + "(" + string.Join(" ", operation.GetType().GetProperties()
            .Where(p => p.Name is "Table" or "Name" or "Columns")
            .Select(p => p.GetValue(operation) is string[] columns ? string.Join("+", columns) : p.GetValue(operation))) + ")";

    /// <summary>The schema without EF's history table, one normalised statement per line.</summary>
    private static string Schema(TempStore store)
    {
        using var connection = store.OpenRawConnection();
        var statements = Query(connection, "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE '__EF%' ORDER BY name");
        // SQLite keeps the text of ALTER TABLE ... ADD as written ("NOT NULL , ..."): spaces before a comma or a closing parenthesis are not schema.
        return string.Join("\n", statements.Select(sql => string.Join(" ", sql.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).Replace(" ,", ",", StringComparison.Ordinal).Replace(" )", ")", StringComparison.Ordinal)));
    }

    private static List<string> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(reader.GetString(0));
        return rows;
    }
}
