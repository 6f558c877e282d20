using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tsig;

/// <summary>
/// Signs single messages (RFC 8945 §5.1 for requests, §5.3 for responses, including the error responses of
/// §5.3.2) by appending a TSIG record to the message's wire form. The clock comes from the injected
/// <see cref="TimeProvider"/>. Holds no per-message state, so one instance serves every thread.
/// </summary>
public sealed class TsigSigner
{
    /// <summary>Default fudge: 300 seconds, as RFC 8945 §10 recommends and BIND and Knot use.</summary>
    public const ushort DefaultFudge = 300;

    private readonly TimeProvider _time;

    /// <summary>A signer reading the time from <paramref name="timeProvider"/>.</summary>
    public TsigSigner(TimeProvider timeProvider, ushort fudge = DefaultFudge)
    {
        _time = timeProvider;
        Fudge = fudge;
    }

    /// <summary>Seconds of clock difference the peer may tolerate, written in every TSIG.</summary>
    public ushort Fudge { get; }

    /// <summary>
    /// Signs a request whose wire form is the first <paramref name="length"/> octets of
    /// <paramref name="buffer"/> (with no TSIG yet), appending the TSIG record. False when it does not fit.
    /// </summary>
    public bool TrySignRequest(Span<byte> buffer, int length, TsigKey key, out int signedLength, [NotNullWhen(true)] out TsigSignedRequest? request)
    {
        CheckMessage(buffer, length);
        ulong now = Now();
        ushort id = TsigRecordWriter.ReadId(buffer);
        Span<byte> mac = stackalloc byte[TsigHmac.MaxMacSize];
        using (var hmac = TsigHmac.Create(key))
        {
            // RFC 8945 §4.3.3: the message, then the TSIG variables.
            TsigDigest.AppendMessage(hmac, buffer[..length], id, tsigCounted: false);
            TsigDigest.AppendVariables(hmac, key.Name, key.Algorithm.Name, now, Fudge, DnsRcode.NoError, []);
            hmac.Finish(mac);
        }
        mac = mac[..key.MacSize];
        request = null;
        if (!TsigRecordWriter.TryAppend(buffer, length, key.Name, key.Algorithm.Name, now, Fudge, mac, id, DnsRcode.NoError, [], out signedLength))
            return false;
        request = new TsigSignedRequest(key, id, now, mac);
        return true;
    }

    /// <summary>Writes <paramref name="message"/> and signs it as a request.</summary>
    /// <exception cref="InvalidOperationException">The message already has a TSIG, or does not fit in 65535 octets.</exception>
    public byte[] SignRequest(DnsMessage message, TsigKey key, out TsigSignedRequest request)
    {
        var buffer = WriteUnsigned(message, out int length);
        try
        {
            if (!TrySignRequest(buffer.AsSpan(0, DnsMessage.MaxSize), length, key, out int signedLength, out var signed))
                throw new InvalidOperationException("the signed message is larger than 65535 octets");
            request = signed;
            return buffer.AsSpan(0, signedLength).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Signs a response to a request checked by <see cref="TsigVerifier.VerifyRequest"/>, as RFC 8945 §5.3
    /// and §5.3.2 require for its status:
    /// Ok: signed, the request MAC in the digest. BadTime: signed with the request's time signed and the
    /// server's time in Other Data. BadTrunc: signed, error BADTRUNC. BadKey, BadSig: an unsigned TSIG
    /// (empty MAC) carrying the error, never a signature. Unsigned, FormErr: no TSIG is added (an unsigned
    /// request gets an unsigned answer; an uninterpretable one gets a plain FORMERR).
    /// </summary>
    public bool TrySignResponse(Span<byte> buffer, int length, TsigVerification request, out int signedLength)
    {
        CheckMessage(buffer, length);
        ulong now = Now();
        ushort id = TsigRecordWriter.ReadId(buffer);
        switch (request.Status)
        {
            case TsigStatus.Ok:
            case TsigStatus.BadTrunc:
                return TrySignAnswer(buffer, length, request, now, request.TsigError, [], out signedLength);
            case TsigStatus.BadTime:
                Span<byte> serverTime = stackalloc byte[TsigData.ServerTimeLength];
                TsigData.WriteUInt48(serverTime, now);
                // RFC 8945 §5.2.3: the request's time signed, so the client can check the MAC whatever its clock says.
                return TrySignAnswer(buffer, length, request, request.Record!.TimeSigned, DnsRcode.BadTime, serverTime, out signedLength);
            case TsigStatus.BadKey:
            case TsigStatus.BadSig:
                // RFC 8945 §5.3.2: key and MAC errors are answered unsigned, MAC size 0.
                return TsigRecordWriter.TryAppend(buffer, length, request.KeyName!, request.Record!.Algorithm, now, Fudge, [], id,
                    request.TsigError, [], out signedLength);
            default:
                signedLength = length;
                return true;
        }
    }

    /// <summary>Writes <paramref name="response"/> and signs it like <see cref="TrySignResponse"/>.</summary>
    /// <exception cref="InvalidOperationException">The message already has a TSIG, or does not fit in 65535 octets.</exception>
    public byte[] SignResponse(DnsMessage response, TsigVerification request)
    {
        var buffer = WriteUnsigned(response, out int length);
        try
        {
            if (!TrySignResponse(buffer.AsSpan(0, DnsMessage.MaxSize), length, request, out int signedLength))
                throw new InvalidOperationException("the signed message is larger than 65535 octets");
            return buffer.AsSpan(0, signedLength).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A signer for the messages of a zone transfer answering <paramref name="request"/> (RFC 8945 §5.3.1).</summary>
    /// <exception cref="ArgumentException">The request did not verify.</exception>
    public TsigStreamSigner CreateStreamSigner(TsigVerification request) => new(request, _time, Fudge);

    internal ulong Now() => (ulong)Math.Max(0, _time.GetUtcNow().ToUnixTimeSeconds());

    internal static void CheckMessage(ReadOnlySpan<byte> buffer, int length)
    {
        if (length < DnsHeader.Size || length > buffer.Length)
            throw new ArgumentOutOfRangeException(nameof(length), length, "the message must hold at least a header and fit in the buffer");
    }

    /// <summary>Signs with the request's key; the digest starts with the request MAC (RFC 8945 §4.3.1).</summary>
    private bool TrySignAnswer(Span<byte> buffer, int length, TsigVerification request, ulong timeSigned, DnsRcode error,
        ReadOnlySpan<byte> otherData, out int signedLength)
    {
        var key = request.Key!;
        ushort id = TsigRecordWriter.ReadId(buffer);
        Span<byte> mac = stackalloc byte[TsigHmac.MaxMacSize];
        using (var hmac = TsigHmac.Create(key))
        {
            TsigDigest.AppendMac(hmac, request.Record!.Mac.Span);
            TsigDigest.AppendMessage(hmac, buffer[..length], id, tsigCounted: false);
            TsigDigest.AppendVariables(hmac, key.Name, key.Algorithm.Name, timeSigned, Fudge, error, otherData);
            hmac.Finish(mac);
        }
        return TsigRecordWriter.TryAppend(buffer, length, key.Name, key.Algorithm.Name, timeSigned, Fudge, mac[..key.MacSize], id,
            error, otherData, out signedLength);
    }

    private static byte[] WriteUnsigned(DnsMessage message, out int length)
    {
        if (message.Tsig is not null)
            throw new InvalidOperationException("the message already carries a TSIG record");
        var buffer = ArrayPool<byte>.Shared.Rent(DnsMessage.MaxSize);
        length = message.WriteTo(buffer.AsSpan(0, DnsMessage.MaxSize));
        if (length < 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new InvalidOperationException("the message is larger than 65535 octets");
        }
        return buffer;
    }
}
