using System.Runtime.CompilerServices;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.ZoneData;

/// <summary>Allocation-free helpers over names in wire form: lowercasing, label offsets, canonical order.</summary>
internal static class NameLabels
{
    /// <summary>Most labels a name can have (255 octets, each label at least 2).</summary>
    public const int MaxLabels = 128;

    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/> with ASCII letters lowercased (RFC 4343 §3).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ToLower(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        for (int i = 0; i < source.Length; i++)
            destination[i] = DnsName.ToLower(source[i]);
    }

    /// <summary>
    /// Fills <paramref name="offsets"/> with the start of each label of <paramref name="labels"/> (relative
    /// labels, or an absolute name whose root label ends the walk) and returns how many there are.
    /// </summary>
    public static int Offsets(ReadOnlySpan<byte> labels, Span<byte> offsets)
    {
        int count = 0, position = 0;
        while (position < labels.Length && labels[position] != 0)
        {
            offsets[count++] = (byte)position;
            position += labels[position] + 1;
        }
        return count;
    }

    /// <summary>
    /// Canonical order of two names given as lowercase relative labels of the same zone (RFC 4034 §6.1):
    /// labels compared from the right as unsigned octet strings, a missing label sorting first.
    /// </summary>
    [SkipLocalsInit] // the offsets are written before they are read: no need to zero 256 octets per call
    public static int Compare(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        // Most names of a large zone sit one label below the apex: two such names compare as their one label.
        if (left.Length > 0 && right.Length > 0 && left.Length == left[0] + 1 && right.Length == right[0] + 1)
            return left[1..].SequenceCompareTo(right[1..]);
        Span<byte> leftOffsets = stackalloc byte[MaxLabels];
        Span<byte> rightOffsets = stackalloc byte[MaxLabels];
        int i = Offsets(left, leftOffsets) - 1;
        int j = Offsets(right, rightOffsets) - 1;
        for (; i >= 0 && j >= 0; i--, j--)
        {
            var a = left.Slice(leftOffsets[i] + 1, left[leftOffsets[i]]);
            var b = right.Slice(rightOffsets[j] + 1, right[rightOffsets[j]]);
            int order = a.SequenceCompareTo(b);
            if (order != 0)
                return order;
        }
        return i.CompareTo(j);
    }

    /// <summary>
    /// Length of the labels of <paramref name="wire"/> in front of a suffix of <paramref name="suffixLength"/>
    /// octets, or -1 when that suffix does not start on a label boundary.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int PrefixLength(ReadOnlySpan<byte> wire, int suffixLength)
    {
        int target = wire.Length - suffixLength, position = 0;
        while (position < target && wire[position] != 0)
            position += wire[position] + 1;
        return position == target ? target : -1;
    }
}
