using System.Security.Cryptography;

namespace SecondaryPortal.Dns.ZoneData;

/// <summary>
/// A zone's NSEC3 records ordered by hash, with the parameters of its NSEC3PARAM (RFC 5155 §4): hashes a
/// name (§5) and finds the NSEC3 that matches or covers it (§7.2) by binary search.
/// </summary>
internal sealed class Nsec3Chain
{
    /// <summary>SHA-1, the only NSEC3 hash algorithm (RFC 5155 §11).</summary>
    public const byte Sha1 = 1;

    /// <summary>Octets of a SHA-1 hash.</summary>
    public const int HashLength = 20;

    private readonly byte[] _salt;
    private readonly ushort _iterations;
    private readonly byte[] _hashes;
    private readonly ZoneNode[] _nodes;

    /// <summary>Creates the chain; <paramref name="hashes"/> holds the nodes' owner hashes back to back, sorted.</summary>
    public Nsec3Chain(ushort iterations, byte[] salt, byte[] hashes, ZoneNode[] nodes)
    {
        _iterations = iterations;
        _salt = salt;
        _hashes = hashes;
        _nodes = nodes;
        SaltedParameters = [(byte)(iterations >> 8), (byte)iterations, (byte)salt.Length, .. salt];
    }

    /// <summary>Iterations, salt length and salt, as NSEC3PARAM's RDATA holds them from its third octet.</summary>
    public byte[] SaltedParameters { get; }

    /// <summary>
    /// The chain with the members at some hashes set: <paramref name="edits"/>, sorted by hash without repeats,
    /// gives for each hash its member node, or null for none. Copies the arrays once; null when no member is left.
    /// </summary>
    public Nsec3Chain? With(IReadOnlyList<(byte[] Hash, ZoneNode? Node)> edits)
    {
        var hashes = new byte[(_nodes.Length + edits.Count) * HashLength];
        var nodes = new ZoneNode[_nodes.Length + edits.Count];
        int next = 0, count = 0;
        foreach (var (hash, node) in edits)
        {
            int floor = FloorIndex(hash);
            bool present = floor >= 0 && HashAt(floor).SequenceEqual(hash);
            int end = present ? floor : floor + 1;
            CopyRange(next, end, hashes, nodes, ref count);
            next = Math.Max(next, floor + 1);
            if (node is null)
                continue;
            hash.CopyTo(hashes, count * HashLength);
            nodes[count++] = node;
        }
        CopyRange(next, _nodes.Length, hashes, nodes, ref count);
        if (count == 0)
            return null;
        Array.Resize(ref hashes, count * HashLength);
        Array.Resize(ref nodes, count);
        return new Nsec3Chain(_iterations, _salt, hashes, nodes);
    }

    private void CopyRange(int from, int to, byte[] hashes, ZoneNode[] nodes, ref int count)
    {
        if (to <= from)
            return;
        Array.Copy(_hashes, from * HashLength, hashes, count * HashLength, (to - from) * HashLength);
        Array.Copy(_nodes, from, nodes, count, to - from);
        count += to - from;
    }

    /// <summary>
    /// IH(salt, x, k) of RFC 5155 §5: SHA-1 over the lowercase wire name and the salt, then again over each
    /// result and the salt, <c>iterations</c> more times.
    /// </summary>
    public void Hash(ReadOnlySpan<byte> lowercaseName, Span<byte> hash)
    {
        Span<byte> input = stackalloc byte[256 + 256];
        lowercaseName.CopyTo(input);
        _salt.CopyTo(input[lowercaseName.Length..]);
        SHA1.HashData(input[..(lowercaseName.Length + _salt.Length)], hash);
        for (int i = 0; i < _iterations; i++)
        {
            hash[..HashLength].CopyTo(input);
            _salt.CopyTo(input[HashLength..]);
            SHA1.HashData(input[..(HashLength + _salt.Length)], hash);
        }
    }

    /// <summary>The node whose NSEC3 owner hash equals <paramref name="hash"/>, or null.</summary>
    public ZoneNode? Match(ReadOnlySpan<byte> hash)
    {
        int index = FloorIndex(hash);
        return index >= 0 && HashAt(index).SequenceEqual(hash) ? _nodes[index] : null;
    }

    /// <summary>
    /// The node whose NSEC3 covers <paramref name="hash"/>: the greatest owner hash below it, wrapping
    /// to the last one when it sorts before them all (the last NSEC3 points back to the first).
    /// </summary>
    public ZoneNode Covering(ReadOnlySpan<byte> hash)
    {
        int index = FloorIndex(hash);
        if (index >= 0 && HashAt(index).SequenceEqual(hash))
            index--;
        return _nodes[index < 0 ? _nodes.Length - 1 : index];
    }

    private ReadOnlySpan<byte> HashAt(int index) => _hashes.AsSpan(index * HashLength, HashLength);

    /// <summary>Index of the greatest hash not above <paramref name="hash"/>, or -1.</summary>
    private int FloorIndex(ReadOnlySpan<byte> hash)
    {
        int low = 0, high = _nodes.Length - 1, found = -1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            if (HashAt(middle).SequenceCompareTo(hash) <= 0)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return found;
    }
}
