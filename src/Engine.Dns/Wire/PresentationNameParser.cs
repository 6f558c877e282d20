using System.Globalization;

namespace SecondaryPortal.Dns.Wire;

/// <summary>Turns the ASCII presentation form of a name (RFC 1035 §5.1, escapes \X and \DDD) into wire form.</summary>
internal static class PresentationNameParser
{
    public static bool TryParse(ReadOnlySpan<char> text, DnsName? origin, out DnsName name, out string error)
    {
        name = DnsName.Root;
        Span<byte> wire = stackalloc byte[DnsName.MaxWireLength + DnsName.MaxLabelLength + 2];
        int labelStart = 0, position = 1;
        bool absolute = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '.')
            {
                if (!CloseLabel(wire, labelStart, position, out error))
                    return false;
                if (i == text.Length - 1)
                {
                    absolute = true;
                    break;
                }
                labelStart = position;
                position++;
                continue;
            }
            byte octet;
            if (c == '\\')
            {
                if (!TryReadEscape(text, ref i, out octet))
                {
                    error = $"bad escape in '{text}'";
                    return false;
                }
            }
            else
            {
                octet = (byte)c;
            }
            if (position - labelStart > DnsName.MaxLabelLength || position >= DnsName.MaxWireLength)
            {
                error = position >= DnsName.MaxWireLength ? $"'{text}' is longer than 255 octets" : $"a label of '{text}' is longer than 63 octets";
                return false;
            }
            wire[position++] = octet;
        }
        if (!absolute && !CloseLabel(wire, labelStart, position, out error))
            return false;
        var suffix = absolute || origin is null ? DnsName.Root.Wire : origin.Wire;
        int total = position + suffix.Length;
        if (total > DnsName.MaxWireLength)
        {
            error = $"'{text}' is longer than 255 octets";
            return false;
        }
        var result = new byte[total];
        wire[..position].CopyTo(result);
        suffix.CopyTo(result.AsSpan(position));
        name = DnsName.FromValidatedWire(result);
        error = "";
        return true;
    }

    private static bool CloseLabel(Span<byte> wire, int labelStart, int position, out string error)
    {
        int length = position - labelStart - 1;
        if (length == 0)
        {
            error = "empty label";
            return false;
        }
        wire[labelStart] = (byte)length;
        error = "";
        return true;
    }

    /// <summary>Reads "\X" (X taken literally) or "\DDD" (decimal octet) starting at the backslash.</summary>
    internal static bool TryReadEscape(ReadOnlySpan<char> text, ref int i, out byte octet)
    {
        octet = 0;
        if (i + 1 >= text.Length)
            return false;
        if (char.IsAsciiDigit(text[i + 1]))
        {
            if (i + 3 >= text.Length)
                return false;
            var digits = text.Slice(i + 1, 3);
            if (!char.IsAsciiDigit(digits[1]) || !char.IsAsciiDigit(digits[2])
                || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value > 255)
                return false;
            octet = (byte)value;
            i += 3;
            return true;
        }
        if (text[i + 1] > 0x7F)
            return false;
        octet = (byte)text[i + 1];
        i++;
        return true;
    }
}
