namespace SecondaryPortal.Dns.Lookup;

/// <summary>
/// The nodes of one snapshot, never changed once the snapshot exists: a patched snapshot gets shallow
/// copies with its changed names swapped in (see <see cref="ZoneSnapshotPatcher"/>).
/// </summary>
/// <param name="Nodes">Every owner name, empty non-terminals included, by lowercase relative labels.</param>
/// <param name="Nsec3Map">The NSEC3 owners (kept apart: their hashed names are not part of the name tree), by lowercase relative labels.</param>
/// <param name="Nsec3Nodes">The NSEC3 owners in the order the zone listed them (the export order).</param>
/// <param name="Ordered">Every node of <paramref name="Nodes"/> in canonical order (RFC 4034 §6.1), the apex first: a node's descendants follow it.</param>
internal sealed record ZoneNodeSet(Dictionary<byte[], ZoneNode> Nodes, Dictionary<byte[], ZoneNode> Nsec3Map, ZoneNode[] Nsec3Nodes, ZoneNode[] Ordered);
