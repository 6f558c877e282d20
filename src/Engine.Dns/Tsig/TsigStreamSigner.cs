using System.Buffers.Binary;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tsig;

/// <summary>
/// Signs the messages of a multi-message response (AXFR, IXFR over TCP; RFC 8945 §5.3.1) to a verified
/// request. The first message's digest covers the request MAC and the full TSIG variables; each later
/// signed message's digest covers the prior MAC, the messages sent unsigned since (see
/// <see cref="AddUnsigned"/>), this message, and the TSIG timers only (§4.3.2). RFC 8945 says every message
/// SHOULD be signed; <see cref="AddUnsigned"/> exists for the allowance of up to 99 unsigned in a row.
/// </summary>
/// <remarks>One instance per transfer, used by one thread at a time.</remarks>
public sealed class TsigStreamSigner : IDisposable
{
    private readonly TsigKey _key;
    private readonly TimeProvider _time;
    private readonly ushort _fudge;
    private readonly TsigHmac _hmac;
    private byte[] _priorMac;
    private bool _digestStarted;
    private bool _disposed;

    internal TsigStreamSigner(TsigVerification request, TimeProvider time, ushort fudge)
    {
        if (!request.IsOk || request.Key is null || request.Record is null)
            throw new ArgumentException("only a request whose TSIG verified is answered with a signed stream (RFC 8945 §5.3)", nameof(request));
        _key = request.Key;
        _time = time;
        _fudge = fudge;
        _priorMac = request.Record.Mac.ToArray();
        _hmac = TsigHmac.Create(_key);
    }

    /// <summary>Messages signed or added unsigned so far.</summary>
    public int MessageCount { get; private set; }

    /// <summary>
    /// Signs the next message, the first <paramref name="length"/> octets of <paramref name="buffer"/>,
    /// appending its TSIG. False, with the stream unchanged, when the record does not fit.
    /// </summary>
    public bool TrySign(Span<byte> buffer, int length, out int signedLength)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        TsigSigner.CheckMessage(buffer, length);
        signedLength = length;
        int recordSize = TsigRecordWriter.Size(_key.Name, _key.Algorithm.Name, _key.MacSize, 0);
        if (length + recordSize > buffer.Length || BinaryPrimitives.ReadUInt16BigEndian(buffer[10..]) == ushort.MaxValue)
            return false;
        ulong now = (ulong)Math.Max(0, _time.GetUtcNow().ToUnixTimeSeconds());
        ushort id = TsigRecordWriter.ReadId(buffer);
        StartDigest();
        TsigDigest.AppendMessage(_hmac, buffer[..length], id, tsigCounted: false);
        if (MessageCount == 0)
            TsigDigest.AppendVariables(_hmac, _key.Name, _key.Algorithm.Name, now, _fudge, DnsRcode.NoError, []);
        else
            TsigDigest.AppendTimers(_hmac, now, _fudge);
        Span<byte> mac = stackalloc byte[TsigHmac.MaxMacSize];
        _hmac.Finish(mac);
        _digestStarted = false;
        mac = mac[.._key.MacSize];
        TsigRecordWriter.TryAppend(buffer, length, _key.Name, _key.Algorithm.Name, now, _fudge, mac, id, DnsRcode.NoError, [], out signedLength);
        _priorMac = mac.ToArray();
        MessageCount++;
        return true;
    }

    /// <summary>
    /// Records that <paramref name="message"/> is sent without a TSIG; the next signed message's digest
    /// covers it. The first message of a stream must be signed.
    /// </summary>
    /// <exception cref="InvalidOperationException">No message was signed yet.</exception>
    public void AddUnsigned(ReadOnlySpan<byte> message)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (MessageCount == 0)
            throw new InvalidOperationException("the first message of a response stream must be signed (RFC 8945 §5.3.1)");
        StartDigest();
        _hmac.Append(message);
        MessageCount++;
    }

    /// <summary>Releases the running digest.</summary>
    public void Dispose()
    {
        _disposed = true;
        _hmac.Dispose();
    }

    /// <summary>Every digest starts with the request MAC (first message) or the prior MAC (RFC 8945 §4.3.1, §4.3.2).</summary>
    private void StartDigest()
    {
        if (_digestStarted)
            return;
        TsigDigest.AppendMac(_hmac, _priorMac);
        _digestStarted = true;
    }
}
