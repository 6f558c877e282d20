using System.Buffers.Binary;

namespace SecondaryPortal.Dns.ZoneData;

/// <summary>
/// Sorts a zone's nodes in canonical order (RFC 4034 §6.1) fast: by a 64-bit prefix first, the first eight octets of each
/// name's last label (the label compared first), as plain numbers, without touching the names; then each run of equal
/// prefixes by the full comparison. A prefix never contradicts the full order (a shorter label pads with zeros, which sort
/// first as a missing octet does), so the result is the canonical order. Sorting 744,525 names this way skips most of
/// the comparisons that each read two names scattered over the heap.
/// </summary>
internal static class CanonicalSort
{
    /// <summary>The nodes in canonical order.</summary>
    public static ZoneNode[] Sort(ZoneNode[] nodes)
    {
        var prefixes = new ulong[nodes.Length];
        for (int i = 0; i < nodes.Length; i++)
            prefixes[i] = Prefix(nodes[i].Key);
        Array.Sort(prefixes, nodes);
        for (int start = 0; start < nodes.Length;)
        {
            int end = start + 1;
            while (end < nodes.Length && prefixes[end] == prefixes[start])
                end++;
            if (end - start > 1)
                Array.Sort(nodes, start, end - start, FullOrder.Instance);
            start = end;
        }
        return nodes;
    }

    /// <summary>The first eight octets of the last label of <paramref name="key"/> (lowercase relative labels), big-endian, zero-padded.</summary>
    internal static ulong Prefix(ReadOnlySpan<byte> key)
    {
        int last = -1;
        for (int position = 0; position < key.Length; position += key[position] + 1)
            last = position;
        if (last < 0)
            return 0; // the apex
        var label = key.Slice(last + 1, key[last]);
        Span<byte> octets = stackalloc byte[8];
        octets.Clear();
        label[..Math.Min(8, label.Length)].CopyTo(octets);
        return BinaryPrimitives.ReadUInt64BigEndian(octets);
    }

    private sealed class FullOrder : IComparer<ZoneNode>
    {
        public static readonly FullOrder Instance = new();

        public int Compare(ZoneNode? x, ZoneNode? y) => NameLabels.Compare(x!.Key, y!.Key);
    }
}
