using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Engine.Analytics;

/// <summary>
/// Adds counts to the analytics tables in one transaction: an upsert per row (INSERT ... ON CONFLICT DO UPDATE adds
/// to the stored count, the same statement in SQLite and PostgreSQL), then trims each touched zone-hour and zone-day of top names
/// to the <see cref="AnalyticsOptions.TopNamesKept"/> largest. Trimming merges the per-fold sketches into a bounded
/// per-hour and per-day summary, the way mergeable Space-Saving summaries are combined: a name trimmed away and seen again starts
/// from zero, so a long-tail name's hourly count is a lower bound, a heavy hitter's is kept.
/// </summary>
internal static class AnalyticsStoreWriter
{
    private const string UpsertAggregate = """
        INSERT INTO "QueryAggregates" ("Resolution", "BucketStart", "Zone", "QueryType", "Rcode", "Transport", "IpVersion", "NodeRegion", "ClientRegion", "Count")
        VALUES (@resolution, @bucket, @zone, @type, @rcode, @transport, @ip, @node, @client, @count)
        ON CONFLICT ("Resolution", "BucketStart", "Zone", "QueryType", "Rcode", "Transport", "IpVersion", "NodeRegion", "ClientRegion")
        DO UPDATE SET "Count" = "Count" + excluded."Count"
        """;

    private const string UpsertTopName = """
        INSERT INTO "QueryTopNames" ("Resolution", "BucketStart", "Zone", "NxDomain", "Name", "Count") VALUES (@resolution, @bucket, @zone, @nx, @name, @count)
        ON CONFLICT ("Resolution", "BucketStart", "Zone", "NxDomain", "Name") DO UPDATE SET "Count" = "Count" + excluded."Count"
        """;

    private const string TrimTopNames = """
        DELETE FROM "QueryTopNames" WHERE "Resolution" = @resolution AND "BucketStart" = @bucket AND "Zone" = @zone AND "NxDomain" = @nx AND "Name" NOT IN (
            SELECT "Name" FROM "QueryTopNames" WHERE "Resolution" = @resolution AND "BucketStart" = @bucket AND "Zone" = @zone AND "NxDomain" = @nx
            ORDER BY "Count" DESC, "Name" LIMIT @kept)
        """;

    /// <summary>Adds <paramref name="aggregates"/> and <paramref name="topNames"/> to the store, all or nothing.</summary>
    public static async Task WriteAsync(StoreDbContext context, IReadOnlyDictionary<QueryAggregateKey, long> aggregates,
        IReadOnlyDictionary<QueryTopNameKey, long> topNames, int topNamesKept, CancellationToken cancellationToken)
    {
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await WriteAggregatesAsync(connection, transaction, aggregates, cancellationToken);
        await WriteTopNamesAsync(connection, transaction, topNames, topNamesKept, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task WriteAggregatesAsync(DbConnection connection, DbTransaction transaction,
        IReadOnlyDictionary<QueryAggregateKey, long> aggregates, CancellationToken cancellationToken)
    {
        if (aggregates.Count == 0)
            return;
        await using var command = StoreCommand.Create(connection, transaction, UpsertAggregate,
            "resolution", "bucket", "zone", "type", "rcode", "transport", "ip", "node", "client", "count");
        foreach (var (key, count) in aggregates)
        {
            command.With(key.Resolution, key.BucketStart, key.Zone, key.QueryType, key.Rcode, key.Transport, key.IpVersion,
                key.NodeRegion, key.ClientRegion, count);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task WriteTopNamesAsync(DbConnection connection, DbTransaction transaction,
        IReadOnlyDictionary<QueryTopNameKey, long> topNames, int kept, CancellationToken cancellationToken)
    {
        if (topNames.Count == 0)
            return;
        await using (var upsert = StoreCommand.Create(connection, transaction, UpsertTopName, "resolution", "bucket", "zone", "nx", "name", "count"))
        {
            foreach (var (key, count) in topNames)
            {
                upsert.With(key.Resolution, key.BucketStart, key.Zone, key.NxDomain, key.Name, count);
                await upsert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await using var trim = StoreCommand.Create(connection, transaction, TrimTopNames, "resolution", "bucket", "zone", "nx", "kept");
        foreach (var group in topNames.Keys.Select(key => (key.Resolution, key.BucketStart, key.Zone, key.NxDomain)).Distinct())
        {
            trim.With(group.Resolution, group.BucketStart, group.Zone, group.NxDomain, kept);
            await trim.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
