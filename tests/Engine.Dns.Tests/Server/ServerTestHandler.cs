using System.Buffers.Binary;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Server;

/// <summary>
/// A small, allocation-free handler: answers any well-formed query with one A record whose owner is
/// the question (a pointer to it), 192.0.2.1 over UDP and 192.0.2.2 over TCP so tests see the transport;
/// FORMERR for a malformed request with a readable header; silence for QTYPE NULL; throws for QTYPE TXT.
/// </summary>
internal sealed class ServerTestHandler : IDnsRequestHandler
{
    public static readonly byte[] UdpAddress = [192, 0, 2, 1];
    public static readonly byte[] TcpAddress = [192, 0, 2, 2];

    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>GC.GetAllocatedBytesForCurrentThread at the start of the latest call (the serving thread's running total).</summary>
    public long LastThreadAllocated { get; private set; }

    /// <summary>Managed thread of the latest call.</summary>
    public int LastThreadId { get; private set; }

    public int Handle(ReadOnlySpan<byte> request, Span<byte> response, in DnsRequestContext context)
    {
        LastThreadAllocated = GC.GetAllocatedBytesForCurrentThread();
        LastThreadId = Environment.CurrentManagedThreadId;
        Interlocked.Increment(ref _calls);
        var status = IncomingQuery.TryRead(request, out var query);
        if (status == QueryParseStatus.Ignore)
            return 0;
        if (status == QueryParseStatus.FormatError)
            return WriteFormatError(request, response);
        if (query.Type == RecordType.NULL)
            return 0;
        if (query.Type == RecordType.TXT)
            throw new InvalidOperationException("the test handler fails on TXT");
        return WriteAnswer(request, query, response, context.Transport == DnsTransport.Udp ? UdpAddress : TcpAddress);
    }

    /// <summary>The request's header with QR set, RCODE FORMERR and no records.</summary>
    public static int WriteFormatError(ReadOnlySpan<byte> request, Span<byte> response)
    {
        if (request.Length < DnsHeader.Size)
            return 0;
        request[..4].CopyTo(response);
        response[2] = (byte)(response[2] | 0x80);                 // QR
        response[3] = (byte)((response[3] & 0xF0) | 1);           // RCODE 1, FORMERR
        response.Slice(4, 8).Clear();                             // no records
        return DnsHeader.Size;
    }

    /// <summary>The request's header and question with QR and AA set, and one A record for the question name.</summary>
    public static int WriteAnswer(ReadOnlySpan<byte> request, in IncomingQuery query, Span<byte> response, byte[] address)
    {
        int length = query.QuestionEnd;
        request[..length].CopyTo(response);
        response[2] = (byte)(response[2] | 0x84);                 // QR, AA
        response[3] &= 0xF0;                                      // RCODE 0
        BinaryPrimitives.WriteUInt16BigEndian(response[6..], 1);  // ANCOUNT
        response.Slice(8, 4).Clear();                             // NSCOUNT, ARCOUNT
        ReadOnlySpan<byte> record =
        [
            0xC0, 0x0C,             // owner: pointer to the question name
            0x00, 0x01,             // TYPE A
            0x00, 0x01,             // CLASS IN
            0x00, 0x00, 0x01, 0x2C, // TTL 300
            0x00, 0x04,             // RDLENGTH
        ];
        record.CopyTo(response[length..]);
        address.CopyTo(response[(length + record.Length)..]);
        return length + record.Length + address.Length;
    }
}
