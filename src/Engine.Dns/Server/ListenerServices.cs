using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Limits;

namespace SecondaryPortal.Dns.Server;

/// <summary>What every receive loop of one server shares: the handlers, the logger and the log rate limits.</summary>
internal sealed class ListenerServices(IDnsRequestHandler handler, ILogger logger, IDnsStreamHandler? streams = null)
{
    // A few entries of one kind a second, so that a flood of bad packets or a handler failing on every request cannot
    // turn the log into the bottleneck; each entry let through reports how many were held back.
    private readonly FixedWindowLimiter _handlerFailures = new(permitLimit: 10, TimeSpan.FromSeconds(1), TimeProvider.System);
    private readonly FixedWindowLimiter _socketErrors = new(permitLimit: 10, TimeSpan.FromSeconds(1), TimeProvider.System);
    private readonly FixedWindowLimiter _evictions = new(permitLimit: 5, TimeSpan.FromSeconds(1), TimeProvider.System);

    public ILogger Logger { get; } = logger;

    /// <summary>TCP response buffers; a few per core cover the connections answering at any one moment.</summary>
    public ResponseBufferPool ResponseBuffers { get; } = new(retained: 4 * Environment.ProcessorCount);

    /// <summary>
    /// Calls the handler and returns the response length (0: send nothing), or -1 when the handler threw
    /// or returned a length outside the buffer. The listener is the last line of defence (the handler is
    /// expected to answer SERVFAIL itself), so a failure is logged, rate-limited, and the loop goes on.
    /// </summary>
    public int Answer(ReadOnlySpan<byte> request, Span<byte> response, in DnsRequestContext context)
    {
        int length;
        try
        {
            length = handler.Handle(request, response, context);
        }
        catch (Exception exception)
        {
            LogHandlerFailure(exception, context);
            return -1;
        }
        if ((uint)length <= (uint)response.Length)
            return length;
        if (_handlerFailures.TryAcquire(out long dropped))
            Logger.HandlerLengthInvalid(length, context.Transport, Describe(context.Remote), response.Length, dropped);
        return -1;
    }

    /// <summary>
    /// Offers a TCP request to the stream handler: the stream to drain, or null when the request is for the
    /// request handler (or there is no stream handler). <paramref name="failed"/> is set when the handler
    /// threw, which is logged like a request handler failure; the connection is then closed.
    /// </summary>
    public IDnsResponseStream? BeginStream(ReadOnlySpan<byte> request, in DnsRequestContext context, out bool failed)
    {
        failed = false;
        if (streams is null)
            return null;
        try
        {
            return streams.BeginStream(request, context);
        }
        catch (Exception exception)
        {
            failed = true;
            LogHandlerFailure(exception, context);
            return null;
        }
    }

    /// <summary>The next message of <paramref name="stream"/>: its length, 0 at the end, -1 when the stream failed.</summary>
    public int NextMessage(IDnsResponseStream stream, Span<byte> buffer, in DnsRequestContext context)
    {
        int length;
        try
        {
            length = stream.WriteNext(buffer);
        }
        catch (Exception exception)
        {
            LogHandlerFailure(exception, context);
            return -1;
        }
        if ((uint)length <= (uint)buffer.Length)
            return length;
        if (_handlerFailures.TryAcquire(out long dropped))
            Logger.HandlerLengthInvalid(length, context.Transport, Describe(context.Remote), buffer.Length, dropped);
        return -1;
    }

    public void UdpReceiveFailed(IPEndPoint endpoint, SocketException exception)
    {
        if (_socketErrors.TryAcquire(out long suppressed))
            Logger.UdpReceiveFailed(endpoint, exception.SocketErrorCode, suppressed);
    }

    public void UdpSendFailed(int length, SocketAddress remote, SocketException exception)
    {
        if (Logger.IsEnabled(LogLevel.Debug) && _socketErrors.TryAcquire(out long suppressed))
            Logger.UdpSendFailed(length, Describe(remote), exception.SocketErrorCode, suppressed);
    }

    public void TcpAcceptFailed(IPEndPoint endpoint, SocketException exception)
    {
        if (_socketErrors.TryAcquire(out long suppressed))
            Logger.TcpAcceptFailed(endpoint, exception.SocketErrorCode, suppressed);
    }

    public void TcpConnectionEvicted(int limit, TcpConnection evicted, TcpConnection admitted)
    {
        if (_evictions.TryAcquire(out long suppressed))
            Logger.TcpConnectionEvicted(limit, evicted.RemoteEndPoint, evicted.MillisecondsWithoutProgress, admitted.RemoteEndPoint, suppressed);
    }

    private void LogHandlerFailure(Exception exception, in DnsRequestContext context)
    {
        if (_handlerFailures.TryAcquire(out long suppressed))
            Logger.HandlerFailed(exception, context.Transport, Describe(context.Remote), suppressed);
    }

    /// <summary>The client's endpoint for a log entry (allocates, so only on paths that log).</summary>
    private static IPEndPoint Describe(SocketAddress remote) => new DnsRequestContext(DnsTransport.Udp, remote).RemoteEndPoint;
}
