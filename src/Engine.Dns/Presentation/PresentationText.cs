using System.Globalization;
using System.Text;

namespace SecondaryPortal.Dns.Presentation;

/// <summary>Escaping rules shared by every presentation-format field (RFC 1035 §5.1).</summary>
public static class PresentationText
{
    /// <summary>Decodes "\X" and "\DDD" escapes into octets; null when an escape is malformed.</summary>
    public static byte[]? Unescape(ReadOnlySpan<char> text)
    {
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        int count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\')
            {
                if (i + 1 >= text.Length)
                    return null;
                if (char.IsAsciiDigit(text[i + 1]))
                {
                    if (i + 3 >= text.Length || !char.IsAsciiDigit(text[i + 2]) || !char.IsAsciiDigit(text[i + 3]))
                        return null;
                    int value = int.Parse(text.Slice(i + 1, 3), NumberStyles.None, CultureInfo.InvariantCulture);
                    if (value > 255)
                        return null;
                    bytes[count++] = (byte)value;
                    i += 3;
                    continue;
                }
                i++;
                c = text[i];
            }
            if (c < 0x80)
            {
                bytes[count++] = (byte)c;
            }
            else
            {
                int end = i + 1;
                if (char.IsHighSurrogate(c) && end < text.Length)
                    end++;
                count += Encoding.UTF8.GetBytes(text[i..end], bytes.AsSpan(count));
                i = end - 1;
            }
        }
        return bytes.AsSpan(0, count).ToArray();
    }

    /// <summary>Appends a &lt;character-string&gt; in quotes, escaping '"', '\' and non-printable octets.</summary>
    public static void AppendQuoted(StringBuilder builder, ReadOnlySpan<byte> text)
    {
        builder.Append('"');
        foreach (byte b in text)
        {
            if (b is (byte)'"' or (byte)'\\')
                builder.Append('\\').Append((char)b);
            else if (b is < 0x20 or > 0x7E)
                builder.Append('\\').Append(b.ToString("D3", CultureInfo.InvariantCulture));
            else
                builder.Append((char)b);
        }
        builder.Append('"');
    }

    /// <summary>Appends octets as uppercase hexadecimal, as BIND prints hex fields.</summary>
    public static void AppendHex(StringBuilder builder, ReadOnlySpan<byte> bytes) => builder.Append(Convert.ToHexString(bytes));

    /// <summary>Appends octets as base64.</summary>
    public static void AppendBase64(StringBuilder builder, ReadOnlySpan<byte> bytes) => builder.Append(Convert.ToBase64String(bytes));
}
