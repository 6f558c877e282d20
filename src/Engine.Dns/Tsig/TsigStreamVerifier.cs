using SecondaryPortal.Dns.Messages;

namespace SecondaryPortal.Dns.Tsig;

/// <summary>
/// Checks the TSIGs of a multi-message response (AXFR, IXFR over TCP; RFC 8945 §5.3.1), fed one message at
/// a time. The first message is checked as a single response (its digest covers the request MAC). Each
/// later signed message's digest covers the prior MAC, every unsigned message since, this message without
/// its TSIG, and the TSIG timers only (§4.3.2). Up to 99 unsigned messages in a row are accepted; the
/// first and the last message must be signed (<see cref="Complete"/> checks the last). After a failure
/// every call returns it: the client must drop the connection.
/// </summary>
/// <remarks>One instance per transfer, used by one thread at a time.</remarks>
public sealed class TsigStreamVerifier : IDisposable
{
    /// <summary>Unsigned messages allowed in a row; the next one must be signed (RFC 8945 §5.3.1).</summary>
    public const int MaxUnsignedInARow = 99;

    private readonly TsigVerifier _verifier;
    private readonly TsigSignedRequest _request;
    private readonly TsigHmac _hmac;
    private readonly TsigVerification _unsignedAccepted;
    private byte[] _priorMac = [];
    private bool _digestStarted;
    private int _unsignedInARow;
    private TsigVerification? _lastSigned;
    private TsigVerification? _failure;
    private bool _disposed;

    /// <summary>A verifier for the response to <paramref name="request"/>, reading the time from <paramref name="timeProvider"/>.</summary>
    public TsigStreamVerifier(TsigSignedRequest request, TimeProvider timeProvider)
    {
        _request = request;
        _verifier = new TsigVerifier(timeProvider);
        _hmac = TsigHmac.Create(request.Key);
        _unsignedAccepted = TsigVerification.UnsignedAccepted(request.Key);
    }

    /// <summary>Messages fed so far.</summary>
    public int MessageCount { get; private set; }

    /// <summary>
    /// Checks the next message. Ok for a signed message that verified and for an unsigned one the stream may
    /// still carry (its Record is then null); any other status ends the stream.
    /// </summary>
    /// <param name="bytes">The message as received (without the TCP length prefix).</param>
    /// <param name="message">The message parsed from <paramref name="bytes"/>.</param>
    public TsigVerification Feed(ReadOnlySpan<byte> bytes, DnsMessage message)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_failure is not null)
            return _failure;
        var result = MessageCount == 0 ? FeedFirst(bytes, message)
            : message.Tsig is null ? FeedUnsigned(bytes)
            : FeedSigned(bytes, message);
        MessageCount++;
        if (!result.IsOk)
            _failure = result;
        return result;
    }

    /// <summary>
    /// Ends the stream: Ok (with the last TSIG) when the last message fed was signed and verified,
    /// <see cref="TsigStatus.Unsigned"/> when it was not or nothing was fed (RFC 8945 §5.3.1), or the
    /// earlier failure.
    /// </summary>
    public TsigVerification Complete()
    {
        if (_failure is not null)
            return _failure;
        if (MessageCount == 0)
            return TsigVerification.Fail(TsigStatus.Unsigned, "no message was received");
        if (_unsignedInARow > 0 || _lastSigned is null)
            return TsigVerification.Fail(TsigStatus.Unsigned, $"the last message (of {MessageCount}) is not signed (RFC 8945 §5.3.1)");
        return _lastSigned;
    }

    /// <summary>Releases the running digest.</summary>
    public void Dispose()
    {
        _disposed = true;
        _hmac.Dispose();
    }

    /// <summary>The first message is a standard response (RFC 8945 §5.3.1) and must be signed.</summary>
    private TsigVerification FeedFirst(ReadOnlySpan<byte> bytes, DnsMessage message)
    {
        if (message.Tsig is null)
            return TsigVerification.Fail(TsigStatus.Unsigned, "the first message of the response is not signed (RFC 8945 §5.3.1)");
        var result = _verifier.VerifyResponse(bytes, message, _request);
        if (result.IsOk)
            Signed(result);
        return result;
    }

    private TsigVerification FeedUnsigned(ReadOnlySpan<byte> bytes)
    {
        if (_unsignedInARow == MaxUnsignedInARow)
            return TsigVerification.Fail(TsigStatus.Unsigned, $"{MaxUnsignedInARow + 1} messages in a row without TSIG (RFC 8945 §5.3.1)");
        _unsignedInARow++;
        StartDigest();
        // An unsigned message enters the next digest whole, exactly as received.
        _hmac.Append(bytes);
        return _unsignedAccepted;
    }

    private TsigVerification FeedSigned(ReadOnlySpan<byte> bytes, DnsMessage message)
    {
        var key = _request.Key;
        if (!TsigChecks.TryFindRecord(bytes, message, out var keyName, out var tsig, out var failure))
            return failure;
        if (TsigChecks.CheckResponseKey(keyName, tsig, key) is { } keyFailure)
            return keyFailure;
        if (TsigChecks.CheckMacSize(keyName, tsig, key) is { } sizeFailure)
            return sizeFailure;
        StartDigest();
        TsigDigest.AppendMessage(_hmac, bytes[..message.TsigOffset], tsig.OriginalId, tsigCounted: true);
        TsigDigest.AppendTimers(_hmac, tsig.TimeSigned, tsig.Fudge);
        _digestStarted = false;
        if (!_hmac.FinishAndCompare(tsig.Mac.Span))
            return TsigVerification.Fail(TsigStatus.BadSig, $"the MAC of message {MessageCount + 1} does not match (RFC 8945 §5.3.1)", keyName, key, tsig);
        var result = TsigChecks.CheckAfterMac(_verifier.Now(), keyName, tsig, key, isResponse: true);
        if (result.IsOk)
            Signed(result);
        return result;
    }

    /// <summary>Each digest after the first starts with the prior MAC (RFC 8945 §4.3.2).</summary>
    private void StartDigest()
    {
        if (_digestStarted)
            return;
        TsigDigest.AppendMac(_hmac, _priorMac);
        _digestStarted = true;
    }

    private void Signed(TsigVerification result)
    {
        _priorMac = result.Record!.Mac.ToArray();
        _unsignedInARow = 0;
        _lastSigned = result;
    }
}
