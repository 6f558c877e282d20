using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Outbound;

/// <summary>
/// Writes the one-message answer to a transfer request that is not served: the request's ID and question
/// (when readable) with the error RCODE and no records. A signed request gets the TSIG RFC 8945 §5.3 and
/// §5.3.2 call for: signed when its TSIG verified (REFUSED, NOTAUTH ...), an unsigned TSIG carrying
/// BADKEY or BADSIG, a signed BADTIME; a malformed request gets a plain FORMERR without OPT.
/// </summary>
internal static class TransferErrorResponse
{
    /// <summary>Writes the answer into <paramref name="buffer"/>, at most <paramref name="maxSize"/> octets before the TSIG; returns its length.</summary>
    public static int Write(TransferRequest request, Span<byte> buffer, int maxSize, TsigSigner signer)
    {
        var query = request.Query;
        bool formatError = request.Rcode == DnsRcode.FormErr && request.Tsig is null;
        bool edns = query.HasEdns && !formatError;
        var writer = new DnsResponseWriter(buffer, Math.Min(maxSize, buffer.Length));
        if (request.QuestionReadable)
            writer.Begin(query, request.Bytes, DnsHeaderFlags.None, edns);
        else
            writer.BeginWithoutQuestion(query.Header, edns, DnsHeaderFlags.None);
        int length = writer.Finish(request.Rcode, truncated: false);
        if (request.Tsig is { } verification && signer.TrySignResponse(buffer, length, verification, out int signed))
            return signed;
        return length;
    }
}
