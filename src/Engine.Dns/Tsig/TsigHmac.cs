using System.Security.Cryptography;

namespace SecondaryPortal.Dns.Tsig;

/// <summary>
/// A running HMAC for one TSIG algorithm: IncrementalHash for the algorithms .NET has, the local
/// <see cref="Tsig.HmacSha224"/> for hmac-sha224. Finishing resets it to the keyed start, so a
/// multi-message exchange reuses one instance.
/// </summary>
internal sealed class TsigHmac : IDisposable
{
    /// <summary>Largest MAC of any supported algorithm (HMAC-SHA512).</summary>
    public const int MaxMacSize = 64;

    private readonly IncrementalHash? _hash;
    private readonly HmacSha224? _sha224;

    private TsigHmac(TsigAlgorithm algorithm, ReadOnlySpan<byte> secret)
    {
        MacSize = algorithm.MacSize;
        if (ReferenceEquals(algorithm, TsigAlgorithm.HmacSha224))
            _sha224 = new HmacSha224(secret);
        else
            _hash = IncrementalHash.CreateHMAC(algorithm.Hash, secret);
    }

    /// <summary>Length of the MAC <see cref="Finish"/> writes.</summary>
    public int MacSize { get; }

    /// <summary>A running HMAC keyed with <paramref name="key"/>'s secret.</summary>
    public static TsigHmac Create(TsigKey key) => new(key.Algorithm, key.Secret.Span);

    /// <summary>Adds <paramref name="data"/> to the digest.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        if (_hash is not null)
            _hash.AppendData(data);
        else
            _sha224!.Append(data);
    }

    /// <summary>Writes the full MAC into <paramref name="destination"/> and starts over; returns its length.</summary>
    public int Finish(Span<byte> destination)
    {
        if (_hash is not null)
            return _hash.GetHashAndReset(destination);
        _sha224!.Finish(destination);
        return Sha224.HashSize;
    }

    /// <summary>Finishes and compares the leading octets with <paramref name="received"/> in constant time (RFC 8945 §5.2.2.1, case 4).</summary>
    public bool FinishAndCompare(ReadOnlySpan<byte> received)
    {
        Span<byte> computed = stackalloc byte[MaxMacSize];
        int length = Finish(computed);
        return received.Length <= length && CryptographicOperations.FixedTimeEquals(computed[..received.Length], received);
    }

    /// <summary>Releases the hash and clears key material.</summary>
    public void Dispose()
    {
        _hash?.Dispose();
        _sha224?.Dispose();
    }
}
