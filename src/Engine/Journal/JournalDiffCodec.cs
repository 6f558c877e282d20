using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Engine.Journal;

/// <summary>
/// The stored form of a journal entry: a version octet (1), then, Brotli-compressed, the counts of deleted and
/// added records (two 32-bit values) followed by the old SOA, the new SOA, the deleted and the added records,
/// each in uncompressed wire form (RFC 1035 §4.1.3, names as given). Wire form decodes with the same codecs as a
/// transfer; Brotli takes out the repeated owner suffixes that name compression would have.
/// </summary>
internal static class JournalDiffCodec
{
    private const byte Version = 1;

    /// <summary>The diff's stored form.</summary>
    public static byte[] Encode(ZoneDiff diff)
    {
        using var output = new MemoryStream();
        output.WriteByte(Version);
        using (var brotli = new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            Span<byte> counts = stackalloc byte[8];
            BinaryPrimitives.WriteInt32BigEndian(counts, diff.Deleted.Count);
            BinaryPrimitives.WriteInt32BigEndian(counts[4..], diff.Added.Count);
            brotli.Write(counts);
            var buffer = ArrayPool<byte>.Shared.Rent(DnsName.MaxWireLength + 10 + ushort.MaxValue);
            try
            {
                foreach (var record in diff.Deleted.Prepend(diff.NewSoa).Prepend(diff.OldSoa).Concat(diff.Added))
                    brotli.Write(Write(record, buffer));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        return output.ToArray();
    }

    /// <summary>Reads a stored diff back.</summary>
    /// <exception cref="InvalidDataException">The octets are not a diff this codec wrote.</exception>
    public static ZoneDiff Decode(byte[] data)
    {
        if (data.Length < 1 || data[0] != Version)
            throw new InvalidDataException("the journal entry has an unknown format version");
        byte[] plain;
        using (var input = new MemoryStream(data, 1, data.Length - 1))
        using (var brotli = new BrotliStream(input, CompressionMode.Decompress))
        using (var output = new MemoryStream())
        {
            brotli.CopyTo(output);
            plain = output.ToArray();
        }
        try
        {
            var reader = new DnsReader(plain);
            int deleted = checked((int)reader.ReadUInt32()), added = checked((int)reader.ReadUInt32());
            var oldSoa = DnsRecord.Read(ref reader);
            var newSoa = DnsRecord.Read(ref reader);
            var deletedRecords = ReadRecords(ref reader, deleted);
            var addedRecords = ReadRecords(ref reader, added);
            if (reader.Remaining != 0)
                throw new InvalidDataException("the journal entry has octets after its last record");
            return new ZoneDiff(oldSoa, newSoa, deletedRecords, addedRecords);
        }
        catch (Exception e) when (e is DnsFormatException or OverflowException or ArgumentException)
        {
            throw new InvalidDataException($"the journal entry does not decode: {e.Message}", e);
        }
    }

    private static List<DnsRecord> ReadRecords(ref DnsReader reader, int count)
    {
        var records = new List<DnsRecord>(Math.Min(count, 4096));
        for (int i = 0; i < count; i++)
            records.Add(DnsRecord.Read(ref reader));
        return records;
    }

    private static ReadOnlySpan<byte> Write(DnsRecord record, byte[] buffer)
    {
        var writer = new DnsWriter(buffer) { CompressionEnabled = false };
        record.Write(ref writer);
        if (writer.Overflowed)
            throw new InvalidOperationException($"the record {record.Name} {RecordTypeNames.ToText(record.Type)} is too long to journal");
        return buffer.AsSpan(0, writer.Position);
    }
}
