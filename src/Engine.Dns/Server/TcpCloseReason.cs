namespace SecondaryPortal.Dns.Server;

/// <summary>Why the server ended a TCP connection (logged at debug level).</summary>
internal enum TcpCloseReason
{
    /// <summary>The client closed its side between messages.</summary>
    PeerClosed,
    /// <summary>The client closed its side inside a message (RFC 7766 §8: the partial message is dropped).</summary>
    EndedMidMessage,
    /// <summary>A length prefix of zero: no DNS message is that short, so the stream cannot be trusted.</summary>
    ZeroLength,
    /// <summary>No request or response completed within the idle timeout (RFC 7766 §6.2.3).</summary>
    IdleTimeout,
    /// <summary>Closed to make room for a new connection at the connection limit (RFC 7766 §10).</summary>
    Evicted,
    /// <summary>The request handler threw or returned a bad length: the client gets a closed connection, not a hang.</summary>
    HandlerFailed,
    /// <summary>The socket failed (reset by the peer, for instance).</summary>
    SocketError,
    /// <summary>The server is stopping.</summary>
    ServerStopping,
}
