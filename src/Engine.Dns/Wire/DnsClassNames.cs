using System.Globalization;

namespace SecondaryPortal.Dns.Wire;

/// <summary>Class mnemonics with the generic "CLASSnnn" form (RFC 3597 §5).</summary>
public static class DnsClassNames
{
    /// <summary>"IN" for 1, "CLASS32" for an unnamed class.</summary>
    public static string ToText(DnsClass value) => value switch
    {
        DnsClass.IN => "IN",
        DnsClass.CH => "CH",
        DnsClass.HS => "HS",
        DnsClass.NONE => "NONE",
        DnsClass.ANY => "ANY",
        _ => "CLASS" + ((ushort)value).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Parses a class mnemonic ("IN", "CH", "CHAOS", "HS", "NONE", "ANY") or "CLASSnnn".</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DnsClass value)
    {
        value = default;
        if (text.Equals("IN", StringComparison.OrdinalIgnoreCase))
            value = DnsClass.IN;
        else if (text.Equals("CH", StringComparison.OrdinalIgnoreCase) || text.Equals("CHAOS", StringComparison.OrdinalIgnoreCase))
            value = DnsClass.CH;
        else if (text.Equals("HS", StringComparison.OrdinalIgnoreCase))
            value = DnsClass.HS;
        else if (text.Equals("NONE", StringComparison.OrdinalIgnoreCase))
            value = DnsClass.NONE;
        else if (text.Equals("ANY", StringComparison.OrdinalIgnoreCase))
            value = DnsClass.ANY;
        else if (text.Length > 5 && text[..5].Equals("CLASS", StringComparison.OrdinalIgnoreCase)
            && ushort.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out ushort number))
            value = (DnsClass)number;
        else
            return false;
        return true;
    }
}
