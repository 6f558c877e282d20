using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tsig;

/// <summary>
/// Builds the answer to a request whose TSIG failed (RFC 8945 §5.2): the request's header and question
/// with QR set and RCODE NOTAUTH (or FORMERR for an uninterpretable TSIG), nothing else. Sign it with
/// <see cref="TsigSigner.SignResponse"/>, which adds the TSIG §5.3.2 calls for.
/// </summary>
public static class TsigErrorResponse
{
    /// <summary>The error response to <paramref name="request"/>, whose check gave <paramref name="verification"/>.</summary>
    /// <exception cref="ArgumentException">The check did not fail with a TSIG error or FORMERR.</exception>
    public static DnsMessage Create(DnsMessage request, TsigVerification verification)
    {
        if (verification.Status is TsigStatus.Ok or TsigStatus.Unsigned or TsigStatus.PeerError)
            throw new ArgumentException($"a request with status {verification.Status} gets an ordinary answer, not a TSIG error", nameof(verification));
        var response = new DnsMessage
        {
            Id = request.Id,
            Opcode = request.Opcode,
            Flags = DnsHeaderFlags.QR | (request.Flags & DnsHeaderFlags.RD),
            Rcode = verification.ResponseRcode,
            // RFC 6891 §7: a responder that understands EDNS answers an OPT with an OPT.
            Edns = request.Edns is null ? null : new Edns(),
        };
        response.Questions.AddRange(request.Questions);
        return response;
    }
}
