using System.Buffers;
using System.Data.Common;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Persistence;

/// <summary>
/// Applies an IXFR's changes to a zone's "ZoneRecords" rows in place (RFC 1995 §4): each deleted record removes
/// its row, found through the (ZoneId, Owner) index and matched by class, type and RDATA in canonical form (RFC
/// 4034 §6.2, as ZoneDiff matches), and the SOA row is rewritten. A change of a few records so touches a few rows,
/// whatever the zone's size. Additions go through <see cref="ZoneRecordRows.Insert"/>. Commands are prepared once
/// and reused within the caller's transaction.
/// </summary>
internal sealed class ZoneRecordPatcher : IDisposable
{
    private const string Columns = """ "Owner", "Type", "Class", "Ttl", "Data", "Id" """;
    private readonly DbCommand _byOwner;
    private readonly DbCommand _byType;
    private readonly DbCommand _delete;
    private readonly DbCommand _updateSoa;
    private readonly DbCommand _updateSoaAnyOwner;
    private readonly long _zoneId;

    public ZoneRecordPatcher(DbConnection connection, DbTransaction transaction, long zoneId)
    {
        _zoneId = zoneId;
        _byOwner = Command(connection, transaction,
            $"""SELECT {Columns} FROM "ZoneRecords" WHERE "ZoneId" = @zone AND "Owner" = @owner AND "Type" = @type AND "Class" = @class""",
            "@zone", "@owner", "@type", "@class");
        // The owner's case may differ from the stored octets (RFC 4343): then every row of the type is read once.
        _byType = Command(connection, transaction,
            $"""SELECT {Columns} FROM "ZoneRecords" WHERE "ZoneId" = @zone AND "Type" = @type AND "Class" = @class""",
            "@zone", "@type", "@class");
        _delete = Command(connection, transaction, """DELETE FROM "ZoneRecords" WHERE "Id" = @id""", "@id");
        // Found through the (ZoneId, Owner) index: by type alone, the update would read every row of the zone, on the path
        // of every IXFR. The owner's case may differ from the stored octets (RFC 4343): then by type.
        _updateSoa = Command(connection, transaction,
            """UPDATE "ZoneRecords" SET "Ttl" = @ttl, "Data" = @data WHERE "ZoneId" = @zone AND "Owner" = @owner AND "Type" = 6""",
            "@zone", "@owner", "@ttl", "@data");
        _updateSoaAnyOwner = Command(connection, transaction,
            """UPDATE "ZoneRecords" SET "Owner" = @owner, "Ttl" = @ttl, "Data" = @data WHERE "ZoneId" = @zone AND "Type" = 6""",
            "@zone", "@owner", "@ttl", "@data");
    }

    /// <summary>Deletes the row of <paramref name="record"/>; false when the zone holds no such record (the copy drifted).</summary>
    public bool Delete(DnsRecord record)
    {
        var ids = Find(_byOwner, record, matchOwnerBytes: true);
        if (ids.Count == 0)
            ids = Find(_byType, record, matchOwnerBytes: false);
        foreach (long id in ids)
        {
            _delete.Parameters[0].Value = id;
            _delete.ExecuteNonQuery();
        }
        return ids.Count > 0;
    }

    /// <summary>Rewrites the zone's SOA row with <paramref name="soa"/>; false when the zone has no SOA row.</summary>
    public bool ReplaceSoa(DnsRecord soa)
    {
        byte[] owner = soa.Name.Wire.ToArray(), data = Encode(soa.Data);
        return Update(_updateSoa, owner, soa.Ttl, data) == 1 || Update(_updateSoaAnyOwner, owner, soa.Ttl, data) == 1;
    }

    private int Update(DbCommand command, byte[] owner, uint ttl, byte[] data)
    {
        command.Parameters[0].Value = _zoneId;
        command.Parameters[1].Value = owner;
        command.Parameters[2].Value = (long)ttl;
        command.Parameters[3].Value = data;
        return command.ExecuteNonQuery();
    }

    private List<long> Find(DbCommand command, DnsRecord record, bool matchOwnerBytes)
    {
        command.Parameters[0].Value = _zoneId;
        int next = 1;
        if (matchOwnerBytes)
            command.Parameters[next++].Value = record.Name.Wire.ToArray();
        command.Parameters[next++].Value = (int)record.Type;
        command.Parameters[next].Value = (int)record.Class;
        var ids = new List<long>(1);
        using var reader = command.ExecuteReader();
        var decoder = new StoredRecordDecoder();
        while (reader.Read())
        {
            var stored = decoder.Decode(reader);
            if (stored.Name.Equals(record.Name) && stored.Data.Equals(record.Data))
                ids.Add(reader.GetInt64(5));
        }
        return ids;
    }

    private static byte[] Encode(RecordData data)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ushort.MaxValue);
        try
        {
            var writer = new DnsWriter(buffer) { CompressionEnabled = false };
            data.WriteRdata(ref writer);
            return writer.Written.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = StoreCommand.Create(connection, transaction, sql, parameters);
        command.Prepare();
        return command;
    }

    public void Dispose()
    {
        _byOwner.Dispose();
        _byType.Dispose();
        _delete.Dispose();
        _updateSoa.Dispose();
        _updateSoaAnyOwner.Dispose();
    }
}
