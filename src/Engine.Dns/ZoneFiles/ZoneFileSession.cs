using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.ZoneFiles;

/// <summary>
/// Reads the entries of a master file and the files it includes (RFC 1035 §5.1): directives, and records
/// with their omitted owner, TTL and class filled in. The TTL state spans $INCLUDE (BIND keeps $TTL and the
/// last TTL across an included file; only the origin and the owner go back).
/// </summary>
internal sealed class ZoneFileSession
{
    private readonly ZoneFileOptions _options;
    private readonly IncludePathPolicy? _includes;
    private readonly List<string> _openFiles = [];
    private uint? _defaultTtl;
    private uint? _lastTtl;
    private bool _warnedLastTtl;

    /// <summary>A session; <paramref name="includes"/> is null when $INCLUDE has no folder to read from.</summary>
    public ZoneFileSession(ZoneFileOptions options, IncludePathPolicy? includes, string? topFile)
    {
        _options = options;
        _includes = includes;
        if (topFile is not null)
            _openFiles.Add(topFile);
    }

    /// <summary>The options of this read.</summary>
    public ZoneFileOptions Options => _options;

    /// <summary>The records of <paramref name="source"/>, in file order, includes expanded where they stand.</summary>
    public IEnumerable<DnsRecord> Read(ZoneFileSource source)
    {
        while (source.Lexer.ReadLine() is { } line)
        {
            var first = line.Tokens[0];
            if (!line.StartsWithBlank && !first.Quoted && first.Text.StartsWith('$'))
            {
                foreach (var record in ReadDirective(source, line))
                    yield return record;
                continue;
            }
            yield return ReadRecord(source, line);
        }
    }

    private IEnumerable<DnsRecord> ReadDirective(ZoneFileSource source, ZoneFileLine line)
    {
        var tokens = line.Tokens;
        switch (tokens[0].Text.ToUpperInvariant())
        {
            case "$ORIGIN":
                ExpectCount(source, tokens, 2, "a domain name after $ORIGIN");
                source.Origin = ParseName(source, tokens[1], "the $ORIGIN name");
                return [];
            case "$TTL":
                ExpectCount(source, tokens, 2, "a TTL after $TTL");
                if (tokens[1].Quoted || !TtlText.TryParse(tokens[1].Text, out uint ttl))
                    throw Error(source, $"expected a TTL after $TTL (seconds, or a duration such as 1h30m), found '{tokens[1].Text}'", tokens[1]);
                _defaultTtl = LimitTtl(source, ttl, tokens[1], "$TTL");
                return [];
            case "$INCLUDE":
                return Include(source, tokens);
            case "$GENERATE":
                return GenerateDirective.Expand(this, source, tokens);
            default:
                throw Error(source, $"unknown directive '{tokens[0].Text}': expected $ORIGIN, $TTL, $INCLUDE or $GENERATE", tokens[0]);
        }
    }

    private DnsRecord ReadRecord(ZoneFileSource source, ZoneFileLine line)
    {
        var tokens = line.Tokens;
        int index = 0;
        DnsName owner;
        if (line.StartsWithBlank)
        {
            owner = source.Owner
                ?? throw Error(source, "this line starts with a blank, which means 'the previous owner', but no record comes before it", tokens[0]);
        }
        else
        {
            owner = ParseName(source, tokens[0], "an owner name");
            source.Owner = owner;
            index = 1;
        }
        var header = ReadHeader(source, tokens, ref index);
        var data = ParseRdata(source, header.Type, Slice(tokens, index), header.TypeToken);
        uint ttl = ResolveTtl(source, header.Ttl, data, header.First);
        return new DnsRecord(owner, header.Class, ttl, data);
    }

    /// <summary>
    /// Reads "[TTL] [class] type", where TTL and class may come in either order (RFC 1035 §5.1), from
    /// <paramref name="index"/>; leaves <paramref name="index"/> after the type.
    /// </summary>
    public RecordHeader ReadHeader(ZoneFileSource source, IReadOnlyList<PresentationToken> tokens, ref int index)
    {
        DnsClass? recordClass = null;
        PresentationToken? classToken = null;
        uint? ttl = null;
        var token = NextHeaderToken(source, tokens, ref index, ttl, recordClass);
        var first = token;
        if (TryParseClass(token, out var leading))
        {
            (recordClass, classToken) = (leading, token);
            token = NextHeaderToken(source, tokens, ref index, ttl, recordClass);
        }
        if (!token.Quoted && TtlText.TryParse(token.Text, out uint value))
        {
            ttl = LimitTtl(source, value, token, "TTL");
            token = NextHeaderToken(source, tokens, ref index, ttl, recordClass);
        }
        if (recordClass is null && TryParseClass(token, out var trailing))
        {
            (recordClass, classToken) = (trailing, token);
            token = NextHeaderToken(source, tokens, ref index, ttl, recordClass);
        }
        if (token.Quoted || !RecordTypeNames.TryParse(token.Text, out var type))
            throw Error(source, $"expected {ExpectedHeader(ttl, recordClass)}, found '{token.Text}'", token);
        if (recordClass is { } given && given != _options.Class)
        {
            throw Error(source, $"class {DnsClassNames.ToText(given)} does not match the zone's class {DnsClassNames.ToText(_options.Class)}",
                classToken!.Value);
        }
        if (IsMetaType(type))
            throw Error(source, $"type {RecordTypeNames.ToText(type)} is a query or meta type and cannot appear in a zone file", token);
        return new RecordHeader(ttl, recordClass ?? _options.Class, type, first, token);
    }

    /// <summary>Parses RDATA with the type's own parser; its errors keep their position and gain the file's name.</summary>
    public RecordData ParseRdata(ZoneFileSource source, RecordType type, IReadOnlyList<PresentationToken> rdata, PresentationToken typeToken)
    {
        var tokens = new PresentationTokens(rdata, source.Origin, typeToken.Line, EndColumn(typeToken));
        try
        {
            return RecordData.Parse(type, tokens);
        }
        catch (PresentationException e)
        {
            throw new ZoneFileException(e.Message, source.Name, e.Line, e.Column, e);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            // A record type's constructor may still refuse a value its parser let through.
            var at = rdata.Count > 0 ? rdata[0] : typeToken;
            throw new ZoneFileException($"bad {RecordTypeNames.ToText(type)} data: {e.Message}", source.Name, at.Line, at.Column, e);
        }
    }

    /// <summary>
    /// The TTL of a record, following BIND 9 (checked against named-checkzone 9.18):
    /// a TTL written on the record is used, and becomes "the last TTL" (but never changes $TTL);
    /// an omitted TTL takes the last $TTL (RFC 2308 §4);
    /// without $TTL it takes the last TTL of an earlier record (RFC 1035 §5.1's rule; BIND warns once);
    /// with neither, an SOA record takes its MINIMUM field, which then counts as the last TTL (BIND warns
    /// "using SOA MINTTL instead"); any other record is an error ("no TTL specified"), as in BIND.
    /// </summary>
    public uint ResolveTtl(ZoneFileSource source, uint? stated, RecordData data, PresentationToken at)
    {
        if (stated is { } ttl)
        {
            _lastTtl = ttl;
            return ttl;
        }
        if (_defaultTtl is { } defaultTtl)
            return defaultTtl;
        if (_lastTtl is { } lastTtl)
        {
            if (!_warnedLastTtl)
                Warn(source, at.Line, $"no TTL and no $TTL: using the TTL of the record before ({lastTtl}), as RFC 1035 says");
            _warnedLastTtl = true;
            return lastTtl;
        }
        if (data is SoaData soa)
        {
            Warn(source, at.Line, $"no TTL and no $TTL: using the SOA MINIMUM ({soa.Minimum}) as the TTL");
            _warnedLastTtl = true;
            _lastTtl = LimitTtl(source, soa.Minimum, at, "SOA MINIMUM");
            return _lastTtl.Value;
        }
        throw Error(source, "no TTL specified: give the record a TTL or put a $TTL line before it", at);
    }

    /// <summary>TTLs above 2^31-1 are taken as 0 (RFC 2181 §8), with a warning, as BIND does.</summary>
    public uint LimitTtl(ZoneFileSource source, uint ttl, PresentationToken at, string what)
    {
        if (ttl <= int.MaxValue)
            return ttl;
        Warn(source, at.Line, $"{what} {ttl} is more than 2147483647, so it is taken as 0 (RFC 2181 §8)");
        return 0;
    }

    /// <summary>An error at <paramref name="at"/>.</summary>
    public ZoneFileException Error(ZoneFileSource source, string reason, PresentationToken at) =>
        new(reason, source.Name, at.Line, at.Column);

    /// <summary>An error just after the last token of a line: something was missing.</summary>
    public ZoneFileException ErrorAtEnd(ZoneFileSource source, string reason, IReadOnlyList<PresentationToken> tokens) =>
        new(reason, source.Name, tokens[^1].Line, EndColumn(tokens[^1]));

    /// <summary>Parses a name relative to the source's origin.</summary>
    public DnsName ParseName(ZoneFileSource source, PresentationToken token, string what)
    {
        if (!DnsName.TryParse(token.Text, source.Origin, out var name, out string error))
            throw Error(source, $"expected {what}: {error}", token);
        return name;
    }

    /// <summary>Fails unless a directive line has exactly <paramref name="count"/> tokens.</summary>
    public void ExpectCount(ZoneFileSource source, IReadOnlyList<PresentationToken> tokens, int count, string expected)
    {
        if (tokens.Count < count)
            throw ErrorAtEnd(source, $"expected {expected}", tokens);
        if (tokens.Count > count)
            throw Error(source, $"unexpected '{tokens[count].Text}' after {tokens[0].Text.ToUpperInvariant()}'s arguments", tokens[count]);
    }

    /// <summary>The tokens from <paramref name="start"/> on.</summary>
    public static IReadOnlyList<PresentationToken> Slice(IReadOnlyList<PresentationToken> tokens, int start) =>
        tokens is List<PresentationToken> list ? list.GetRange(start, list.Count - start) : tokens.Skip(start).ToList();

    private IEnumerable<DnsRecord> Include(ZoneFileSource source, IReadOnlyList<PresentationToken> tokens)
    {
        if (!_options.AllowInclude || _includes is null)
        {
            throw Error(source, _options.AllowInclude
                ? "$INCLUDE needs a folder to read from, and this zone was not read from a file"
                : "$INCLUDE is not allowed here", tokens[0]);
        }
        if (tokens.Count < 2)
            throw ErrorAtEnd(source, "expected a file name after $INCLUDE", tokens);
        if (tokens.Count > 3)
            throw Error(source, $"unexpected '{tokens[3].Text}' after the $INCLUDE origin", tokens[3]);
        var origin = tokens.Count == 3 ? ParseName(source, tokens[2], "the $INCLUDE origin") : source.Origin;
        var bytes = PresentationText.Unescape(tokens[1].Text) ?? throw Error(source, "bad escape in the $INCLUDE file name", tokens[1]);
        string argument = Encoding.UTF8.GetString(bytes);
        string path = _includes.Resolve(argument, out string error) ?? throw Error(source, error, tokens[1]);
        if (_openFiles.Contains(path))
            throw Error(source, $"$INCLUDE loop: '{argument}' is already being read", tokens[1]);
        if (source.Depth >= _options.MaxIncludeDepth)
            throw Error(source, $"$INCLUDE nests more than {_options.MaxIncludeDepth} files deep", tokens[0]);
        return ReadIncluded(source, tokens[1], argument, path, origin);
    }

    private IEnumerable<DnsRecord> ReadIncluded(ZoneFileSource parent, PresentationToken at, string argument, string path, DnsName origin)
    {
        StreamReader reader;
        try
        {
            reader = File.OpenText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Error(parent, $"cannot read the $INCLUDE file '{argument}': {e.Message}", at);
        }
        using (reader)
        {
            _openFiles.Add(path);
            var child = new ZoneFileSource(new ZoneFileLexer(reader, argument), origin, parent.Owner, parent.Depth + 1);
            foreach (var record in Read(child))
                yield return record;
            _openFiles.RemoveAt(_openFiles.Count - 1);
        }
    }

    private PresentationToken NextHeaderToken(ZoneFileSource source, IReadOnlyList<PresentationToken> tokens, ref int index, uint? ttl, DnsClass? recordClass)
    {
        if (index >= tokens.Count)
            throw ErrorAtEnd(source, $"expected {ExpectedHeader(ttl, recordClass)}", tokens);
        return tokens[index++];
    }

    private static string ExpectedHeader(uint? ttl, DnsClass? recordClass) => (ttl, recordClass) switch
    {
        (null, null) => "a TTL, class or record type",
        (null, _) => "a TTL or record type",
        (_, null) => "a class or record type",
        _ => "a record type",
    };

    private static bool TryParseClass(PresentationToken token, out DnsClass value)
    {
        value = default;
        return !token.Quoted && DnsClassNames.TryParse(token.Text, out value);
    }

    /// <summary>Query and meta types (RFC 6895 §3.1) have no place in a zone.</summary>
    private static bool IsMetaType(RecordType type) => type is RecordType.OPT or RecordType.TKEY or RecordType.TSIG
        or RecordType.IXFR or RecordType.AXFR or RecordType.MAILA or RecordType.MAILB or RecordType.ANY;

    private static int EndColumn(PresentationToken token) => token.Column + token.Text.Length + (token.Quoted ? 2 : 0);

    private void Warn(ZoneFileSource source, int line, string message) =>
        _options.Warning?.Invoke(new ZoneFileWarning(source.Name, line, message));
}
