using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.ZoneData;

/// <summary>
/// One owner name of a zone and its RRsets. Names are kept relative to the origin (the labels in front
/// of it, no root label): <see cref="Key"/> lowercased for lookups, <see cref="Wire"/> in the zone's case
/// for answers (the same array when they are equal). An empty non-terminal has no RRsets.
/// </summary>
internal sealed class ZoneNode(byte[] key, byte[] wire)
{
    /// <summary>Lowercase relative labels, the dictionary key.</summary>
    public readonly byte[] Key = key;

    /// <summary>Relative labels as the zone spelled them.</summary>
    public readonly byte[] Wire = wire;

    /// <summary>The node's RRsets (RRSIGs one per covered type).</summary>
    public RRset[] Sets = [];

    /// <summary>Flags computed when the snapshot is built.</summary>
    public NodeFlags Flags;

    /// <summary>True when the node holds no data (an empty non-terminal, RFC 4592 §2.2.2).</summary>
    public bool IsEmpty => Sets.Length == 0;

    /// <summary>Index of the RRset of <paramref name="type"/> (not RRSIG), or -1.</summary>
    public int Find(RecordType type)
    {
        var sets = Sets;
        for (int i = 0; i < sets.Length; i++)
        {
            if (sets[i].Type == type)
                return i;
        }
        return -1;
    }

    /// <summary>Index of the RRSIG RRset covering <paramref name="covered"/>, or -1.</summary>
    public int FindSignatures(RecordType covered)
    {
        var sets = Sets;
        for (int i = 0; i < sets.Length; i++)
        {
            if (sets[i].Type == RecordType.RRSIG && sets[i].Covered == covered)
                return i;
        }
        return -1;
    }
}
