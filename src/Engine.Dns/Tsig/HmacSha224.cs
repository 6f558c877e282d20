using System.Security.Cryptography;

namespace SecondaryPortal.Dns.Tsig;

/// <summary>
/// Incremental HMAC over <see cref="Sha224"/> (RFC 2104 §2): H(K XOR opad, H(K XOR ipad, text)), with a key
/// longer than the 64-octet block hashed first. Used for hmac-sha224 (RFC 8945 §6), which .NET lacks.
/// </summary>
internal sealed class HmacSha224 : IDisposable
{
    private readonly byte[] _innerKeyBlock = new byte[Sha224.BlockSize];
    private readonly byte[] _outerKeyBlock = new byte[Sha224.BlockSize];
    private readonly Sha224 _inner = new();
    private readonly Sha224 _outer = new();

    /// <summary>An HMAC keyed with <paramref name="key"/>, ready for data.</summary>
    public HmacSha224(ReadOnlySpan<byte> key)
    {
        // RFC 2104 §2: keys longer than the block are replaced by their hash; shorter ones are zero-padded.
        Span<byte> block = stackalloc byte[Sha224.BlockSize];
        block.Clear();
        if (key.Length > Sha224.BlockSize)
            Sha224.Hash(key).CopyTo(block);
        else
            key.CopyTo(block);
        for (int i = 0; i < Sha224.BlockSize; i++)
        {
            _innerKeyBlock[i] = (byte)(block[i] ^ 0x36);
            _outerKeyBlock[i] = (byte)(block[i] ^ 0x5C);
        }
        CryptographicOperations.ZeroMemory(block);
        _inner.Append(_innerKeyBlock);
    }

    /// <summary>The HMAC-SHA-224 of <paramref name="data"/> under <paramref name="key"/>.</summary>
    public static byte[] Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        using var hmac = new HmacSha224(key);
        hmac.Append(data);
        var mac = new byte[Sha224.HashSize];
        hmac.Finish(mac);
        return mac;
    }

    /// <summary>Adds <paramref name="data"/> to the text being authenticated.</summary>
    public void Append(ReadOnlySpan<byte> data) => _inner.Append(data);

    /// <summary>Writes the 28-octet MAC and starts a new text under the same key.</summary>
    public void Finish(Span<byte> destination)
    {
        Span<byte> innerHash = stackalloc byte[Sha224.HashSize];
        _inner.Finish(innerHash);
        _outer.Append(_outerKeyBlock);
        _outer.Append(innerHash);
        _outer.Finish(destination);
        _inner.Append(_innerKeyBlock);
    }

    /// <summary>Clears the key material.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_innerKeyBlock);
        CryptographicOperations.ZeroMemory(_outerKeyBlock);
        _inner.Reset();
        _outer.Reset();
    }
}
