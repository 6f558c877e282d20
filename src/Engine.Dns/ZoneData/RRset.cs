using System.Buffers.Binary;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.ZoneData;

/// <summary>
/// One RRset of a zone node, stored compactly: type, one TTL (RFC 2181 §5.2), the record count and one
/// array holding every RDATA uncompressed, each preceded by its 16-bit length. RRSIGs are kept as one
/// RRset per covered type, the way they are served (RFC 4035 §3.1.1).
/// </summary>
internal struct RRset
{
    /// <summary>[length][RDATA] repeated <see cref="Count"/> times; while building, only <see cref="Length"/> octets are used.</summary>
    public byte[] Data;

    /// <summary>The RRset's TTL.</summary>
    public uint Ttl;

    /// <summary>The record type.</summary>
    public RecordType Type;

    /// <summary>For RRSIG: the type covered; otherwise 0.</summary>
    public RecordType Covered;

    /// <summary>Number of records.</summary>
    public int Count;

    /// <summary>Octets of <see cref="Data"/> in use.</summary>
    public int Length;

    /// <summary>The stored RDATA sequence.</summary>
    public readonly ReadOnlySpan<byte> Bytes => Data.AsSpan(0, Length);

    /// <summary>The RDATA of the first record (for singletons: SOA, CNAME, DNAME).</summary>
    public readonly ReadOnlySpan<byte> FirstRdata =>
        Length < 2 ? default : Data.AsSpan(2, BinaryPrimitives.ReadUInt16BigEndian(Data));
}
