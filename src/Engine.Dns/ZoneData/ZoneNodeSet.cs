namespace SecondaryPortal.Dns.ZoneData;

/// <summary>
/// The nodes of one snapshot, never changed once the snapshot exists: a patched snapshot shares what did not change and
/// has its changed names swapped in (see <see cref="ZoneSnapshotPatcher"/> and <see cref="ZoneNodeMap"/>).
/// </summary>
internal sealed class ZoneNodeSet
{
    /// <summary>The NSEC3 map of every zone without NSEC3 records; never changed (a patch that adds NSEC3 makes its own).</summary>
    internal static readonly Dictionary<byte[], ZoneNode> NoNsec3 = new(NameKeyComparer.Instance);

    private readonly Lock _ordering = new();
    private ZoneNode[]? _ordered;

    /// <param name="nodes">Every owner name, empty non-terminals included, by lowercase relative labels.</param>
    /// <param name="nsec3Map">The NSEC3 owners (kept apart: their hashed names are not part of the name tree), by lowercase relative labels.</param>
    /// <param name="nsec3Nodes">The NSEC3 owners in the order the zone listed them (the export order).</param>
    /// <param name="ordered">The nodes in canonical order, or null to sort them on first use.</param>
    public ZoneNodeSet(ZoneNodeMap nodes, Dictionary<byte[], ZoneNode> nsec3Map, ZoneNode[] nsec3Nodes, ZoneNode[]? ordered)
    {
        Nodes = nodes;
        Nsec3Map = nsec3Map;
        Nsec3Nodes = nsec3Nodes;
        _ordered = ordered;
    }

    /// <summary>Every owner name, empty non-terminals included, by lowercase relative labels.</summary>
    public ZoneNodeMap Nodes { get; }

    /// <summary>The NSEC3 owners, by lowercase relative labels.</summary>
    public Dictionary<byte[], ZoneNode> Nsec3Map { get; }

    /// <summary>The NSEC3 owners in the order the zone listed them (the export order).</summary>
    public ZoneNode[] Nsec3Nodes { get; }

    /// <summary>
    /// Every node of <see cref="Nodes"/> in canonical order (RFC 4034 §6.1), the apex first: a node's descendants follow
    /// it. Sorted on first use when the snapshot was built without it: sorting a million names takes most of a second, and
    /// answering queries needs no order (export, outgoing transfers, the store and IXFR patches do), so a new zone is
    /// served first and sorted after, by whoever needs the order first; other callers wait for that one sort.
    /// </summary>
    public ZoneNode[] Ordered => Volatile.Read(ref _ordered) ?? Sort();

    /// <summary>True once the canonical order is computed.</summary>
    public bool IsOrdered => Volatile.Read(ref _ordered) is not null;

    private ZoneNode[] Sort()
    {
        lock (_ordering)
        {
            if (_ordered is null)
                Volatile.Write(ref _ordered, ZoneStructure.Order(Nodes.Values));
            return _ordered!;
        }
    }
}
