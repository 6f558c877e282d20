namespace SecondaryPortal.Dns.Lookup;

/// <summary>
/// A name being looked up in one zone: its lowercase wire form, the offset of each label, and how many
/// labels stand in front of the zone's origin. Suffix <c>i</c> is the name with its <c>i</c> leftmost
/// labels removed; suffix <see cref="RelativeLabels"/> is the apex.
/// </summary>
internal readonly ref struct LookupName
{
    /// <summary>Wraps a lowercase name and its label offsets for a zone whose origin is <paramref name="originLength"/> octets long.</summary>
    public LookupName(ReadOnlySpan<byte> lower, ReadOnlySpan<byte> offsets, int labels, int originLength, int originLabels)
    {
        Lower = lower;
        Offsets = offsets;
        Labels = labels;
        RelativeLabels = labels - originLabels;
        RelativeLength = lower.Length - originLength;
    }

    /// <summary>The absolute name, lowercase, in wire form.</summary>
    public ReadOnlySpan<byte> Lower { get; }

    /// <summary>Offset of each label in <see cref="Lower"/>.</summary>
    public ReadOnlySpan<byte> Offsets { get; }

    /// <summary>Number of labels, root excluded.</summary>
    public int Labels { get; }

    /// <summary>Number of labels in front of the zone's origin.</summary>
    public int RelativeLabels { get; }

    /// <summary>Octets in front of the zone's origin.</summary>
    public int RelativeLength { get; }

    /// <summary>The labels in front of the origin: the node key of the name.</summary>
    public ReadOnlySpan<byte> Relative => Lower[..RelativeLength];

    /// <summary>Offset in <see cref="Lower"/> where suffix <paramref name="index"/> starts.</summary>
    public int SuffixStart(int index) => index < Labels ? Offsets[index] : Lower.Length - 1;

    /// <summary>The node key of suffix <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> RelativeSuffix(int index) => index >= RelativeLabels ? default : Lower[Offsets[index]..RelativeLength];

    /// <summary>Suffix <paramref name="index"/> as an absolute lowercase name.</summary>
    public ReadOnlySpan<byte> Suffix(int index) => Lower[SuffixStart(index)..];
}
