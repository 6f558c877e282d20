namespace SecondaryPortal.Dns.ZoneData;

/// <summary>Arrays of nodes in canonical order (RFC 4034 §6.1): lookups and copy-with-edits by binary search, never a re-sort.</summary>
internal static class SortedNodes
{
    /// <summary>Index of the greatest node not after <paramref name="key"/>, or -1.</summary>
    public static int Floor(ZoneNode[] sorted, ReadOnlySpan<byte> key)
    {
        int low = 0, high = sorted.Length - 1, found = -1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            if (NameLabels.Compare(sorted[middle].Key, key) <= 0)
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

    /// <summary>Index of the node with <paramref name="key"/>, or -1.</summary>
    public static int IndexOf(ZoneNode[] sorted, ReadOnlySpan<byte> key)
    {
        int floor = Floor(sorted, key);
        return floor >= 0 && sorted[floor].Key.AsSpan().SequenceEqual(key) ? floor : -1;
    }

    /// <summary>
    /// A copy of <paramref name="sorted"/> where each key of <paramref name="edits"/> (in canonical order, no repeats)
    /// holds the edit's node, or no node when it is null. The unchanged runs are copied as blocks.
    /// </summary>
    public static ZoneNode[] With(ZoneNode[] sorted, IReadOnlyList<(byte[] Key, ZoneNode? Node)> edits)
    {
        // Each edit's place is found once, and the result sized exactly: a million names are one array on the large object
        // heap, and trimming an oversized one copied it all a second time.
        var places = new (int Floor, bool Present)[edits.Count];
        int length = sorted.Length;
        for (int i = 0; i < edits.Count; i++)
        {
            var (key, node) = edits[i];
            int floor = Floor(sorted, key);
            bool present = floor >= 0 && sorted[floor].Key.AsSpan().SequenceEqual(key);
            places[i] = (floor, present);
            length += (node is null ? 0 : 1) - (present ? 1 : 0);
        }
        var result = new ZoneNode[length];
        int next = 0, count = 0;
        for (int i = 0; i < edits.Count; i++)
        {
            var (floor, present) = places[i];
            int end = present ? floor : floor + 1;
            if (end > next)
            {
                Array.Copy(sorted, next, result, count, end - next);
                count += end - next;
            }
            next = Math.Max(next, floor + 1);
            if (edits[i].Node is { } node)
                result[count++] = node;
        }
        Array.Copy(sorted, next, result, count, sorted.Length - next);
        return result;
    }

    /// <summary>True when <paramref name="key"/> names a proper descendant of <paramref name="ancestor"/> (both lowercase relative labels).</summary>
    public static bool IsBelow(ReadOnlySpan<byte> key, ReadOnlySpan<byte> ancestor) =>
        key.Length > ancestor.Length && key.EndsWith(ancestor) && NameLabels.PrefixLength(key, ancestor.Length) >= 0;

    /// <summary>The labels of the parent of a non-apex key.</summary>
    public static ReadOnlySpan<byte> Parent(ReadOnlySpan<byte> key) => key[(key[0] + 1)..];

    /// <summary>Sorts edits into canonical order of their keys.</summary>
    public static List<(byte[] Key, ZoneNode? Node)> Sorted(Dictionary<byte[], ZoneNode?> edits)
    {
        var list = edits.Select(e => (e.Key, e.Value)).ToList();
        list.Sort((a, b) => NameLabels.Compare(a.Key, b.Key));
        return list;
    }
}
