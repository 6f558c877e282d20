using System.Buffers.Binary;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Messages;

/// <summary>
/// The parts of a request a responder needs, read without allocating: header, the one question (as
/// offsets into the caller's buffer) and the EDNS parameters. Records in the answer and authority
/// sections (a NOTIFY's SOA, an IXFR's SOA) are checked for well-formedness and skipped.
/// </summary>
public readonly record struct IncomingQuery
{
    /// <summary>The request header.</summary>
    public DnsHeader Header { get; init; }

    /// <summary>Offset of QNAME in the message.</summary>
    public int NameOffset { get; init; }

    /// <summary>Length of QNAME in wire form (never compressed: it is the first name of the message).</summary>
    public int NameLength { get; init; }

    /// <summary>QTYPE.</summary>
    public RecordType Type { get; init; }

    /// <summary>QCLASS.</summary>
    public DnsClass Class { get; init; }

    /// <summary>Offset just past the question, where an answer's records begin.</summary>
    public int QuestionEnd { get; init; }

    /// <summary>True when the request carries an OPT record.</summary>
    public bool HasEdns { get; init; }

    /// <summary>The requester's UDP payload size (512 without EDNS, RFC 6891 §6.2.3 floor of 512).</summary>
    public ushort UdpPayloadSize { get; init; }

    /// <summary>EDNS version requested.</summary>
    public byte EdnsVersion { get; init; }

    /// <summary>The DO bit (RFC 3225).</summary>
    public bool DnssecOk { get; init; }

    /// <summary>Offset of the TSIG record, or -1.</summary>
    public int TsigOffset { get; init; }

    /// <summary>Offset of the EDNS Client Subnet option data (RFC 7871), or -1.</summary>
    public int ClientSubnetOffset { get; init; }

    /// <summary>Length of the EDNS Client Subnet option data.</summary>
    public int ClientSubnetLength { get; init; }

    /// <summary>QNAME in uncompressed wire form, as the client wrote it.</summary>
    public ReadOnlySpan<byte> Name(ReadOnlySpan<byte> message) => message.Slice(NameOffset, NameLength);

    /// <summary>Reads a request. Allocates nothing.</summary>
    public static QueryParseStatus TryRead(ReadOnlySpan<byte> message, out IncomingQuery query)
    {
        query = default;
        if (!DnsHeader.TryRead(message, out var header) || header.IsResponse)
            return QueryParseStatus.Ignore;
        query = new IncomingQuery { Header = header, TsigOffset = -1, ClientSubnetOffset = -1, UdpPayloadSize = 512 };
        if (header.QuestionCount != 1)
            return QueryParseStatus.FormatError;
        int position = DnsHeader.Size;
        if (!TrySkipName(message, ref position, allowPointers: false) || position + 4 > message.Length)
            return QueryParseStatus.FormatError;
        query = query with
        {
            NameOffset = DnsHeader.Size,
            NameLength = position - DnsHeader.Size,
            Type = (RecordType)BinaryPrimitives.ReadUInt16BigEndian(message[position..]),
            Class = (DnsClass)BinaryPrimitives.ReadUInt16BigEndian(message[(position + 2)..]),
            QuestionEnd = position + 4,
        };
        position += 4;
        int recordsBeforeAdditional = header.AnswerCount + header.AuthorityCount;
        for (int i = 0; i < recordsBeforeAdditional; i++)
        {
            if (!TrySkipRecord(message, ref position, out _, out _))
                return QueryParseStatus.FormatError;
        }
        return ReadAdditional(message, position, header.AdditionalCount, ref query);
    }

    private static QueryParseStatus ReadAdditional(ReadOnlySpan<byte> message, int position, int count, ref IncomingQuery query)
    {
        for (int i = 0; i < count; i++)
        {
            int start = position;
            if (!TrySkipRecord(message, ref position, out var type, out int rdataOffset))
                return QueryParseStatus.FormatError;
            if (type == RecordType.OPT)
            {
                // RFC 6891 §6.1.1: one OPT, owned by the root.
                if (query.HasEdns || message[start] != 0)
                    return QueryParseStatus.FormatError;
                ushort size = BinaryPrimitives.ReadUInt16BigEndian(message[(start + 3)..]);
                uint ttl = BinaryPrimitives.ReadUInt32BigEndian(message[(start + 5)..]);
                query = query with
                {
                    HasEdns = true,
                    UdpPayloadSize = Math.Max(size, Edns.MinimumUdpPayloadSize),
                    EdnsVersion = (byte)(ttl >> 16),
                    DnssecOk = (ttl & 0x8000) != 0,
                };
                if (!TryFindClientSubnet(message, rdataOffset, position, ref query))
                    return QueryParseStatus.FormatError;
            }
            else if (type == RecordType.TSIG)
            {
                if (i != count - 1)
                    return QueryParseStatus.FormatError; // RFC 8945 §5.1: TSIG is the last record
                query = query with { TsigOffset = start };
            }
        }
        return position == message.Length ? QueryParseStatus.Ok : QueryParseStatus.FormatError;
    }

    private static bool TryFindClientSubnet(ReadOnlySpan<byte> message, int position, int end, ref IncomingQuery query)
    {
        while (position < end)
        {
            if (position + 4 > end)
                return false;
            ushort code = BinaryPrimitives.ReadUInt16BigEndian(message[position..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(message[(position + 2)..]);
            position += 4;
            if (position + length > end)
                return false;
            if (code == Records.EdnsOption.ClientSubnet)
                query = query with { ClientSubnetOffset = position, ClientSubnetLength = length };
            position += length;
        }
        return true;
    }

    private static bool TrySkipRecord(ReadOnlySpan<byte> message, ref int position, out RecordType type, out int rdataOffset)
    {
        type = default;
        rdataOffset = 0;
        if (!TrySkipName(message, ref position, allowPointers: true) || position + 10 > message.Length)
            return false;
        type = (RecordType)BinaryPrimitives.ReadUInt16BigEndian(message[position..]);
        int length = BinaryPrimitives.ReadUInt16BigEndian(message[(position + 8)..]);
        rdataOffset = position + 10;
        position = rdataOffset + length;
        return position <= message.Length;
    }

    /// <summary>Skips a name, checking label limits; a pointer ends a name and must point backwards.</summary>
    private static bool TrySkipName(ReadOnlySpan<byte> message, ref int position, bool allowPointers)
    {
        int length = 0;
        while (position < message.Length)
        {
            byte lead = message[position];
            if (lead == 0)
            {
                position++;
                return length + 1 <= DnsName.MaxWireLength;
            }
            if ((lead & 0xC0) == 0xC0)
            {
                if (!allowPointers || position + 2 > message.Length)
                    return false;
                int target = BinaryPrimitives.ReadUInt16BigEndian(message[position..]) & 0x3FFF;
                position += 2;
                return target < position - 2 && target >= DnsHeader.Size;
            }
            if (lead > DnsName.MaxLabelLength)
                return false;
            length += lead + 1;
            position += lead + 1;
            if (length > DnsName.MaxWireLength)
                return false;
        }
        return false;
    }
}
