using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Server;

/// <summary>
/// Sends each request to the handler for it: NOTIFY (RFC 1996) to the notify handler, zone transfer requests
/// (AXFR, IXFR) to the transfer handler and signed SOA queries to the signed query handler when those are
/// configured, everything else to the query handler (which answers unknown opcodes NOTIMP). Reads only the
/// header and the question's type (a SOA query with additional records a little further), so it costs next
/// to nothing on the query path.
/// </summary>
/// <param name="queries">Answers queries and whatever no other handler takes.</param>
/// <param name="notifies">Answers NOTIFY requests, or null to leave them to <paramref name="queries"/>.</param>
/// <param name="transfers">
/// Answers AXFR and IXFR requests that arrive as single messages (over UDP; over TCP when the server has no
/// stream handler), or null to leave them to <paramref name="queries"/>.
/// </param>
/// <param name="signedSoaQueries">
/// Answers SOA queries that carry a TSIG record (a secondary's signed refresh check), or null to leave them to
/// <paramref name="queries"/>, which answers them unsigned.
/// </param>
public sealed class DnsRequestRouter(IDnsRequestHandler queries, IDnsRequestHandler? notifies = null, IDnsRequestHandler? transfers = null,
    IDnsRequestHandler? signedSoaQueries = null) : IDnsRequestHandler
{
    /// <inheritdoc/>
    public int Handle(ReadOnlySpan<byte> request, Span<byte> response, in DnsRequestContext context)
    {
        if (notifies is not null && request.Length > 2 && (request[2] & 0x80) == 0 && ((request[2] >> 3) & 0xF) == (int)DnsOpcode.Notify)
            return notifies.Handle(request, response, context);
        if (transfers is null && signedSoaQueries is null)
            return queries.Handle(request, response, context);
        var type = ZoneTransferFilter.QuestionType(request);
        if (transfers is not null && type is RecordType.AXFR or RecordType.IXFR)
            return transfers.Handle(request, response, context);
        if (signedSoaQueries is not null && type == RecordType.SOA && ZoneTransferFilter.HasTsig(request))
            return signedSoaQueries.Handle(request, response, context);
        return queries.Handle(request, response, context);
    }
}
