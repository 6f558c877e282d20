using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace SecondaryPortal.Dns.Server;

/// <summary>
/// One client's TCP connection (RFC 7766): length-prefixed requests read in a loop and answered in
/// order, one write per response (RFC 7766 §8). Pipelined requests queue in the receive buffer and
/// the kernel's window; the next request is read once the previous response is written, so a client
/// that sends without reading is held back by TCP flow control, not by server memory.
/// </summary>
internal sealed class TcpConnection
{
    /// <summary>A prefix and the largest message; the receive buffer grows to this only for large requests.</summary>
    private const int MaxFrame = 2 + ushort.MaxValue;
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

    private async Task<TcpCloseReason> ServeAsync()
    {
        while (true)
        {
            if (!await FillAsync(2).ConfigureAwait(false))
                return _end == _start ? TcpCloseReason.PeerClosed : TcpCloseReason.EndedMidMessage;
            int length = BinaryPrimitives.ReadUInt16BigEndian(_buffer.AsSpan(_start));
            if (length == 0)
                return TcpCloseReason.ZeroLength;
            if (!await FillAsync(2 + length).ConfigureAwait(false))
                return TcpCloseReason.EndedMidMessage;
            Volatile.Write(ref _lastProgress, Environment.TickCount64);
            int offset = _start + 2;
            _start += 2 + length;
            if (!await AnswerAsync(offset, length).ConfigureAwait(false))
                return TcpCloseReason.HandlerFailed;
            if (_start == _end)
                _start = _end = 0;
        }
    }

    /// <summary>Answers the request at <paramref name="offset"/>; false when the handler failed.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> AnswerAsync(int offset, int length)
    {
        // Rented per response, not per connection: a thousand idle connections then hold 4 KiB each, not 64.
        byte[] response = ArrayPool<byte>.Shared.Rent(MaxFrame);
        try
        {
            int written = _services.Answer(_buffer.AsSpan(offset, length), response.AsSpan(2, ushort.MaxValue), new DnsRequestContext(DnsTransport.Tcp, _remote));
            if (written < 0)
                return false;
            if (written == 0)
                return true; // the handler chose silence; the connection carries on
            BinaryPrimitives.WriteUInt16BigEndian(response, (ushort)written);
            for (int sent = 0; sent < written + 2;)
                sent += await _socket.SendAsync(response.AsMemory(sent, written + 2 - sent), SocketFlags.None).ConfigureAwait(false);
            Volatile.Write(ref _lastProgress, Environment.TickCount64);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(response);
        }
    }

    /// <summary>Reads until <paramref name="count"/> octets from the current message start are buffered; false at end of stream.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> FillAsync(int count)
    {
        if (_start + count > _buffer.Length)
            MakeRoom(count);
        while (_end - _start < count)
        {
            int received = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None).ConfigureAwait(false);
            if (received == 0)
                return false;
            _end += received;
        }
        return true;
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
