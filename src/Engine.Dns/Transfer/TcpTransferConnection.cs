using System.Net;
using System.Net.Sockets;

namespace SecondaryPortal.Dns.Transfer;

/// <summary>Why a read from the primary did not return a message.</summary>
internal enum TcpReadFailure
{
    /// <summary>A message was read.</summary>
    None,

    /// <summary>The primary closed the connection between two messages.</summary>
    Closed,

    /// <summary>The whole message did not arrive within the per-message timeout.</summary>
    MessageTimeout,

    /// <summary>The overall deadline passed.</summary>
    DeadlinePassed,

    /// <summary>The connection broke (reset, or closed inside a message).</summary>
    NetworkError,
}

/// <summary>
/// A TCP connection to a primary for one exchange (RFC 7766): connect within a timeout, send one framed request,
/// read framed messages each within its own timeout, all under an overall deadline. The caller's token cancels
/// with <see cref="OperationCanceledException"/>; every other failure is a value.
/// </summary>
internal sealed class TcpTransferConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly CancellationToken _caller;
    private readonly CancellationToken _deadline;
    private readonly CancellationTokenSource _messageTimer;
    private readonly CancellationTokenSource _linked;

    private TcpTransferConnection(Socket socket, TimeProvider time, CancellationToken deadline, CancellationToken caller)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _caller = caller;
        _deadline = deadline;
        _messageTimer = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(caller, deadline, _messageTimer.Token);
    }

    /// <summary>Opens a connection; on failure returns null and says why (timeout or network error) in plain words, with the socket error if any.</summary>
    public static async Task<(TcpTransferConnection? Connection, bool TimedOut, string? Error, SocketError? SocketError)> ConnectAsync(IPEndPoint server,
        TimeSpan connectTimeout, TimeProvider time, CancellationToken deadline, CancellationToken cancellationToken)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timer = new CancellationTokenSource(connectTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline, timer.Token);
        try
        {
            await socket.ConnectAsync(server, linked.Token).ConfigureAwait(false);
            return (new TcpTransferConnection(socket, time, deadline, cancellationToken), false, null, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            return (null, true, $"no TCP connection to {server} within {Seconds(connectTimeout)}", null);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            return (null, false, UdpExchange.Describe(e, server), e.SocketErrorCode);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends the request with its length prefix; false (and why) when the connection broke.</summary>
    public async Task<string?> SendAsync(ReadOnlyMemory<byte> request)
    {
        try
        {
            await TcpMessageFraming.WriteAsync(_stream, request, _linked.Token).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (!_caller.IsCancellationRequested)
        {
            return "the request could not be sent in time";
        }
        catch (IOException e)
        {
            return $"the request could not be sent: {e.InnerException?.Message ?? e.Message}";
        }
    }

    /// <summary>Reads the next message, which must arrive whole within <paramref name="timeout"/>.</summary>
    public async Task<(byte[]? Message, TcpReadFailure Failure, string? Error)> ReadAsync(TimeSpan timeout)
    {
        _messageTimer.CancelAfter(timeout);
        try
        {
            var message = await TcpMessageFraming.ReadAsync(_stream, _linked.Token).ConfigureAwait(false);
            _messageTimer.CancelAfter(Timeout.InfiniteTimeSpan);
            return message is null ? (null, TcpReadFailure.Closed, "the primary closed the connection") : (message, TcpReadFailure.None, null);
        }
        catch (OperationCanceledException) when (!_caller.IsCancellationRequested)
        {
            return _deadline.IsCancellationRequested
                ? (null, TcpReadFailure.DeadlinePassed, "the overall time limit passed")
                : (null, TcpReadFailure.MessageTimeout, $"no complete message within {Seconds(timeout)}");
        }
        catch (EndOfStreamException)
        {
            return (null, TcpReadFailure.NetworkError, "the primary closed the connection in the middle of a message");
        }
        catch (IOException e)
        {
            return (null, TcpReadFailure.NetworkError, $"the connection broke: {e.InnerException?.Message ?? e.Message}");
        }
    }

    public void Dispose()
    {
        _linked.Dispose();
        _messageTimer.Dispose();
        _stream.Dispose();
        _socket.Dispose();
    }

    internal static string Seconds(TimeSpan span) =>
        span.TotalSeconds.ToString(span.TotalSeconds < 10 ? "0.###" : "0", System.Globalization.CultureInfo.InvariantCulture) + " s";
}
