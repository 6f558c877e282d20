using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace SecondaryPortal.Engine.Persistence;

/// <summary>
/// Starts a read-only transaction: every statement in it sees the same committed state (a zone row and its
/// records always match). On SQLite it is a deferred transaction, which takes no lock until it writes, so a
/// long read (loading a million records) never blocks an import; EF's default there is BEGIN IMMEDIATE,
/// which would hold the write lock for the whole read.
/// </summary>
internal static class StoreReadTransaction
{
    /// <summary>Begins the transaction on <paramref name="context"/>'s connection and enlists the context in it.</summary>
    public static async Task<DbTransaction> BeginAsync(StoreDbContext context, CancellationToken cancellationToken)
    {
        await context.Database.OpenConnectionAsync(cancellationToken);
        var connection = context.Database.GetDbConnection();
        var transaction = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(cancellationToken);
        await context.Database.UseTransactionAsync(transaction, cancellationToken);
        return transaction;
    }
}
