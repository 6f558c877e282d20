using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.ZoneData;

/// <summary>Appending to an RRset's RDATA array while building, with duplicate detection (RFC 2181 §5).</summary>
internal static class RRsetContent
{
    /// <summary>Appends one RDATA with its length prefix, growing the array by doubling.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Append(ref RRset set, ReadOnlySpan<byte> rdata)
    {
        int needed = set.Length + 2 + rdata.Length;
        if (set.Data is null || needed > set.Data.Length)
            Array.Resize(ref set.Data, Math.Max(needed, (set.Data?.Length ?? 0) * 2));
        BinaryPrimitives.WriteUInt16BigEndian(set.Data.AsSpan(set.Length), (ushort)rdata.Length);
        rdata.CopyTo(set.Data.AsSpan(set.Length + 2));
        set.Length = needed;
        set.Count++;
    }

    /// <summary>
    /// True when the RRset already holds <paramref name="rdata"/> in canonical form (RFC 4034 §6.2: names in
    /// the well-known types compare without case). Octet equality is the fast path; a case-insensitive
    /// match of a type with such names is confirmed by decoding both (rare, build time only).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Contains(in RRset set, ReadOnlySpan<byte> rdata)
    {
        var data = set.Bytes;
        bool namesIgnoreCase = HasCaseInsensitiveNames(set.Type);
        int position = 0;
        while (position + 2 <= data.Length)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(data[position..]);
            var existing = data.Slice(position + 2, length);
            position += 2 + length;
            if (length != rdata.Length)
                continue;
            if (existing.SequenceEqual(rdata))
                return true;
            if (namesIgnoreCase && DnsName.AsciiEqualsIgnoreCase(existing, rdata) && SameCanonical(set.Type, existing, rdata))
                return true;
        }
        return false;
    }

    /// <summary>The types whose RDATA names are lowercased in canonical form (RFC 4034 §6.2, RFC 6840 §5.1).</summary>
    public static bool HasCaseInsensitiveNames(RecordType type) => type is RecordType.NS or RecordType.MD or RecordType.MF
        or RecordType.CNAME or RecordType.SOA or RecordType.MB or RecordType.MG or RecordType.MR or RecordType.PTR
        or RecordType.MINFO or RecordType.MX or RecordType.RP or RecordType.AFSDB or RecordType.RT or RecordType.SIG
        or RecordType.PX or RecordType.NXT or RecordType.NAPTR or RecordType.KX or RecordType.SRV or RecordType.DNAME
        or RecordType.A6 or RecordType.RRSIG;

    private static bool SameCanonical(RecordType type, ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        try
        {
            return Decode(type, left).Equals(Decode(type, right));
        }
        catch (DnsFormatException)
        {
            return false;
        }
    }

    private static RecordData Decode(RecordType type, ReadOnlySpan<byte> rdata)
    {
        var reader = new DnsReader(rdata);
        int outer = reader.PushLimit(rdata.Length);
        var data = RecordData.Read(type, ref reader, rdata.Length);
        reader.PopLimit(outer);
        return data;
    }
}
