using SecondaryPortal.Dns.Server;

namespace SecondaryPortal.Dns.Outbound;

/// <summary>A response stream of one message written beforehand (an error answer to a transfer request).</summary>
internal sealed class SingleMessageStream(byte[] message) : IDnsResponseStream
{
    private bool _sent;

    /// <inheritdoc/>
    public int WriteNext(Span<byte> buffer)
    {
        if (_sent)
            return 0;
        _sent = true;
        message.CopyTo(buffer);
        return message.Length;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
