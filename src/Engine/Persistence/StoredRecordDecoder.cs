using System.Data.Common;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Persistence;

/// <summary>
/// Turns "ZoneRecords" rows (columns Owner, Type, Class, Ttl, Data in that order) back into records. Reuses the
/// owner name of the previous row when the octets repeat, as they do for every RRset and every name with several
/// types. Blobs are read whole with GetFieldValue: Microsoft.Data.Sqlite's GetBytes into a caller's buffer costs
/// far more per call.
/// </summary>
internal sealed class StoredRecordDecoder
{
    private DnsName? _lastOwner;

    /// <summary>Decodes the current row of <paramref name="reader"/>.</summary>
    /// <exception cref="InvalidDataException">The row does not hold a valid record.</exception>
    public DnsRecord Decode(DbDataReader reader)
    {
        var owner = DecodeOwner(reader);
        long type = reader.GetInt64(1), recordClass = reader.GetInt64(2), ttl = reader.GetInt64(3);
        if (type is < 0 or > ushort.MaxValue || recordClass is < 0 or > ushort.MaxValue || ttl is < 0 or > uint.MaxValue)
            throw new InvalidDataException($"a stored record of {owner} has a type, class or TTL out of range");
        var rdata = reader.GetFieldValue<byte[]>(4);
        int length = rdata.Length;
        try
        {
            var wire = new DnsReader(rdata);
            int outer = wire.PushLimit(length);
            var data = RecordData.Read((RecordType)type, ref wire, length);
            wire.PopLimit(outer);
            return new DnsRecord(owner, (DnsClass)recordClass, (uint)ttl, data);
        }
        catch (DnsFormatException e)
        {
            throw new InvalidDataException($"a stored {RecordTypeNames.ToText((RecordType)type)} record of {owner} does not decode: {e.Error}", e);
        }
    }

    private DnsName DecodeOwner(DbDataReader reader)
    {
        var wire = reader.GetFieldValue<byte[]>(0);
        if (_lastOwner is not null && wire.SequenceEqual(_lastOwner.Wire))
            return _lastOwner;
        try
        {
            return _lastOwner = DnsName.FromWire(wire);
        }
        catch (DnsFormatException e)
        {
            throw new InvalidDataException($"a stored owner name does not decode: {e.Error}", e);
        }
    }
}
