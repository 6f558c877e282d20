using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace SecondaryPortal.Engine.Persistence;

/// <summary>
/// Brings the database to the latest schema with the versioned migrations (Database.Migrate): creates it
/// when empty, applies only what is missing otherwise, and does nothing when it is current. Every process
/// that opens the store (the server, each command-line verb) runs it first; EF serialises concurrent runs.
/// </summary>
public sealed partial class StoreMigrator(IDbContextFactory<StoreDbContext> contextFactory, ILogger<StoreMigrator> logger)
{
    /// <summary>Applies the migrations the database lacks; returns how many.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (context.Database.IsSqlite())
        {
            // Write-ahead logging: readers (the publisher, the portal) see the last committed zone and never
            // block a writer such as an import from the command line. The mode is stored in the file.
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
            return 0;
        await context.Database.MigrateAsync(cancellationToken);
        LogMigrated(pending.Count, pending[^1]);
        return pending.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Store schema migrated: {Count} migration(s) applied, now at {Migration}")]
    private partial void LogMigrated(int count, string migration);
}
