using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SecondaryPortal.Engine.Persistence;

/// <summary>
/// Sets <c>synchronous = NORMAL</c> on every SQLite connection the store opens. In write-ahead-log mode (set by
/// <see cref="StoreMigrator"/>) that is still safe against corruption; a commit just no longer waits for the disk, only
/// checkpoints do, so storing a transferred change costs well under a millisecond instead of an fsync (SQLite's
/// "WAL mode, synchronous NORMAL" recommendation). A power cut may lose the last commits; the transfer engine then
/// transfers them again from the primary.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
    }
}
