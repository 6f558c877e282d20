using System.Globalization;
using System.Text;

namespace SecondaryPortal.Dns.ZoneFiles;

/// <summary>
/// The owner or RDATA text of BIND's $GENERATE, with its "$" placeholders compiled once:
/// "$" is the iterator; "${offset[,width[,base]]}" adds an offset, pads to a width and picks a base
/// (d decimal, o octal, x/X hexadecimal, n/N reversed nibbles joined by dots); "$$" and "\$" give a literal
/// "$". Other escapes are copied as written, for the name or RDATA parser to decode.
/// As in BIND (genname() in lib/dns/master.c), a plain "$" after a "${...}" in the same template keeps that
/// modifier's offset (but not its width or base): "${10} mail$" gives "11 mail11" for 1. Modifiers BIND would
/// half-read ("${1,2,q}") are refused here.
/// </summary>
internal sealed class GenerateTemplate
{
    /// <summary>Widest field a modifier may ask for; more could only make an invalid name or a huge line.</summary>
    public const int MaxWidth = 255;

    private readonly List<Part> _parts;

    private GenerateTemplate(List<Part> parts) => _parts = parts;

    /// <summary>Compiles <paramref name="text"/>; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string text, out GenerateTemplate template, out string error)
    {
        var parts = new List<Part>();
        var literal = new StringBuilder();
        template = new GenerateTemplate(parts);
        error = "";
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\')
            {
                literal.Append(c);
                if (i + 1 < text.Length)
                    literal.Append(text[++i]);
                continue;
            }
            if (c != '$')
            {
                literal.Append(c);
                continue;
            }
            if (i + 1 < text.Length && text[i + 1] == '$')
            {
                literal.Append('$');
                i++;
                continue;
            }
            if (literal.Length > 0)
                parts.Add(new Part(literal.ToString(), false, 0, 0, 'd'));
            literal.Clear();
            var part = new Part(null, false, 0, 0, 'd');
            if (i + 1 < text.Length && text[i + 1] == '{')
            {
                int close = text.IndexOf('}', i + 2);
                if (close < 0)
                {
                    error = "a '${' modifier is not closed by '}'";
                    return false;
                }
                if (!TryParseModifier(text[(i + 2)..close], out part, out error))
                    return false;
                i = close;
            }
            parts.Add(part);
        }
        if (literal.Length > 0)
            parts.Add(new Part(literal.ToString(), false, 0, 0, 'd'));
        return true;
    }

    /// <summary>The text for iterator value <paramref name="value"/>.</summary>
    public string Expand(long value)
    {
        var builder = new StringBuilder();
        int offset = 0;
        foreach (var part in _parts)
        {
            if (part.Literal is not null)
            {
                builder.Append(part.Literal);
                continue;
            }
            if (part.HasModifier)
                offset = part.Offset;
            AppendNumber(builder, value + offset, part.Width, part.Base);
        }
        return builder.ToString();
    }

    private static bool TryParseModifier(string text, out Part part, out string error)
    {
        part = new Part(null, false, 0, 0, 'd');
        error = $"bad modifier '${{{text}}}': expected ${{offset[,width[,base]]}} with base d, o, x, X, n or N";
        var fields = text.Split(',');
        if (fields.Length > 3
            || !int.TryParse(fields[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int offset))
            return false;
        int width = 0;
        if (fields.Length > 1 && !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out width))
            return false;
        if (width > MaxWidth)
        {
            error = $"bad modifier '${{{text}}}': the width is more than {MaxWidth}";
            return false;
        }
        char radix = 'd';
        if (fields.Length > 2)
        {
            if (fields[2] is not ("d" or "o" or "x" or "X" or "n" or "N"))
                return false;
            radix = fields[2][0];
        }
        part = new Part(null, true, offset, width, radix);
        error = "";
        return true;
    }

    /// <summary>Formats like C's printf("%0*d") and friends, as BIND does; other bases see the value as 32 unsigned bits.</summary>
    private static void AppendNumber(StringBuilder builder, long value, int width, char radix)
    {
        uint bits = unchecked((uint)value);
        switch (radix)
        {
            case 'd' when value < 0:
                builder.Append('-').Append((-value).ToString(CultureInfo.InvariantCulture).PadLeft(Math.Max(width - 1, 0), '0'));
                break;
            case 'd':
                builder.Append(value.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'));
                break;
            case 'o':
                builder.Append(Convert.ToString(bits, 8).PadLeft(width, '0'));
                break;
            case 'x' or 'X':
                builder.Append(bits.ToString(radix == 'x' ? "x" : "X", CultureInfo.InvariantCulture).PadLeft(width, '0'));
                break;
            default:
                AppendNibbles(builder, bits, width, radix == 'N');
                break;
        }
    }

    /// <summary>
    /// Reversed nibbles, one per label ("0.0.4" for 0x400), as ip6.arpa names are written. The width counts
    /// digits and dots together; while it is not used up, zero nibbles (and a trailing dot) are added,
    /// exactly as BIND's nibble mode does.
    /// </summary>
    private static void AppendNibbles(StringBuilder builder, uint value, int width, bool upper)
    {
        string digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        do
        {
            builder.Append(digits[(int)(value & 0xF)]);
            value >>= 4;
            if (width > 0)
                width--;
            if (width > 0 || value != 0)
            {
                builder.Append('.');
                if (width > 0)
                    width--;
            }
        }
        while (value != 0 || width > 0);
    }

    private readonly record struct Part(string? Literal, bool HasModifier, int Offset, int Width, char Base);
}
