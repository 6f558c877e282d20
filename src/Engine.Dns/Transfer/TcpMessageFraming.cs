using System.Buffers;
using System.Buffers.Binary;

namespace SecondaryPortal.Dns.Transfer;

/// <summary>
/// DNS over a byte stream: each message is preceded by its length in two octets (RFC 1035 §4.2.2,
/// RFC 7766 §8). Used by zone transfers and by TCP queries.
/// </summary>
public static class TcpMessageFraming
{
    /// <summary>Writes one message with its length prefix in a single write (RFC 7766 §8 recommends one segment).</summary>
    public static async ValueTask WriteAsync(Stream stream, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        if (message.Length > ushort.MaxValue)
            throw new ArgumentException("a DNS message over TCP holds at most 65535 octets", nameof(message));
        var buffer = ArrayPool<byte>.Shared.Rent(message.Length + 2);
        try
        {
            BinaryPrimitives.WriteUInt16BigEndian(buffer, (ushort)message.Length);
            message.Span.CopyTo(buffer.AsSpan(2));
            await stream.WriteAsync(buffer.AsMemory(0, message.Length + 2), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads one message; null when the peer closed the stream cleanly between messages.</summary>
    /// <exception cref="EndOfStreamException">The stream ended inside a message.</exception>
    public static async ValueTask<byte[]?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var prefix = new byte[2];
        int first = await stream.ReadAsync(prefix.AsMemory(0, 2), cancellationToken).ConfigureAwait(false);
        if (first == 0)
            return null;
        if (first == 1)
            await stream.ReadExactlyAsync(prefix.AsMemory(1, 1), cancellationToken).ConfigureAwait(false);
        var message = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
        await stream.ReadExactlyAsync(message, cancellationToken).ConfigureAwait(false);
        return message;
    }
}
