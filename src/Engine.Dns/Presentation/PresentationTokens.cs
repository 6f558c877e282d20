using System.Globalization;
using System.Text;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Presentation;

/// <summary>
/// The RDATA fields of one record in presentation form, read left to right by a record type's parser.
/// Each read names the field it expects, so an error says what was wanted and where.
/// </summary>
public sealed class PresentationTokens
{
    private readonly IReadOnlyList<PresentationToken> _tokens;
    private int _index;
    private readonly int _line;
    private readonly int _column;

    /// <summary>Fields of a record; relative names are completed with <paramref name="origin"/>.</summary>
    public PresentationTokens(IReadOnlyList<PresentationToken> tokens, DnsName origin, int line = 0, int column = 0)
    {
        _tokens = tokens;
        Origin = origin;
        _line = line;
        _column = column;
    }

    /// <summary>Splits plain text at blanks (quoted strings kept whole), for RDATA outside a zone file.</summary>
    public static PresentationTokens FromText(string rdata, DnsName? origin = null)
    {
        var tokens = new List<PresentationToken>();
        int i = 0;
        while (i < rdata.Length)
        {
            if (char.IsWhiteSpace(rdata[i]))
            {
                i++;
                continue;
            }
            int start = i;
            var text = new StringBuilder();
            bool quoted = rdata[i] == '"';
            if (quoted)
                i++;
            // A quote inside an unquoted field (an SVCB key="a b", RFC 9460 §2.1) runs to its closing
            // quote, blanks included; the quotes stay in the text for the record type to decode.
            bool inner = false;
            for (; i < rdata.Length; i++)
            {
                char c = rdata[i];
                if (c == '\\' && i + 1 < rdata.Length)
                {
                    text.Append(c).Append(rdata[++i]);
                    continue;
                }
                if (!quoted && c == '"')
                    inner = !inner;
                if (quoted ? c == '"' : !inner && char.IsWhiteSpace(c))
                    break;
                text.Append(c);
            }
            if (quoted && i >= rdata.Length)
                throw new PresentationException("a quoted string is not closed", 1, start + 1);
            if (quoted)
                i++;
            tokens.Add(new PresentationToken(text.ToString(), quoted, 1, start + 1));
        }
        return new PresentationTokens(tokens, origin ?? DnsName.Root);
    }

    /// <summary>The origin that completes relative names.</summary>
    public DnsName Origin { get; }

    /// <summary>True when every field was read.</summary>
    public bool AtEnd => _index >= _tokens.Count;

    /// <summary>Number of fields not yet read.</summary>
    public int RemainingCount => _tokens.Count - _index;

    /// <summary>The next field without consuming it, or null at the end.</summary>
    public PresentationToken? Peek() => AtEnd ? null : _tokens[_index];

    /// <summary>Reads the next field, failing with "expected <paramref name="field"/>" at the end.</summary>
    public PresentationToken Next(string field)
    {
        if (AtEnd)
            throw Error($"expected {field}");
        return _tokens[_index++];
    }

    /// <summary>Reads a domain name field.</summary>
    public DnsName NextName(string field)
    {
        var token = Next(field);
        if (!DnsName.TryParse(token.Text, Origin, out var name, out var error))
            throw Error($"expected {field}: {error}", token);
        return name;
    }

    /// <summary>Reads an unsigned decimal number no larger than <paramref name="max"/>.</summary>
    public ulong NextNumber(string field, ulong max)
    {
        var token = Next(field);
        if (token.Quoted || !ulong.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value) || value > max)
            throw Error($"expected {field} (a number from 0 to {max}), found '{token.Text}'", token);
        return value;
    }

    /// <summary>Reads an 8-bit number.</summary>
    public byte NextByte(string field) => (byte)NextNumber(field, byte.MaxValue);

    /// <summary>Reads a 16-bit number.</summary>
    public ushort NextUInt16(string field) => (ushort)NextNumber(field, ushort.MaxValue);

    /// <summary>Reads a 32-bit number.</summary>
    public uint NextUInt32(string field) => (uint)NextNumber(field, uint.MaxValue);

    /// <summary>Reads a TTL-like duration: seconds, or BIND's units ("1h30m", "2w").</summary>
    public uint NextTtl(string field)
    {
        var token = Next(field);
        if (!TtlText.TryParse(token.Text, out uint value))
            throw Error($"expected {field} (seconds, or a duration such as 1h30m), found '{token.Text}'", token);
        return value;
    }

    /// <summary>Reads a &lt;character-string&gt; (quoted or not), escapes decoded, at most 255 octets.</summary>
    public byte[] NextCharacterString(string field)
    {
        var token = Next(field);
        var bytes = PresentationText.Unescape(token.Text) ?? throw Error($"bad escape in {field}", token);
        if (bytes.Length > 255)
            throw Error($"{field} is longer than 255 octets", token);
        return bytes;
    }

    /// <summary>Reads the remaining fields as one base64 value (blanks inside are allowed, RFC 4034 §2.2).</summary>
    public byte[] RemainingBase64(string field, bool allowEmpty = false)
    {
        string text = JoinRemaining(field, allowEmpty);
        var buffer = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, buffer, out int written))
            throw Error($"expected {field} in base64");
        return buffer.AsSpan(0, written).ToArray();
    }

    /// <summary>Reads the remaining fields as one hexadecimal value; "-" or nothing means empty when allowed.</summary>
    public byte[] RemainingHex(string field, bool allowEmpty = false)
    {
        string text = JoinRemaining(field, allowEmpty);
        return ParseHex(text, field);
    }

    /// <summary>Reads one field as hexadecimal ("-" is empty when <paramref name="dashIsEmpty"/>).</summary>
    public byte[] NextHex(string field, bool dashIsEmpty = false)
    {
        var token = Next(field);
        if (dashIsEmpty && token.Text == "-")
            return [];
        return ParseHex(token.Text, field, token);
    }

    /// <summary>Fails unless every field was read.</summary>
    public void ExpectEnd()
    {
        if (!AtEnd)
            throw Error($"unexpected '{_tokens[_index].Text}' after the last field", _tokens[_index]);
    }

    /// <summary>An error at <paramref name="token"/> (or at the end of the record).</summary>
    public PresentationException Error(string message, PresentationToken? token = null)
    {
        var at = token ?? (AtEnd ? (_tokens.Count > 0 ? _tokens[^1] : null) : _tokens[_index]);
        return at is { } t ? new PresentationException(message, t.Line, t.Column) : new PresentationException(message, _line, _column);
    }

    private string JoinRemaining(string field, bool allowEmpty)
    {
        if (AtEnd && !allowEmpty)
            throw Error($"expected {field}");
        var builder = new StringBuilder();
        while (!AtEnd)
            builder.Append(_tokens[_index++].Text);
        return builder.ToString();
    }

    private byte[] ParseHex(string text, string field, PresentationToken? token = null)
    {
        if (text.Length % 2 != 0)
            throw Error($"expected {field} in hexadecimal (an even number of digits)", token);
        try
        {
            return Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            throw Error($"expected {field} in hexadecimal", token);
        }
    }
}
