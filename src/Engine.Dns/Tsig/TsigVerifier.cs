using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tsig;

/// <summary>
/// Checks the TSIG of single messages: a server checks a request (RFC 8945 §5.2), a client checks the
/// response to its signed request (§5.4). Outcomes are values; the clock comes from the injected
/// <see cref="TimeProvider"/>. Holds no per-message state, so one instance serves every thread.
/// </summary>
public sealed class TsigVerifier(TimeProvider timeProvider)
{
    /// <summary>The clock used for the time check.</summary>
    internal TimeProvider Time { get; } = timeProvider;

    /// <summary>
    /// Checks a request against the server's keys, in the order of RFC 8945 §5.2: key (BADKEY), MAC size
    /// (FORMERR, §5.2.2.1), MAC (BADSIG), time (BADTIME), truncation policy (BADTRUNC). An unsigned request
    /// gives <see cref="TsigStatus.Unsigned"/>; whether that is acceptable is the caller's policy.
    /// </summary>
    /// <param name="bytes">The request as received.</param>
    /// <param name="message">The request parsed from <paramref name="bytes"/> (its TsigOffset locates the TSIG).</param>
    /// <param name="keyring">The keys this server accepts.</param>
    public TsigVerification VerifyRequest(ReadOnlySpan<byte> bytes, DnsMessage message, TsigKeyring keyring)
    {
        if (!TsigChecks.TryFindRecord(bytes, message, out var keyName, out var tsig, out var failure))
            return failure;
        if (!keyring.TryFind(keyName, out var key))
            return TsigVerification.Fail(TsigStatus.BadKey, $"no key named {keyName} (RFC 8945 §5.2.1)", keyName, null, tsig);
        if (tsig.Algorithm != key.Algorithm.Name)
            return TsigVerification.Fail(TsigStatus.BadKey, $"key {keyName} is {key.Algorithm}, the request uses {tsig.Algorithm} (RFC 8945 §5.2.1)", keyName, null, tsig);
        return CheckSigned(bytes, message.TsigOffset, keyName, tsig, key, requestMac: null);
    }

    /// <summary>
    /// Checks a response to <paramref name="request"/> (RFC 8945 §5.4): it must be signed with the same key,
    /// its digest covers the request MAC (§4.3.1); a TSIG error from the server gives
    /// <see cref="TsigStatus.PeerError"/>, its code in the returned Record's Error.
    /// </summary>
    public TsigVerification VerifyResponse(ReadOnlySpan<byte> bytes, DnsMessage message, TsigSignedRequest request)
    {
        if (!TsigChecks.TryFindRecord(bytes, message, out var keyName, out var tsig, out var failure))
            return failure;
        if (TsigChecks.CheckResponseKey(keyName, tsig, request.Key) is { } keyFailure)
            return keyFailure;
        return CheckSigned(bytes, message.TsigOffset, keyName, tsig, request.Key, request.Mac);
    }

    /// <summary>A verifier for the messages of a zone transfer answering <paramref name="request"/> (RFC 8945 §5.3.1).</summary>
    public TsigStreamVerifier CreateStreamVerifier(TsigSignedRequest request) => new(request, Time);

    internal ulong Now() => (ulong)Math.Max(0, Time.GetUtcNow().ToUnixTimeSeconds());

    /// <summary>MAC size, MAC, then the later checks; a response's digest starts with the request MAC.</summary>
    private TsigVerification CheckSigned(ReadOnlySpan<byte> bytes, int tsigOffset, DnsName keyName, TsigData tsig, TsigKey key, ReadOnlyMemory<byte>? requestMac)
    {
        if (TsigChecks.CheckMacSize(keyName, tsig, key) is { } sizeFailure)
            return sizeFailure;
        bool matches;
        using (var hmac = TsigHmac.Create(key))
        {
            if (requestMac is { } mac)
                TsigDigest.AppendMac(hmac, mac.Span);
            TsigDigest.AppendMessage(hmac, bytes[..tsigOffset], tsig.OriginalId, tsigCounted: true);
            TsigDigest.AppendVariables(hmac, keyName, tsig.Algorithm, tsig.TimeSigned, tsig.Fudge, tsig.Error, tsig.OtherData.Span);
            matches = hmac.FinishAndCompare(tsig.Mac.Span);
        }
        if (!matches)
            return TsigVerification.Fail(TsigStatus.BadSig, $"the MAC does not match key {key.Name} (RFC 8945 §5.2.2)", keyName, key, tsig);
        return TsigChecks.CheckAfterMac(Now(), keyName, tsig, key, isResponse: requestMac is not null);
    }
}
