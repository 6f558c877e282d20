using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Transfer;

/// <summary>Builds NOTIFY requests (RFC 1996 §3.7) and the responses a secondary sends back (§4.7).</summary>
public static class NotifyMessage
{
    /// <summary>
    /// A NOTIFY request: opcode NOTIFY, AA set, the question "zone IN SOA", and the zone's SOA in the answer section
    /// when <paramref name="soa"/> is given (a hint of the new serial, RFC 1996 §3.7 and §3.11).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="soa"/> is not a SOA record of <paramref name="zone"/>.</exception>
    public static DnsMessage CreateRequest(DnsName zone, ushort id, DnsRecord? soa = null)
    {
        if (soa is not null && (soa.Data is not SoaData || !soa.Name.Equals(zone)))
            throw new ArgumentException($"the hint must be the SOA record of {zone}", nameof(soa));
        var message = new DnsMessage { Id = id, Opcode = DnsOpcode.Notify, Flags = DnsHeaderFlags.AA };
        message.Questions.Add(new DnsQuestion(zone, RecordType.SOA));
        if (soa is not null)
            message.Answers.Add(soa);
        return message;
    }

    /// <summary>
    /// Writes the response to a NOTIFY read by <see cref="NotifyRequest.TryRead"/> into <paramref name="buffer"/>:
    /// the request's ID, opcode NOTIFY, QR and AA set, its question (case kept) and no records (RFC 1996 §4.7),
    /// with <paramref name="rcode"/> (NOERROR to acknowledge; REFUSED for a zone we do not hold or a sender we do
    /// not accept; NOTIMP for <see cref="NotifyRequestStatus.NotImplemented"/>), and OPT when the request had EDNS.
    /// A signed request is answered signed: pass the result to TsigSigner.TrySignResponse with the request's
    /// verification. Allocates nothing.
    /// </summary>
    /// <param name="query">The request's <see cref="NotifyRequest.Query"/>.</param>
    /// <param name="request">The request's octets.</param>
    /// <param name="buffer">Where the response goes.</param>
    /// <param name="rcode">The response code.</param>
    /// <returns>The response's length, or 0 when <paramref name="buffer"/> is too small for it.</returns>
    public static int WriteResponse(in IncomingQuery query, ReadOnlySpan<byte> request, Span<byte> buffer, DnsRcode rcode)
    {
        var writer = new DnsResponseWriter(buffer, buffer.Length);
        writer.Begin(query, request, DnsHeaderFlags.AA);
        if (writer.Overflowed)
            return 0;
        int length = writer.Finish(rcode, truncated: false);
        return writer.Overflowed ? 0 : length;
    }
}
