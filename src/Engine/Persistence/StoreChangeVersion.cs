using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace SecondaryPortal.Engine.Persistence;

/// <summary>Reads and advances <see cref="StoreState.ChangeVersion"/> and <see cref="StoreState.ConfigVersion"/> with single statements (SQLite and PostgreSQL syntax alike).</summary>
internal static class StoreChangeVersion
{
    // An upsert, so a fresh database needs no seeded row; RETURNING gives the new value in the same statement.
    private const string AdvanceSql =
        """
        INSERT INTO "StoreState" ("Id", "ChangeVersion") VALUES (1, 1)
        ON CONFLICT ("Id") DO UPDATE SET "ChangeVersion" = "StoreState"."ChangeVersion" + 1
        RETURNING "ChangeVersion"
        """;

    private const string ReadSql = """SELECT "ChangeVersion" FROM "StoreState" WHERE "Id" = 1""";

    private const string AdvanceConfigSql =
        """
        INSERT INTO "StoreState" ("Id", "ChangeVersion", "ConfigVersion") VALUES (1, 0, 1)
        ON CONFLICT ("Id") DO UPDATE SET "ConfigVersion" = "StoreState"."ConfigVersion" + 1
        RETURNING "ConfigVersion"
        """;

    private const string ReadConfigSql = """SELECT "ConfigVersion" FROM "StoreState" WHERE "Id" = 1""";

    /// <summary>Advances the version inside the context's current transaction and returns the new value.</summary>
    public static async Task<long> AdvanceAsync(StoreDbContext context, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(context, AdvanceSql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The current version; 0 when nothing was ever stored.</summary>
    public static async Task<long> ReadAsync(StoreDbContext context, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(context, ReadSql);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Advances <see cref="StoreState.ConfigVersion"/> inside the context's current transaction and returns the new value.</summary>
    public static async Task<long> AdvanceConfigAsync(StoreDbContext context, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(context, AdvanceConfigSql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The current settings version; 0 when nothing was ever changed.</summary>
    public static async Task<long> ReadConfigAsync(StoreDbContext context, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(context, ReadConfigSql);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static DbCommand CreateCommand(StoreDbContext context, string sql) =>
        StoreCommand.Create(context.Database.GetDbConnection(), context.Database.CurrentTransaction?.GetDbTransaction(), sql);
}
