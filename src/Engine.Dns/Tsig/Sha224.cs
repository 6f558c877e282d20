using System.Buffers.Binary;
using System.Numerics;

namespace SecondaryPortal.Dns.Tsig;

/// <summary>
/// Incremental SHA-224 (FIPS 180-4 §6.3): the SHA-256 compression function started from the SHA-224
/// initial hash value (§5.3.2) and truncated to seven words. .NET has no SHA-224, and hmac-sha224 is a
/// TSIG algorithm (RFC 8945 §6), so it lives here.
/// </summary>
internal sealed class Sha224
{
    /// <summary>Digest length in octets.</summary>
    public const int HashSize = 28;

    /// <summary>Message block length in octets.</summary>
    public const int BlockSize = 64;

    // FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
    private static readonly uint[] RoundConstants =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    // FIPS 180-4 §5.3.2: the SHA-224 initial hash value.
    private static readonly uint[] InitialState =
    [
        0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4,
    ];

    private readonly uint[] _state = new uint[8];
    private readonly byte[] _pending = new byte[BlockSize];
    private int _pendingLength;
    private ulong _totalLength;

    /// <summary>A hash over nothing yet.</summary>
    public Sha224() => Reset();

    /// <summary>The SHA-224 digest of <paramref name="data"/>.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var sha = new Sha224();
        sha.Append(data);
        var digest = new byte[HashSize];
        sha.Finish(digest);
        return digest;
    }

    /// <summary>Starts over, forgetting everything appended.</summary>
    public void Reset()
    {
        InitialState.CopyTo(_state, 0);
        _pendingLength = 0;
        _totalLength = 0;
    }

    /// <summary>Adds <paramref name="data"/> to the message being hashed.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        _totalLength += (ulong)data.Length;
        if (_pendingLength > 0)
        {
            int take = Math.Min(BlockSize - _pendingLength, data.Length);
            data[..take].CopyTo(_pending.AsSpan(_pendingLength));
            _pendingLength += take;
            data = data[take..];
            if (_pendingLength < BlockSize)
                return;
            Compress(_state, _pending);
            _pendingLength = 0;
        }
        while (data.Length >= BlockSize)
        {
            Compress(_state, data[..BlockSize]);
            data = data[BlockSize..];
        }
        data.CopyTo(_pending);
        _pendingLength = data.Length;
    }

    /// <summary>Pads the message (FIPS 180-4 §5.1.1), writes the 28-octet digest and resets.</summary>
    public void Finish(Span<byte> destination)
    {
        if (destination.Length < HashSize)
            throw new ArgumentException("the destination holds fewer than 28 octets", nameof(destination));
        ulong bitLength = _totalLength * 8;
        Span<byte> tail = stackalloc byte[BlockSize * 2];
        tail.Clear();
        _pending.AsSpan(0, _pendingLength).CopyTo(tail);
        tail[_pendingLength] = 0x80;
        // The padded tail ends with the 64-bit length; it needs a second block when fewer than 9 octets are free.
        int tailLength = _pendingLength + 9 <= BlockSize ? BlockSize : BlockSize * 2;
        BinaryPrimitives.WriteUInt64BigEndian(tail[(tailLength - 8)..], bitLength);
        Compress(_state, tail[..BlockSize]);
        if (tailLength > BlockSize)
            Compress(_state, tail[BlockSize..]);
        for (int i = 0; i < HashSize / 4; i++)
            BinaryPrimitives.WriteUInt32BigEndian(destination[(i * 4)..], _state[i]);
        Reset();
    }

    /// <summary>The SHA-256 compression function (FIPS 180-4 §6.2.2) over one 64-octet block.</summary>
    private static void Compress(Span<uint> state, ReadOnlySpan<byte> block)
    {
        Span<uint> schedule = stackalloc uint[64];
        for (int t = 0; t < 16; t++)
            schedule[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(t * 4)..]);
        for (int t = 16; t < 64; t++)
        {
            uint w15 = schedule[t - 15], w2 = schedule[t - 2];
            uint sigma0 = BitOperations.RotateRight(w15, 7) ^ BitOperations.RotateRight(w15, 18) ^ (w15 >> 3);
            uint sigma1 = BitOperations.RotateRight(w2, 17) ^ BitOperations.RotateRight(w2, 19) ^ (w2 >> 10);
            schedule[t] = sigma1 + schedule[t - 7] + sigma0 + schedule[t - 16];
        }
        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        for (int t = 0; t < 64; t++)
        {
            uint bigSigma1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
            uint choose = (e & f) ^ (~e & g);
            uint t1 = h + bigSigma1 + choose + RoundConstants[t] + schedule[t];
            uint bigSigma0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
            uint majority = (a & b) ^ (a & c) ^ (b & c);
            uint t2 = bigSigma0 + majority;
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }
}
