using System.Collections.Frozen;
using System.Globalization;

namespace SecondaryPortal.Dns.Records;

/// <summary>Presentation names of SvcParamKeys (RFC 9460 §2.1): registered names, or "keyNNNNN" for any key.</summary>
public static class SvcParamKeyNames
{
    private static readonly FrozenDictionary<SvcParamKey, string> ByKey = new Dictionary<SvcParamKey, string>
    {
        [SvcParamKey.Mandatory] = "mandatory",
        [SvcParamKey.Alpn] = "alpn",
        [SvcParamKey.NoDefaultAlpn] = "no-default-alpn",
        [SvcParamKey.Port] = "port",
        [SvcParamKey.Ipv4Hint] = "ipv4hint",
        [SvcParamKey.Ech] = "ech",
        [SvcParamKey.Ipv6Hint] = "ipv6hint",
        [SvcParamKey.DohPath] = "dohpath",
    }.ToFrozenDictionary();

    // Names are lowercase in presentation format (RFC 9460 §2.1), so the lookup is case-sensitive.
    private static readonly FrozenDictionary<string, SvcParamKey> ByName =
        ByKey.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>True for the keys whose name and value format this library knows.</summary>
    public static bool IsKnown(SvcParamKey key) => ByKey.ContainsKey(key);

    /// <summary>"alpn" for 1, "key65333" for an unregistered key.</summary>
    public static string ToText(SvcParamKey key) =>
        ByKey.TryGetValue(key, out var name) ? name : "key" + ((ushort)key).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses a registered name or "keyNNNNN" (decimal without leading zeros, RFC 9460 §2.1).
    /// <paramref name="generic"/> tells which form it was: the generic form's value is the wire value itself.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out SvcParamKey key, out bool generic)
    {
        generic = false;
        if (ByName.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out key))
            return true;
        var digits = text.StartsWith("key", StringComparison.Ordinal) ? text[3..] : [];
        if (digits.IsEmpty || (digits.Length > 1 && digits[0] == '0')
            || !ushort.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out ushort value))
            return false;
        key = (SvcParamKey)value;
        generic = true;
        return true;
    }
}
