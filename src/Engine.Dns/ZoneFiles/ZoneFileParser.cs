using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.ZoneFiles;

/// <summary>
/// Reads master files (RFC 1035 §5): records in file order, with $ORIGIN, $TTL, $INCLUDE and BIND's
/// $GENERATE, "@", relative names, omitted owners, TTLs and classes, TTL and class in either order, types
/// as mnemonics or TYPEnnn, classes as mnemonics or CLASSnnn, and RFC 3597's "\# length hex" RDATA.
/// It only parses: zone rules (one SOA at the apex, data below the origin, equal TTLs within an RRset...)
/// are checked by whoever builds the zone.
/// </summary>
/// <remarks>
/// The enumerables read lazily: a huge zone streams through without being held, and an error surfaces, as a
/// <see cref="ZoneFileException"/> with the file, line and column, when the enumeration reaches it.
/// </remarks>
public static class ZoneFileParser
{
    /// <summary>
    /// Reads the file at <paramref name="path"/> as the zone <paramref name="origin"/>. $INCLUDE paths are taken
    /// from the file's folder and must stay inside it.
    /// </summary>
    /// <exception cref="ZoneFileException">The text is not a valid master file (thrown while enumerating).</exception>
    /// <exception cref="IOException">The file cannot be read (thrown while enumerating).</exception>
    public static IEnumerable<DnsRecord> ReadFile(string path, DnsName origin, ZoneFileOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(origin);
        return ReadFileLazily(path, origin, options ?? ZoneFileOptions.Default);
    }

    /// <summary>
    /// Reads master-file text from <paramref name="reader"/>; <paramref name="sourceName"/> names it in errors.
    /// $INCLUDE works only when <see cref="ZoneFileOptions.IncludeDirectory"/> names its folder.
    /// </summary>
    /// <exception cref="ZoneFileException">The text is not a valid master file (thrown while enumerating).</exception>
    public static IEnumerable<DnsRecord> Read(TextReader reader, string sourceName, DnsName origin, ZoneFileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(origin);
        options ??= ZoneFileOptions.Default;
        var includes = options.AllowInclude && options.IncludeDirectory is { } folder ? new IncludePathPolicy(folder) : null;
        var session = new ZoneFileSession(options, includes, topFile: null);
        return session.Read(new ZoneFileSource(new ZoneFileLexer(reader, sourceName), origin, owner: null, depth: 0));
    }

    /// <summary>All records of the file at <paramref name="path"/>, in file order.</summary>
    /// <exception cref="ZoneFileException">The text is not a valid master file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<DnsRecord> LoadFile(string path, DnsName origin, ZoneFileOptions? options = null) =>
        ReadFile(path, origin, options).ToList();

    /// <summary>All records of the text in <paramref name="reader"/>, in file order.</summary>
    /// <exception cref="ZoneFileException">The text is not a valid master file.</exception>
    public static IReadOnlyList<DnsRecord> Load(TextReader reader, string sourceName, DnsName origin, ZoneFileOptions? options = null) =>
        Read(reader, sourceName, origin, options).ToList();

    /// <summary>All records of master-file <paramref name="text"/>, in order; errors name it <paramref name="sourceName"/>.</summary>
    /// <exception cref="ZoneFileException">The text is not a valid master file.</exception>
    public static IReadOnlyList<DnsRecord> Parse(string text, DnsName origin, ZoneFileOptions? options = null, string sourceName = "zone") =>
        Load(new StringReader(text), sourceName, origin, options);

    private static IEnumerable<DnsRecord> ReadFileLazily(string path, DnsName origin, ZoneFileOptions options)
    {
        string fullPath = Path.GetFullPath(path);
        var includes = options.AllowInclude ? new IncludePathPolicy(Path.GetDirectoryName(fullPath) ?? fullPath) : null;
        using var reader = File.OpenText(fullPath);
        var session = new ZoneFileSession(options, includes, IncludePathPolicy.RealPathOf(fullPath));
        foreach (var record in session.Read(new ZoneFileSource(new ZoneFileLexer(reader, path), origin, owner: null, depth: 0)))
            yield return record;
    }
}
