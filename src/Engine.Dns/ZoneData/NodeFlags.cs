namespace SecondaryPortal.Dns.ZoneData;

/// <summary>What a lookup must know about a node without scanning its RRsets or its ancestors.</summary>
[Flags]
internal enum NodeFlags : byte
{
    /// <summary>Nothing special.</summary>
    None = 0,
    /// <summary>The zone apex.</summary>
    Apex = 1,
    /// <summary>NS below the apex: a zone cut (RFC 1034 §4.2.1).</summary>
    Delegation = 2,
    /// <summary>Owns a DNAME, which redirects the names below it (RFC 6672 §2.3).</summary>
    Dname = 4,
    /// <summary>A proper ancestor is a zone cut: the node holds glue or occluded data.</summary>
    BelowCut = 8,
    /// <summary>A proper ancestor owns a DNAME: the node is occluded (RFC 6672 §2.4).</summary>
    BelowDname = 16,
    /// <summary>Owns a CNAME.</summary>
    Cname = 32,
}
