using System.Buffers.Binary;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>
/// Where domain names sit inside stored (uncompressed) RDATA, for the responder: it writes RDATA straight
/// from a zone's bytes, compressing the names that RFC 3597 §4 allows (the RFC 1035 types only), and
/// reads the targets of NS, MX, SRV, CNAME and DNAME for additional-section processing and chains.
/// </summary>
internal static class RdataNames
{
    /// <summary>Length of the uncompressed name at the start of <paramref name="wire"/>, root label included; 0 when malformed.</summary>
    public static int NameLength(ReadOnlySpan<byte> wire)
    {
        int position = 0;
        while (position < wire.Length)
        {
            int label = wire[position];
            if (label == 0)
                return position + 1;
            if (label > DnsName.MaxLabelLength)
                return 0;
            position += label + 1;
        }
        return 0;
    }

    /// <summary>
    /// Writes RDATA of <paramref name="type"/>; names of NS, MD, MF, CNAME, MB, MG, MR, PTR, MX, SOA and
    /// MINFO are compressed (RFC 1035 §4.1.4), every other type is copied as it is (RFC 3597 §4).
    /// </summary>
    public static void Write(ref DnsWriter writer, RecordType type, scoped ReadOnlySpan<byte> rdata)
    {
        switch (type)
        {
            case RecordType.NS or RecordType.MD or RecordType.MF or RecordType.CNAME or RecordType.MB
                or RecordType.MG or RecordType.MR or RecordType.PTR:
                WriteNames(ref writer, rdata, 1);
                break;
            case RecordType.MX when rdata.Length > 2:
                writer.WriteBytes(rdata[..2]);
                WriteNames(ref writer, rdata[2..], 1);
                break;
            case RecordType.SOA or RecordType.MINFO:
                WriteNames(ref writer, rdata, 2);
                break;
            default:
                writer.WriteBytes(rdata);
                break;
        }
    }

    /// <summary>
    /// The name an additional-section lookup or a chain follows: the NS, CNAME or DNAME target, the MX
    /// exchange, the SRV target. Empty for other types and for the root ("no service", RFC 2782).
    /// </summary>
    public static ReadOnlySpan<byte> Target(RecordType type, ReadOnlySpan<byte> rdata)
    {
        int offset = type switch
        {
            RecordType.NS or RecordType.CNAME or RecordType.DNAME => 0,
            RecordType.MX => 2,
            RecordType.SRV => 6,
            _ => -1,
        };
        if (offset < 0 || rdata.Length <= offset)
            return default;
        var name = rdata[offset..];
        int length = NameLength(name);
        return length <= 1 ? default : name[..length];
    }

    /// <summary>The MINIMUM field of SOA RDATA (its last four octets, RFC 1035 §3.3.13).</summary>
    public static uint SoaMinimum(ReadOnlySpan<byte> rdata) =>
        rdata.Length < 4 ? 0 : BinaryPrimitives.ReadUInt32BigEndian(rdata[^4..]);

    /// <summary>The SERIAL field of SOA RDATA (RFC 1035 §3.3.13).</summary>
    public static uint SoaSerial(ReadOnlySpan<byte> rdata) =>
        rdata.Length < 20 ? 0 : BinaryPrimitives.ReadUInt32BigEndian(rdata[^20..]);

    private static void WriteNames(ref DnsWriter writer, scoped ReadOnlySpan<byte> rdata, int names)
    {
        int position = 0;
        for (int i = 0; i < names; i++)
        {
            int length = NameLength(rdata[position..]);
            if (length == 0)
            {
                writer.WriteBytes(rdata[position..]);
                return;
            }
            writer.WriteName(rdata.Slice(position, length));
            position += length;
        }
        writer.WriteBytes(rdata[position..]);
    }
}
