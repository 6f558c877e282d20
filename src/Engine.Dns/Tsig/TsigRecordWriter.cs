using System.Buffers.Binary;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tsig;

/// <summary>Appends a TSIG record to a message already in a buffer and counts it in ARCOUNT (RFC 8945 §5.1: it is the last record).</summary>
internal static class TsigRecordWriter
{
    private const int AdditionalCountOffset = 10;

    /// <summary>
    /// Writes the record after <paramref name="length"/> octets of message. False, with nothing counted,
    /// when it does not fit in <paramref name="buffer"/> or ARCOUNT is already 65535.
    /// </summary>
    public static bool TryAppend(Span<byte> buffer, int length, DnsName keyName, DnsName algorithm, ulong timeSigned, ushort fudge,
        ReadOnlySpan<byte> mac, ushort originalId, DnsRcode error, ReadOnlySpan<byte> otherData, out int signedLength)
    {
        signedLength = length;
        ushort additionalCount = BinaryPrimitives.ReadUInt16BigEndian(buffer[AdditionalCountOffset..]);
        if (additionalCount == ushort.MaxValue)
            return false;
        // The owner is written in full: some implementations (Windows, per BIND's comments) reject a compressed TSIG owner.
        var writer = new DnsWriter(buffer) { CompressionEnabled = false, Position = length };
        writer.WriteName(keyName, compress: false);
        writer.WriteUInt16((ushort)RecordType.TSIG);
        writer.WriteUInt16((ushort)DnsClass.ANY);
        writer.WriteUInt32(0);
        int lengthAt = writer.ReserveLength();
        TsigData.WriteFields(ref writer, algorithm, timeSigned, fudge, mac, originalId, error, otherData);
        writer.PatchLength(lengthAt);
        if (writer.Overflowed)
            return false;
        BinaryPrimitives.WriteUInt16BigEndian(buffer[AdditionalCountOffset..], (ushort)(additionalCount + 1));
        signedLength = writer.Position;
        return true;
    }

    /// <summary>Octets the record takes: owner, type, class, TTL, RDLENGTH, then the RDATA fields (RFC 8945 §4.2).</summary>
    public static int Size(DnsName keyName, DnsName algorithm, int macLength, int otherLength) =>
        keyName.WireLength + 10 + algorithm.WireLength + 16 + macLength + otherLength;

    /// <summary>The message ID in the header.</summary>
    public static ushort ReadId(ReadOnlySpan<byte> message) => BinaryPrimitives.ReadUInt16BigEndian(message);
}
