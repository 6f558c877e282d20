using System.Runtime.CompilerServices;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>
/// Reads a record's RDATA from a message into the uncompressed form a zone stores, without a <see cref="RecordData"/>
/// object, for the types zones are mostly made of: a million-record AXFR is mostly A, AAAA, TXT, NS, CNAME, MX and SRV.
/// The checks are those of the types' decoders (fixed lengths, names, character-strings filling the RDATA); any other
/// type is decoded by <see cref="RecordData.Read"/> and written back, so every type is checked exactly as a decoded
/// message checks it. Names in RDATA are decompressed wherever a pointer appears (RFC 3597 §4: a receiver decompresses
/// the well-known types).
/// </summary>
internal static class UncompressedRdata
{
    /// <summary>The buffer size <see cref="Read"/> needs: the largest RDATA.</summary>
    public const int MaxLength = ushort.MaxValue;

    /// <summary>
    /// Reads <paramref name="length"/> octets of RDATA of <paramref name="type"/> at the reader's position into
    /// <paramref name="destination"/> (at least <see cref="MaxLength"/> octets); returns the uncompressed length, or -1
    /// when that is longer than <see cref="MaxLength"/> (names grown by decompression).
    /// </summary>
    /// <exception cref="DnsFormatException">The RDATA is malformed for its type.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Read(ref DnsReader reader, RecordType type, int length, Span<byte> destination)
    {
        int outer = reader.PushLimit(length);
        int written = type switch
        {
            RecordType.A => Octets(ref reader, 4, destination),
            RecordType.AAAA => Octets(ref reader, 16, destination),
            RecordType.NS or RecordType.CNAME or RecordType.PTR or RecordType.DNAME => reader.ReadName(destination),
            RecordType.MX => FixedThenName(ref reader, 2, destination),
            RecordType.SRV => FixedThenName(ref reader, 6, destination),
            RecordType.SOA => Soa(ref reader, destination),
            RecordType.TXT or RecordType.SPF => CharacterStrings(ref reader, destination),
            _ => Decoded(ref reader, type, length, destination),
        };
        reader.PopLimit(outer);
        return written;
    }

    private static int Octets(ref DnsReader reader, int count, Span<byte> destination)
    {
        reader.ReadBytes(count).CopyTo(destination);
        return count;
    }

    private static int FixedThenName(ref DnsReader reader, int fixedLength, Span<byte> destination)
    {
        reader.ReadBytes(fixedLength).CopyTo(destination);
        return fixedLength + reader.ReadName(destination[fixedLength..]);
    }

    /// <summary>MNAME, RNAME, then serial, refresh, retry, expire and minimum (RFC 1035 §3.3.13).</summary>
    private static int Soa(ref DnsReader reader, Span<byte> destination)
    {
        int written = reader.ReadName(destination);
        written += reader.ReadName(destination[written..]);
        reader.ReadBytes(20).CopyTo(destination[written..]);
        return written + 20;
    }

    /// <summary>One or more &lt;character-string&gt;s filling the RDATA (RFC 1035 §3.3.14).</summary>
    private static int CharacterStrings(ref DnsReader reader, Span<byte> destination)
    {
        int written = 0;
        do
        {
            var text = reader.ReadCharacterString();
            destination[written++] = (byte)text.Length;
            text.CopyTo(destination[written..]);
            written += text.Length;
        }
        while (reader.Remaining > 0);
        return written;
    }

    private static int Decoded(ref DnsReader reader, RecordType type, int length, Span<byte> destination)
    {
        var data = RecordData.Read(type, ref reader, length);
        var writer = new DnsWriter(destination[..MaxLength]) { CompressionEnabled = false };
        data.WriteRdata(ref writer);
        return writer.Overflowed ? -1 : writer.Written.Length;
    }
}
