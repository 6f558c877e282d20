using System.Data.Common;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Persistence;

/// <summary>
/// Turns "ZoneRecords" rows (columns Owner, Type, Class, Ttl, Data in that order) back into records. Keeps one
/// RDATA buffer for all rows and reuses the owner name of the previous row when the octets repeat, as they do
/// for every RRset and every name with several types, so a large zone allocates little beyond its records.
/// </summary>
internal sealed class StoredRecordDecoder
{
    private readonly byte[] _buffer = new byte[ushort.MaxValue];
    private DnsName? _lastOwner;

    /// <summary>Decodes the current row of <paramref name="reader"/>.</summary>
    /// <exception cref="InvalidDataException">The row does not hold a valid record.</exception>
    public DnsRecord Decode(DbDataReader reader)
    {
        var owner = DecodeOwner(reader);
        long type = reader.GetInt64(1), recordClass = reader.GetInt64(2), ttl = reader.GetInt64(3);
        if (type is < 0 or > ushort.MaxValue || recordClass is < 0 or > ushort.MaxValue || ttl is < 0 or > uint.MaxValue)
            throw new InvalidDataException($"a stored record of {owner} has a type, class or TTL out of range");
        int length = ReadBlob(reader, 4);
        try
        {
            var wire = new DnsReader(_buffer.AsSpan(0, length));
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
        int length = ReadBlob(reader, 0);
        var wire = _buffer.AsSpan(0, length);
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

    private int ReadBlob(DbDataReader reader, int ordinal)
    {
        long length = reader.GetBytes(ordinal, 0, null, 0, 0);
        if (length > _buffer.Length)
            throw new InvalidDataException("a stored record field is longer than 65,535 octets");
        return (int)reader.GetBytes(ordinal, 0, _buffer, 0, (int)length);
    }
}
