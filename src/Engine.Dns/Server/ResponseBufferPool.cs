namespace SecondaryPortal.Dns.Server;

/// <summary>
/// Buffers for TCP responses (a length prefix and up to 65,535 octets), shared by all connections of a
/// server. A connection holds one only while it answers, so a few serve thousands of connections; up
/// to <c>retained</c> are kept, so the steady state allocates nothing whichever pool thread a
/// connection's loop resumes on (the shared ArrayPool's per-thread caches miss when loops hop threads).
/// </summary>
internal sealed class ResponseBufferPool(int retained)
{
    /// <summary>A length prefix and the largest message (RFC 1035 §4.2.2).</summary>
    public const int BufferSize = 2 + ushort.MaxValue;

    private readonly byte[]?[] _buffers = new byte[retained][];
    private int _count;

    public byte[] Rent()
    {
        lock (_buffers)
        {
            if (_count > 0)
            {
                var buffer = _buffers[--_count]!;
                _buffers[_count] = null;
                return buffer;
            }
        }
        return GC.AllocateUninitializedArray<byte>(BufferSize);
    }

    public void Return(byte[] buffer)
    {
        lock (_buffers)
        {
            if (_count < _buffers.Length)
                _buffers[_count++] = buffer;
        }
    }
}
