using System.Buffers.Binary;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Server;

/// <summary>
/// Tells zone transfer requests (QUERY opcode, one question of type AXFR or IXFR), and signed SOA queries,
/// from the rest by reading the header and skipping the question's name, without allocating: cheap enough
/// to run on every request that reaches a router or a TCP connection with a stream handler.
/// </summary>
internal static class ZoneTransferFilter
{
    /// <summary>True when <paramref name="request"/> asks for AXFR or IXFR; malformed input gives false.</summary>
    public static bool IsZoneTransfer(ReadOnlySpan<byte> request)
    {
        var type = QuestionType(request);
        return type is RecordType.AXFR or RecordType.IXFR;
    }

    /// <summary>
    /// True when <paramref name="request"/> is a SOA query carrying a TSIG record: the check a secondary makes
    /// before a transfer (RFC 1034 §4.3.5), signed when it shares a key with us. Only SOA queries with
    /// additional records are read further, so other queries pay for the question alone.
    /// </summary>
    public static bool IsSignedSoaQuery(ReadOnlySpan<byte> request) => QuestionType(request) == RecordType.SOA && HasTsig(request);

    /// <summary>True when a request (whose question was read by <see cref="QuestionType"/>) is well formed and ends with a TSIG record.</summary>
    public static bool HasTsig(ReadOnlySpan<byte> request) =>
        BinaryPrimitives.ReadUInt16BigEndian(request[10..]) > 0
        && IncomingQuery.TryRead(request, out var query) == QueryParseStatus.Ok && query.TsigOffset >= 0;

    /// <summary>The QTYPE of a QUERY request with one question, or 0 (malformed input included).</summary>
    public static RecordType QuestionType(ReadOnlySpan<byte> request)
    {
        if (request.Length < DnsHeader.Size + 5 || (request[2] & 0x80) != 0 || ((request[2] >> 3) & 0xF) != (int)DnsOpcode.Query)
            return 0;
        if (BinaryPrimitives.ReadUInt16BigEndian(request[4..]) != 1)
            return 0;
        int position = DnsHeader.Size;
        while (position < request.Length && request[position] != 0)
        {
            // A question's name is the first in the message: a pointer (or a reserved label type) is malformed.
            if (request[position] > DnsName.MaxLabelLength)
                return 0;
            position += request[position] + 1;
        }
        if (position + 5 > request.Length)
            return 0; // the root label, QTYPE and QCLASS must all be there
        return (RecordType)BinaryPrimitives.ReadUInt16BigEndian(request[(position + 1)..]);
    }
}
