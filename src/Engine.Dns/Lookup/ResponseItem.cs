using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Lookup;

/// <summary>
/// One RRset to write: a stored RRset of a node, or a synthesized CNAME (DNAME substitution) whose data
/// sits in the builder's name buffer. Owners are the node's own name or a name in that buffer (the
/// query name, a chain target, a wildcard expansion).
/// </summary>
internal struct ResponseItem
{
    /// <summary>The node holding the RRset; null for a synthesized CNAME.</summary>
    public ZoneNode? Node;

    /// <summary>Index of the RRset in <see cref="ZoneNode.Sets"/>.</summary>
    public int Set;

    /// <summary>Owner name in the name buffer, or -1 for the node's own name.</summary>
    public int OwnerOffset;

    /// <summary>Length of the owner name in the name buffer.</summary>
    public int OwnerLength;

    /// <summary>Synthesized CNAME: offset of its [length][RDATA] in the name buffer.</summary>
    public int DataOffset;

    /// <summary>Synthesized CNAME: length of its [length][RDATA].</summary>
    public int DataLength;

    /// <summary>The TTL used instead of the stored one (negative SOA, RFC 2308 §3; synthesized CNAME, RFC 6672 §3.1).</summary>
    public uint Ttl;

    /// <summary>True when <see cref="Ttl"/> replaces the stored TTL.</summary>
    public bool TtlOverride;

    /// <summary>Also write the RRSIGs covering this RRset, with the same owner (DO set, RFC 4035 §3.1.1).</summary>
    public bool WithSignatures;
}
