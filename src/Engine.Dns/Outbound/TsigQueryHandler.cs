using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Outbound;

/// <summary>
/// Answers signed queries, such as the SOA check a secondary signs before a transfer (BIND does; RFC 8945
/// §5.1 lets any request be signed): checks the TSIG against the known keys (RFC 8945 §5.2), lets the inner
/// handler answer, and signs the answer (§5.3), keeping room for the TSIG within the client's payload size.
/// A TSIG that does not verify gets the error answer §5.3.2 calls for (NOTAUTH with BADKEY, BADSIG or
/// BADTIME; FORMERR for one that cannot be read); an unsigned query goes to the inner handler untouched.
/// </summary>
public sealed class TsigQueryHandler : IDnsRequestHandler
{
    private readonly IDnsRequestHandler _inner;
    private readonly ITsigKeyLookup _keys;
    private readonly TsigVerifier _verifier;
    private readonly TsigSigner _signer;

    /// <summary>A handler signing the answers of <paramref name="inner"/> with the keys of <paramref name="keys"/>.</summary>
    public TsigQueryHandler(IDnsRequestHandler inner, ITsigKeyLookup keys, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _inner = inner;
        _keys = keys;
        _verifier = new TsigVerifier(timeProvider);
        _signer = new TsigSigner(timeProvider);
    }

    /// <inheritdoc/>
    public int Handle(ReadOnlySpan<byte> request, Span<byte> response, in DnsRequestContext context)
    {
        if (IncomingQuery.TryRead(request, out var query) != QueryParseStatus.Ok || query.TsigOffset < 0
            || !DnsMessage.TryParse(request, out var message, out _))
            return _inner.Handle(request, response, context);
        var verification = _verifier.VerifyRequest(request, message, _keys.Keyring);
        if (!verification.IsOk)
            return WriteError(query, request, response, verification);
        var key = verification.Key!;
        int limit = Math.Min(response.Length, context.Transport == DnsTransport.Udp ? UdpLimit(query) : ushort.MaxValue);
        int room = limit - TsigRecordWriter.Size(key.Name, key.Algorithm.Name, key.MacSize, 0);
        int length = _inner.Handle(request, response[..room], context);
        if (length <= 0)
            return length;
        return _signer.TrySignResponse(response[..limit], length, verification, out int signed) ? signed : length;
    }

    private int WriteError(in IncomingQuery query, ReadOnlySpan<byte> request, Span<byte> response, TsigVerification verification)
    {
        bool formatError = verification.Status == TsigStatus.FormErr;
        var writer = new DnsResponseWriter(response, Math.Min(response.Length, ushort.MaxValue));
        writer.Begin(query, request, DnsHeaderFlags.None, query.HasEdns && !formatError);
        int length = writer.Finish(verification.ResponseRcode, truncated: false);
        return _signer.TrySignResponse(response, length, verification, out int signed) ? signed : length;
    }

    /// <summary>The client's EDNS payload size, or 512 without EDNS (RFC 6891 §6.2.3).</summary>
    private static int UdpLimit(in IncomingQuery query) => query.HasEdns ? Math.Max((int)query.UdpPayloadSize, Edns.MinimumUdpPayloadSize) : Edns.MinimumUdpPayloadSize;
}
