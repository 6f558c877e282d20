using System.Buffers.Binary;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Server;

/// <summary>
/// Tells zone transfer requests (QUERY opcode, one question of type AXFR or IXFR) from the rest by reading
/// the header and skipping the question's name, without allocating: cheap enough to run on every request
/// that reaches a router or a TCP connection with a stream handler.
/// </summary>
internal static class ZoneTransferFilter
{
    /// <summary>True when <paramref name="request"/> asks for AXFR or IXFR; malformed input gives false.</summary>
    public static bool IsZoneTransfer(ReadOnlySpan<byte> request)
    {
        if (request.Length < DnsHeader.Size + 5 || (request[2] & 0x80) != 0 || ((request[2] >> 3) & 0xF) != (int)DnsOpcode.Query)
            return false;
        if (BinaryPrimitives.ReadUInt16BigEndian(request[4..]) != 1)
            return false;
        int position = DnsHeader.Size;
        while (position < request.Length && request[position] != 0)
        {
            // A question's name is the first in the message: a pointer (or a reserved label type) is malformed.
            if (request[position] > DnsName.MaxLabelLength)
                return false;
            position += request[position] + 1;
        }
        if (position + 5 > request.Length)
            return false; // the root label, QTYPE and QCLASS must all be there
        var type = (RecordType)BinaryPrimitives.ReadUInt16BigEndian(request[(position + 1)..]);
        return type is RecordType.AXFR or RecordType.IXFR;
    }
}
