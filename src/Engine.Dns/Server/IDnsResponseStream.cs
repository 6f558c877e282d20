namespace SecondaryPortal.Dns.Server;

/// <summary>
/// The messages of one streamed response, produced one at a time: the connection asks for the next
/// message only once the previous one was written to the socket, so a client that reads slowly holds
/// back production (TCP flow control) and the server never holds more than one message per stream.
/// Disposed by the connection when the stream ends, the client goes away or the server stops.
/// </summary>
public interface IDnsResponseStream : IDisposable
{
    /// <summary>
    /// Writes the next message into <paramref name="buffer"/> (65,535 octets) and returns its length, or
    /// 0 when the stream is complete. An exception ends the stream and closes the connection.
    /// </summary>
    int WriteNext(Span<byte> buffer);
}
