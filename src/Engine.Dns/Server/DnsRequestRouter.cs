using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Server;

/// <summary>
/// Sends each request to the handler for its opcode: NOTIFY (RFC 1996) to the notify handler when one is
/// configured, everything else to the query handler (which answers unknown opcodes NOTIMP). Reads only
/// the header's opcode and QR bits, so it costs nothing on the query path.
/// </summary>
public sealed class DnsRequestRouter(IDnsRequestHandler queries, IDnsRequestHandler? notifies = null) : IDnsRequestHandler
{
    /// <inheritdoc/>
    public int Handle(ReadOnlySpan<byte> request, Span<byte> response, in DnsRequestContext context)
    {
        if (notifies is not null && request.Length > 2 && (request[2] & 0x80) == 0 && ((request[2] >> 3) & 0xF) == (int)DnsOpcode.Notify)
            return notifies.Handle(request, response, context);
        return queries.Handle(request, response, context);
    }
}
