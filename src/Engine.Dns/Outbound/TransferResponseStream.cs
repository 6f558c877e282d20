using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Outbound;

/// <summary>
/// The messages of one transfer answer (RFC 5936 §2.2, RFC 1995 §4), produced one at a time: records are
/// packed into a message until it reaches the target size, so memory holds one message whatever the zone's
/// size. The first message carries the question (RFC 5936 §2.2.1), every message the AA bit and, when the
/// request had EDNS, an OPT. A signed request gets every message signed (RFC 8945 §5.3.1).
/// </summary>
internal sealed class TransferResponseStream : IDnsResponseStream
{
    private readonly TransferRequest _request;
    private readonly TransferRecordSource _source;
    private readonly TsigStreamSigner? _signer;
    private readonly int _tsigReserve;
    private readonly int _messageSize;
    private readonly int _maxSize;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _start;
    private int _messages;
    private long _bytes;
    private bool _done;

    /// <param name="request">The request answered (its ID, question and EDNS are echoed).</param>
    /// <param name="source">The records to send.</param>
    /// <param name="signer">Signs every message, or null for an unsigned request.</param>
    /// <param name="messageSize">Records are added to a message until it reaches this size.</param>
    /// <param name="maxSize">No message is larger (65,535 over TCP; the client's payload size over UDP).</param>
    /// <param name="time">For the duration logged.</param>
    /// <param name="logger">Where the completed or abandoned transfer is logged.</param>
    public TransferResponseStream(TransferRequest request, TransferRecordSource source, TsigStreamSigner? signer, int messageSize, int maxSize,
        TimeProvider time, ILogger logger)
    {
        _request = request;
        _source = source;
        _signer = signer;
        _tsigReserve = request.Tsig is { IsOk: true, Key: { } key } ? TsigRecordWriter.Size(key.Name, key.Algorithm.Name, key.MacSize, 0) : 0;
        _messageSize = messageSize;
        _maxSize = maxSize;
        _time = time;
        _logger = logger;
        _start = time.GetTimestamp();
    }

    /// <summary>True once the last message was produced.</summary>
    public bool IsComplete => _done;

    /// <inheritdoc/>
    public int WriteNext(Span<byte> buffer)
    {
        if (_done)
            return 0;
        int limit = Math.Min(buffer.Length, _maxSize) - _tsigReserve;
        var writer = new DnsResponseWriter(buffer, limit);
        var query = _request.Query;
        if (_messages == 0)
            writer.Begin(query, _request.Bytes, DnsHeaderFlags.AA);
        else
            writer.BeginWithoutQuestion(query.Header, query.HasEdns, DnsHeaderFlags.AA);
        int records = 0;
        bool truncated = false;
        while (!_source.IsDone && (records == 0 || writer.Length < _messageSize))
        {
            if (_source.TryWrite(ref writer))
            {
                records++;
                continue;
            }
            if (records > 0)
                break;
            // A record larger than a whole message: over UDP the client retries over TCP (RFC 7766 §5);
            // over TCP no server could send it, so the transfer fails and the connection closes.
            if (_request.Transport != DnsTransport.Udp)
                throw new InvalidOperationException($"a record of {_request.Zone} does not fit in a {limit}-octet message");
            truncated = true;
            break;
        }
        int length = writer.Finish(DnsRcode.NoError, truncated);
        length = Sign(buffer, length);
        _messages++;
        _bytes += length;
        if (_source.IsDone || truncated)
            Complete();
        return length;
    }

    /// <summary>Logs a transfer that ended before its last message (the client left, or the server stopped).</summary>
    public void Dispose()
    {
        if (_done)
            return;
        _done = true;
        _signer?.Dispose();
        ZoneTransferLog.Abandoned(_logger, _request.Kind, _request.Zone!, _request.Snapshot!.Serial, _request.Remote, _messages, _source.Written);
    }

    private int Sign(Span<byte> buffer, int length)
    {
        if (_signer is null)
            return length;
        // The reserve kept for the TSIG record means it always fits.
        if (!_signer.TrySign(buffer[..Math.Min(buffer.Length, ushort.MaxValue)], length, out int signed))
            throw new InvalidOperationException("the TSIG record did not fit in the room kept for it");
        return signed;
    }

    private void Complete()
    {
        _done = true;
        _signer?.Dispose();
        ZoneTransferLog.Served(_logger, _request.Kind, _request.Zone!, _request.Snapshot!.Serial, _request.Remote, _request.KeyName,
            _source.Written, _messages, _bytes, (long)_time.GetElapsedTime(_start).TotalMilliseconds);
    }
}
