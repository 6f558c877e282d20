using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.ZoneFiles;

/// <summary>How a master file is read: the zone's class, limits on directives, and where warnings go.</summary>
public sealed record ZoneFileOptions
{
    /// <summary>The options every reader uses unless told otherwise.</summary>
    public static ZoneFileOptions Default { get; } = new();

    /// <summary>The zone's class: records that omit the class get it, and a record that names another is an error (as in BIND).</summary>
    public DnsClass Class { get; init; } = DnsClass.IN;

    /// <summary>Whether $INCLUDE is honoured; when false it is an error.</summary>
    public bool AllowInclude { get; init; } = true;

    /// <summary>
    /// The folder that $INCLUDE paths are relative to, and that they must stay inside, when the zone is read
    /// from a <see cref="TextReader"/>. A zone read from a file uses that file's folder and ignores this.
    /// Null means $INCLUDE is an error for text read from a reader.
    /// </summary>
    public string? IncludeDirectory { get; init; }

    /// <summary>How deeply $INCLUDE may nest (the top file is depth 0).</summary>
    public int MaxIncludeDepth { get; init; } = 16;

    /// <summary>Whether BIND's $GENERATE is honoured; when false it is an error.</summary>
    public bool AllowGenerate { get; init; } = true;

    /// <summary>The most records one $GENERATE may make.</summary>
    public int MaxGenerateRecords { get; init; } = 65536;

    /// <summary>Receives warnings (TTL clamped, RFC 1035 TTL inheritance, ...); null ignores them.</summary>
    public Action<ZoneFileWarning>? Warning { get; init; }
}
