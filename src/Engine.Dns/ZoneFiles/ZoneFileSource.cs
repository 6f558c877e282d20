using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.ZoneFiles;

/// <summary>
/// One file being read: its tokens, its $ORIGIN and its current owner. An $INCLUDE gets its own source, so
/// the origin and the owner return to what they were once the included file ends (RFC 1035 §5.1; BIND
/// restores the owner as well).
/// </summary>
internal sealed class ZoneFileSource(ZoneFileLexer lexer, DnsName origin, DnsName? owner, int depth)
{
    /// <summary>The tokens of the file.</summary>
    public ZoneFileLexer Lexer { get; } = lexer;

    /// <summary>The name errors give for the file.</summary>
    public string Name => Lexer.SourceName;

    /// <summary>Completes relative names; set by $ORIGIN.</summary>
    public DnsName Origin { get; set; } = origin;

    /// <summary>The owner of the last record, used by lines that start with a blank.</summary>
    public DnsName? Owner { get; set; } = owner;

    /// <summary>How many $INCLUDEs deep this file is; the top file is 0.</summary>
    public int Depth { get; } = depth;
}
