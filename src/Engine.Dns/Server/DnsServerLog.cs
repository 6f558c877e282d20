using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace SecondaryPortal.Dns.Server;

/// <summary>The listeners' log entries, source-generated and structured.</summary>
internal static partial class DnsServerLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "DNS listening on {Transport} {Endpoint} with {Sockets} socket(s)")]
    public static partial void Listening(this ILogger logger, DnsTransport transport, IPEndPoint endpoint, int sockets);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "DNS listeners stopped")]
    public static partial void Stopped(this ILogger logger);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "SO_REUSEPORT is unavailable ({SocketError}): one UDP socket serves {Endpoint}")]
    public static partial void ReusePortUnavailable(this ILogger logger, SocketError socketError, IPEndPoint endpoint);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Error, Message = "The request handler failed on a {Transport} request from {Remote} ({Suppressed} earlier failures not logged)")]
    public static partial void HandlerFailed(this ILogger logger, Exception exception, DnsTransport transport, IPEndPoint remote, long suppressed);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Error, Message = "The request handler returned a length of {Length} for a {Transport} request from {Remote}, outside 0..{Maximum} ({Suppressed} earlier failures not logged)")]
    public static partial void HandlerLengthInvalid(this ILogger logger, int length, DnsTransport transport, IPEndPoint remote, int maximum, long suppressed);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Warning, Message = "UDP receive on {Endpoint} failed with {SocketError} ({Suppressed} earlier socket errors not logged)")]
    public static partial void UdpReceiveFailed(this ILogger logger, IPEndPoint endpoint, SocketError socketError, long suppressed);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Debug, Message = "UDP response of {Length} octets to {Remote} not sent: {SocketError} ({Suppressed} earlier socket errors not logged)")]
    public static partial void UdpSendFailed(this ILogger logger, int length, IPEndPoint remote, SocketError socketError, long suppressed);

    [LoggerMessage(EventId = 3030, Level = LogLevel.Warning, Message = "TCP accept on {Endpoint} failed with {SocketError} ({Suppressed} earlier socket errors not logged)")]
    public static partial void TcpAcceptFailed(this ILogger logger, IPEndPoint endpoint, SocketError socketError, long suppressed);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Warning, Message = "TCP connection limit of {Limit} reached: closed the connection from {Remote}, without progress for {IdleMilliseconds} ms, to admit {NewRemote} ({Suppressed} earlier evictions not logged)")]
    public static partial void TcpConnectionEvicted(this ILogger logger, int limit, IPEndPoint remote, long idleMilliseconds, IPEndPoint newRemote, long suppressed);

    [LoggerMessage(EventId = 3032, Level = LogLevel.Debug, Message = "TCP connection from {Remote} closed: {Reason}")]
    public static partial void TcpConnectionClosed(this ILogger logger, IPEndPoint remote, TcpCloseReason reason);
}
