using System.Buffers;
using System.Data.Common;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Persistence;

/// <summary>
/// Bulk access to the "ZoneRecords" table with plain ADO.NET: one prepared INSERT executed per record inside
/// the caller's transaction, and a forward-only data reader that decodes rows as they stream in. Tracked
/// entities would cost several times the memory and time for a zone of a million records.
/// </summary>
internal static class ZoneRecordRows
{
    private const string InsertSql =
        """INSERT INTO "ZoneRecords" ("ZoneId", "Owner", "Type", "Class", "Ttl", "Data") VALUES (@zone, @owner, @type, @class, @ttl, @data)""";

    private const string SelectSql =
        """SELECT "Owner", "Type", "Class", "Ttl", "Data" FROM "ZoneRecords" WHERE "ZoneId" = @zone ORDER BY "Id" """;

    private const int CancellationCheckInterval = 4096;

    /// <summary>Inserts <paramref name="records"/> for <paramref name="zoneId"/>, in order; returns how many.</summary>
    public static int Insert(DbConnection connection, DbTransaction transaction, long zoneId, IEnumerable<DnsRecord> records, CancellationToken cancellationToken)
    {
        using var command = StoreCommand.Create(connection, transaction, InsertSql, "zone", "owner", "type", "class", "ttl", "data").With(zoneId);
        var (owner, type, recordClass, ttl, data) = (command.Parameters[1], command.Parameters[2], command.Parameters[3], command.Parameters[4], command.Parameters[5]);
        command.Prepare();
        var buffer = ArrayPool<byte>.Shared.Rent(ushort.MaxValue);
        try
        {
            int count = 0;
            foreach (var record in records)
            {
                if (++count % CancellationCheckInterval == 0)
                    cancellationToken.ThrowIfCancellationRequested();
                owner.Value = record.Name.Wire.ToArray();
                type.Value = (int)record.Type;
                recordClass.Value = (int)record.Class;
                ttl.Value = (long)record.Ttl;
                data.Value = EncodeRdata(record.Data, buffer);
                command.ExecuteNonQuery();
            }
            return count;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Streams the records of <paramref name="zoneId"/> in stored order. Rows that do not decode raise
    /// <see cref="InvalidDataException"/> while enumerating.
    /// </summary>
    public static IEnumerable<DnsRecord> Read(DbConnection connection, DbTransaction? transaction, long zoneId)
    {
        using var command = StoreCommand.Create(connection, transaction, SelectSql, "zone").With(zoneId);
        using var reader = command.ExecuteReader();
        var decoder = new StoredRecordDecoder();
        while (reader.Read())
            yield return decoder.Decode(reader);
    }

    private static byte[] EncodeRdata(RecordData data, byte[] buffer)
    {
        // Uncompressed and with names as given: the stored octets decode on their own (RFC 3597 §4).
        var writer = new DnsWriter(buffer) { CompressionEnabled = false };
        data.WriteRdata(ref writer);
        return writer.Written.ToArray();
    }
}
