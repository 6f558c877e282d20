using System.Data.Common;

namespace SecondaryPortal.Engine.Persistence;

/// <summary>
/// Writes what a refresh of a secondary zone leaves in the store, with plain ADO.NET inside the caller's transaction: the
/// zone's state row, its new transfer log lines (the newest few kept), the serial each primary answered with and, after a
/// transfer, the zone row's serial, size and change version. A small IXFR is stored before it is served, so these rows are
/// on the path of every change, and are written without EF Core's change tracker, whose save would be most of the store's time.
/// Values bind as EF Core binds them (an enum by its name, a time as Microsoft.Data.Sqlite formats a DateTimeOffset), so
/// the portal reads these rows through EF unchanged.
/// </summary>
internal sealed class RefreshOutcomeRows(DbConnection connection, DbTransaction transaction)
{
    private const string ZoneExistsSql = """SELECT 1 FROM "Zones" WHERE "Id" = @zone""";

    private const string UpdateZoneSql =
        """UPDATE "Zones" SET "Serial" = @serial, "RecordCount" = @records, "UpdatedAt" = @at, "Version" = @version WHERE "Id" = @zone""";

    // An upsert, so a zone whose state row went missing gets one again. The operator's requests (refresh, full transfer,
    // pause) are written by the command line and the portal while the engine runs: an existing row keeps them.
    private const string StateSql =
        """
        INSERT INTO "SecondaryZoneStates" ("ZoneId", "Status", "ServedSerial", "SoaRefresh", "SoaRetry", "SoaExpire", "LastCheckAt",
            "LastSuccessAt", "LastTransferAt", "NextRefreshAt", "ExpiresAt", "LastError", "RefreshRequest", "AxfrRequest", "Paused")
        VALUES (@zone, @status, @served, @refresh, @retry, @expire, @check, @success, @transfer, @next, @expires, @error, @refreshRequest,
            @axfrRequest, @paused)
        ON CONFLICT ("ZoneId") DO UPDATE SET "Status" = excluded."Status", "ServedSerial" = excluded."ServedSerial",
            "SoaRefresh" = excluded."SoaRefresh", "SoaRetry" = excluded."SoaRetry", "SoaExpire" = excluded."SoaExpire",
            "LastCheckAt" = excluded."LastCheckAt", "LastSuccessAt" = excluded."LastSuccessAt", "LastTransferAt" = excluded."LastTransferAt",
            "NextRefreshAt" = excluded."NextRefreshAt", "ExpiresAt" = excluded."ExpiresAt", "LastError" = excluded."LastError"
        """;

    private const string LogLineSql =
        """
        INSERT INTO "TransferLog" ("ZoneId", "At", "Primary", "Kind", "Serial", "Records", "Bytes", "DurationMs", "Error", "Added", "Removed", "Changes")
        VALUES (@zone, @at, @primary, @kind, @serial, @records, @bytes, @duration, @error, @added, @removed, @changes)
        """;

    // Keeps the newest @kept lines: deletes every line at or below the one just past them.
    private const string TrimLogSql =
        """
        DELETE FROM "TransferLog" WHERE "ZoneId" = @zone AND "Id" <=
            (SELECT "Id" FROM "TransferLog" WHERE "ZoneId" = @zone ORDER BY "Id" DESC LIMIT 1 OFFSET @kept)
        """;

    private const string PrimarySerialSql = """UPDATE "ZonePrimaries" SET "LastSeenSerial" = @serial, "LastSeenAt" = @at WHERE "Id" = @primary""";

    /// <summary>True when the zone is still in the store (not removed while the refresh ran).</summary>
    public bool ZoneExists(long zoneId)
    {
        using var command = StoreCommand.Create(connection, transaction, ZoneExistsSql, "zone").With(zoneId);
        return command.ExecuteScalar() is not null;
    }

    /// <summary>Records a new copy on the zone row; false when the zone was removed meanwhile.</summary>
    public bool UpdateZone(long zoneId, uint serial, int recordCount, DateTimeOffset updatedAt, long version)
    {
        using var command = StoreCommand.Create(connection, transaction, UpdateZoneSql, "serial", "records", "at", "version", "zone")
            .With((long)serial, recordCount, updatedAt, version, zoneId);
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>
    /// Writes <paramref name="state"/>, appends <paramref name="log"/> (keeping the newest <paramref name="logLimit"/> lines)
    /// and records the serials <paramref name="seen"/> at the primaries.
    /// </summary>
    public void Write(SecondaryZoneState state, IReadOnlyList<TransferLogEntry> log, IReadOnlyList<PrimarySerial> seen, int logLimit)
    {
        using (var command = StoreCommand.Create(connection, transaction, StateSql, "zone", "status", "served", "refresh", "retry", "expire", "check",
            "success", "transfer", "next", "expires", "error", "refreshRequest", "axfrRequest", "paused"))
        {
            command.With(state.ZoneId, state.Status.ToString(), state.ServedSerial, state.SoaRefresh, state.SoaRetry, state.SoaExpire, state.LastCheckAt,
                state.LastSuccessAt, state.LastTransferAt, state.NextRefreshAt, state.ExpiresAt, state.LastError, state.RefreshRequest,
                state.AxfrRequest, state.Paused).ExecuteNonQuery();
        }
        if (log.Count > 0)
            Append(state.ZoneId, log, logLimit);
        if (seen.Count > 0)
        {
            using var command = StoreCommand.Create(connection, transaction, PrimarySerialSql, "serial", "at", "primary");
            foreach (var serial in seen)
                command.With((long)serial.Serial, serial.At, serial.PrimaryId).ExecuteNonQuery();
        }
    }

    private void Append(long zoneId, IReadOnlyList<TransferLogEntry> log, int logLimit)
    {
        using (var command = StoreCommand.Create(connection, transaction, LogLineSql, "zone", "at", "primary", "kind", "serial", "records", "bytes",
            "duration", "error", "added", "removed", "changes"))
        {
            foreach (var line in log)
            {
                command.With(line.ZoneId, line.At, line.Primary, line.Kind.ToString(), line.Serial, line.Records, line.Bytes, line.DurationMs, line.Error,
                    line.Added, line.Removed, line.Changes).ExecuteNonQuery();
            }
        }
        using var trim = StoreCommand.Create(connection, transaction, TrimLogSql, "zone", "kept").With(zoneId, logLimit);
        trim.ExecuteNonQuery();
    }
}
