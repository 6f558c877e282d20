using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace SecondaryPortal.Dns.Server;

/// <summary>What every receive loop of one server shares: the handler, the logger and the log rate limits.</summary>
internal sealed class ListenerServices(IDnsRequestHandler handler, ILogger logger)
{
    private readonly LogRateLimiter _handlerFailures = new(perSecond: 10);
    private readonly LogRateLimiter _socketErrors = new(perSecond: 10);
    private readonly LogRateLimiter _evictions = new(perSecond: 5);

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
            if (_handlerFailures.TryAcquire(out long suppressed))
                Logger.HandlerFailed(exception, context.Transport, Describe(context.Remote), suppressed);
            return -1;
        }
        if ((uint)length <= (uint)response.Length)
            return length;
        if (_handlerFailures.TryAcquire(out long dropped))
            Logger.HandlerLengthInvalid(length, context.Transport, Describe(context.Remote), response.Length, dropped);
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

    /// <summary>The client's endpoint for a log entry (allocates, so only on paths that log).</summary>
    private static IPEndPoint Describe(SocketAddress remote) => new DnsRequestContext(DnsTransport.Udp, remote).RemoteEndPoint;
}
