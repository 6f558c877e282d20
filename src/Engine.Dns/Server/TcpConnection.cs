using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace SecondaryPortal.Dns.Server;

/// <summary>
/// One client's TCP connection (RFC 7766): length-prefixed requests read in a loop and answered in
/// order, one write per response (RFC 7766 §8). Pipelined requests queue in the receive buffer and
/// the kernel's window; the next request is read once the previous response is written, so a client
/// that sends without reading is held back by TCP flow control, not by server memory. A request the
/// stream handler claims (a zone transfer) is answered with a stream of messages before the next is read.
/// </summary>
internal sealed class TcpConnection
{
    /// <summary>A prefix and the largest message; the receive buffer grows to this only for large requests.</summary>
    private const int MaxFrame = ResponseBufferPool.BufferSize;
    private const int InitialBufferSize = 4096;

    private readonly Socket _socket;
    private readonly ListenerServices _services;
    private readonly SocketAddress _remote;
    private byte[] _buffer = [];
    private int _start;
    private int _end;
    private long _lastProgress = Environment.TickCount64;
    private int _closed;
    private volatile TcpCloseReason _closeReason;

    public TcpConnection(Socket socket, ListenerServices services)
    {
        _socket = socket;
        _services = services;
        RemoteEndPoint = socket.RemoteEndPoint as IPEndPoint ?? new IPEndPoint(IPAddress.None, 0);
        _remote = RemoteEndPoint.Serialize();
    }

    /// <summary>The client.</summary>
    public IPEndPoint RemoteEndPoint { get; }

    /// <summary>Position in the connection table (kept by the table, under its lock); -1 when not listed.</summary>
    public int TableIndex { get; set; } = -1;

    /// <summary>Time since the connection opened or last completed reading a request or writing a response.</summary>
    public long MillisecondsWithoutProgress => Environment.TickCount64 - Volatile.Read(ref _lastProgress);

    /// <summary>Completes when the connection's loop has ended and its buffers are returned.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>Starts serving on the thread pool; <paramref name="onEnded"/> runs once the loop has finished.</summary>
    public void Start(Action<TcpConnection> onEnded) => Completion = Task.Run(() => RunAsync(onEnded));

    /// <summary>Closes the connection (idempotent, any thread): a pending read or write fails and the loop ends.</summary>
    public void Close(TcpCloseReason reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
            return;
        _closeReason = reason;
        try
        {
            _socket.Shutdown(SocketShutdown.Both); // a FIN rather than a reset: the client sees a clean close
        }
        catch (SocketException)
        {
            // already reset or not connected
        }
        _socket.Dispose();
    }

    private async Task RunAsync(Action<TcpConnection> onEnded)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        var reason = TcpCloseReason.SocketError;
        try
        {
            reason = await ServeAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // reset by the peer, or closed by Close() (which recorded its own reason first)
        }
        finally
        {
            Close(reason);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _services.Logger.TcpConnectionClosed(RemoteEndPoint, _closeReason);
            onEnded(this);
        }
    }

    /// <summary>
    /// The connection's loop. Every await is here, in one state machine allocated once per connection:
    /// helper async methods would each box a state machine whenever they complete asynchronously.
    /// </summary>
    private async Task<TcpCloseReason> ServeAsync()
    {
        while (true)
        {
            while (Buffered < 2)
            {
                int received = await ReceiveAsync(2).ConfigureAwait(false);
                if (received == 0)
                    return Buffered == 0 ? TcpCloseReason.PeerClosed : TcpCloseReason.EndedMidMessage;
                _end += received;
            }
            int length = BinaryPrimitives.ReadUInt16BigEndian(_buffer.AsSpan(_start));
            if (length == 0)
                return TcpCloseReason.ZeroLength;
            while (Buffered < 2 + length)
            {
                int received = await ReceiveAsync(2 + length).ConfigureAwait(false);
                if (received == 0)
                    return TcpCloseReason.EndedMidMessage;
                _end += received;
            }
            Volatile.Write(ref _lastProgress, Environment.TickCount64);
            var stream = _services.BeginStream(_buffer.AsSpan(_start + 2, length), new DnsRequestContext(DnsTransport.Tcp, _remote), out bool failed);
            if (failed)
                return TcpCloseReason.HandlerFailed;
            if (stream is not null)
            {
                Consume(length);
                if (!await SendStreamAsync(stream).ConfigureAwait(false))
                    return TcpCloseReason.HandlerFailed;
                continue;
            }
            // Taken per response, not per connection: a thousand idle connections then hold 4 KiB each, not 64.
            byte[] response = _services.ResponseBuffers.Rent();
            try
            {
                int frame = Answer(length, response);
                if (frame < 0)
                    return TcpCloseReason.HandlerFailed;
                for (int sent = 0; sent < frame;)
                    sent += await _socket.SendAsync(response.AsMemory(sent, frame - sent), SocketFlags.None).ConfigureAwait(false);
                if (frame > 0)
                    Volatile.Write(ref _lastProgress, Environment.TickCount64);
            }
            finally
            {
                _services.ResponseBuffers.Return(response);
            }
        }
    }

    private int Buffered => _end - _start;

    /// <summary>
    /// Writes a streamed response (a zone transfer) message by message, each framed and sent before the next
    /// is produced: a client that reads slowly holds production back through TCP flow control, and every
    /// message sent counts as progress for the idle timeout. Its own state machine: streams are rare, so the
    /// allocation stays off the query path. False when the stream failed; socket errors propagate.
    /// </summary>
    private async Task<bool> SendStreamAsync(IDnsResponseStream stream)
    {
        byte[] response = _services.ResponseBuffers.Rent();
        try
        {
            while (true)
            {
                int length = _services.NextMessage(stream, response.AsSpan(2, ushort.MaxValue), new DnsRequestContext(DnsTransport.Tcp, _remote));
                if (length <= 0)
                    return length == 0;
                BinaryPrimitives.WriteUInt16BigEndian(response, (ushort)length);
                for (int sent = 0; sent < length + 2;)
                    sent += await _socket.SendAsync(response.AsMemory(sent, length + 2 - sent), SocketFlags.None).ConfigureAwait(false);
                Volatile.Write(ref _lastProgress, Environment.TickCount64);
            }
        }
        finally
        {
            stream.Dispose();
            _services.ResponseBuffers.Return(response);
        }
    }

    /// <summary>Drops the request of <paramref name="length"/> octets (and its prefix) from the receive buffer.</summary>
    private void Consume(int length)
    {
        _start += 2 + length;
        if (_start == _end)
            _start = _end = 0;
    }

    /// <summary>
    /// Hands the buffered message of <paramref name="length"/> octets to the handler and consumes it.
    /// Returns the response with its length prefix in <paramref name="response"/>: its size, 0 when the
    /// handler chose silence (the connection carries on), -1 when the handler failed.
    /// </summary>
    private int Answer(int length, byte[] response)
    {
        var request = _buffer.AsSpan(_start + 2, length);
        int written = _services.Answer(request, response.AsSpan(2, ushort.MaxValue), new DnsRequestContext(DnsTransport.Tcp, _remote));
        Consume(length);
        if (written <= 0)
            return written;
        BinaryPrimitives.WriteUInt16BigEndian(response, (ushort)written);
        return written + 2;
    }

    /// <summary>Receives more octets after those buffered, first making room for a message of <paramref name="count"/> octets.</summary>
    private ValueTask<int> ReceiveAsync(int count)
    {
        if (_start + count > _buffer.Length)
            MakeRoom(count);
        return _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None);
    }

    /// <summary>Moves the buffered octets to the front, first growing the buffer when a message cannot fit.</summary>
    private void MakeRoom(int count)
    {
        var target = _buffer;
        if (count > _buffer.Length)
            target = ArrayPool<byte>.Shared.Rent(MaxFrame);
        _buffer.AsSpan(_start, _end - _start).CopyTo(target);
        if (!ReferenceEquals(target, _buffer))
            ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = target;
        _end -= _start;
        _start = 0;
    }
}
