using System.Collections.Frozen;
using System.Globalization;

namespace SecondaryPortal.Dns.Wire;

/// <summary>Mnemonics of record types, with the generic "TYPEnnn" form of RFC 3597 §5 for the rest.</summary>
public static class RecordTypeNames
{
    private static readonly FrozenDictionary<string, RecordType> ByName =
        Enum.GetValues<RecordType>().ToFrozenDictionary(t => t.ToString(), t => t, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<RecordType, string> ByType =
        Enum.GetValues<RecordType>().ToFrozenDictionary(t => t, t => t.ToString());

    /// <summary>"AAAA" for 28, "TYPE65534" for an unnamed type.</summary>
    public static string ToText(RecordType type) =>
        ByType.TryGetValue(type, out var name) ? name : "TYPE" + ((ushort)type).ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses a mnemonic or "TYPEnnn", ignoring case.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out RecordType type)
    {
        var lookup = ByName.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out type))
            return true;
        if (text.Length > 4 && text[..4].Equals("TYPE", StringComparison.OrdinalIgnoreCase)
            && ushort.TryParse(text[4..], NumberStyles.None, CultureInfo.InvariantCulture, out ushort value))
        {
            type = (RecordType)value;
            return true;
        }
        type = default;
        return false;
    }
}
