using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using SecondaryPortal.Dns.Presentation;

namespace SecondaryPortal.Dns.Records;

/// <summary>
/// The value formats of the SvcParamKeys we know (RFC 9460 §7 and §8, RFC 9461 §5): the wire check that
/// makes a record malformed (RFC 9460 §2.2), the presentation parser and the printer. Unknown keys carry
/// any octets and print as a quoted &lt;character-string&gt;.
/// </summary>
internal static partial class SvcParamValues
{
    /// <summary>Why <paramref name="value"/> is not a valid wire value for <paramref name="key"/>, or null.</summary>
    public static string? CheckWire(SvcParamKey key, ReadOnlySpan<byte> value) => key switch
    {
        SvcParamKey.Mandatory => CheckMandatory(value),
        SvcParamKey.Alpn => CheckAlpn(value),
        SvcParamKey.NoDefaultAlpn => value.IsEmpty ? null : "no-default-alpn has no value",
        SvcParamKey.Port => value.Length == 2 ? null : "port is 2 octets",
        SvcParamKey.Ipv4Hint => value.Length > 0 && value.Length % 4 == 0 ? null : "ipv4hint is one or more 4-octet addresses",
        SvcParamKey.Ech => value.IsEmpty ? "ech is not empty" : null,
        SvcParamKey.Ipv6Hint => value.Length > 0 && value.Length % 16 == 0 ? null : "ipv6hint is one or more 16-octet addresses",
        SvcParamKey.DohPath => CheckDohPath(value),
        _ => null,
    };

    /// <summary>
    /// Turns the &lt;character-string&gt;-decoded presentation value of a registered key name into wire
    /// form; null <paramref name="value"/> means the key had no "=". Returns null and sets <paramref name="error"/> on failure.
    /// </summary>
    public static byte[]? Parse(SvcParamKey key, byte[]? value, out string error)
    {
        error = "";
        if (key == SvcParamKey.NoDefaultAlpn)
        {
            if (value is { Length: > 0 })
                error = "no-default-alpn takes no value";
            return value is { Length: > 0 } ? null : [];
        }
        if (value is null || value.Length == 0)
        {
            error = $"{SvcParamKeyNames.ToText(key)} needs a value";
            return null;
        }
        byte[]? wire = key switch
        {
            SvcParamKey.Mandatory => ParseMandatory(value, out error),
            SvcParamKey.Alpn => ParseAlpn(value, out error),
            SvcParamKey.Port => ParsePort(value, out error),
            SvcParamKey.Ipv4Hint => ParseAddresses(value, AddressFamily.InterNetwork, out error),
            SvcParamKey.Ech => ParseBase64(value, out error),
            SvcParamKey.Ipv6Hint => ParseAddresses(value, AddressFamily.InterNetworkV6, out error),
            _ => value,
        };
        if (wire is not null && CheckWire(key, wire) is { } problem)
        {
            error = problem;
            return null;
        }
        return wire;
    }

    /// <summary>Appends "key" or "key=value" in the form BIND reads (RFC 9460 §2.1, Appendix A).</summary>
    public static void AppendPresentation(StringBuilder builder, SvcParamKey key, ReadOnlySpan<byte> value)
    {
        builder.Append(SvcParamKeyNames.ToText(key));
        switch (key)
        {
            case SvcParamKey.NoDefaultAlpn:
                return;
            case SvcParamKey.Mandatory:
                builder.Append('=');
                for (int i = 0; i < value.Length; i += 2)
                {
                    if (i > 0)
                        builder.Append(',');
                    builder.Append(SvcParamKeyNames.ToText((SvcParamKey)BinaryPrimitives.ReadUInt16BigEndian(value[i..])));
                }
                return;
            case SvcParamKey.Alpn:
                builder.Append('=');
                AppendAlpn(builder, value);
                return;
            case SvcParamKey.Port:
                builder.Append('=').Append(BinaryPrimitives.ReadUInt16BigEndian(value));
                return;
            case SvcParamKey.Ipv4Hint or SvcParamKey.Ipv6Hint:
                int size = key == SvcParamKey.Ipv4Hint ? 4 : 16;
                builder.Append('=');
                for (int i = 0; i < value.Length; i += size)
                    builder.Append(i > 0 ? "," : "").Append(new IPAddress(value.Slice(i, size)));
                return;
            case SvcParamKey.Ech:
                builder.Append('=');
                PresentationText.AppendBase64(builder, value);
                return;
            default:
                // dohpath and unknown keys: the value as a quoted <character-string>; nothing when empty.
                if (!value.IsEmpty)
                {
                    builder.Append('=');
                    PresentationText.AppendQuoted(builder, value);
                }
                return;
        }
    }

    private static string? CheckMandatory(ReadOnlySpan<byte> value)
    {
        // RFC 9460 §8: one or more keys, in strictly increasing order, never "mandatory" itself.
        if (value.IsEmpty || value.Length % 2 != 0)
            return "mandatory is one or more 2-octet keys";
        int previous = -1;
        for (int i = 0; i < value.Length; i += 2)
        {
            int key = BinaryPrimitives.ReadUInt16BigEndian(value[i..]);
            if (key == (int)SvcParamKey.Mandatory)
                return "mandatory may not list itself";
            if (key <= previous)
                return "the keys of mandatory are not in strictly increasing order";
            previous = key;
        }
        return null;
    }

    private static string? CheckAlpn(ReadOnlySpan<byte> value)
    {
        // RFC 9460 §7.1.1: one or more length-prefixed, non-empty alpn-ids filling the value exactly.
        if (value.IsEmpty)
            return "alpn lists at least one protocol";
        int i = 0;
        while (i < value.Length)
        {
            int length = value[i];
            if (length == 0 || i + 1 + length > value.Length)
                return "alpn holds a protocol id that is empty or runs past the value";
            i += 1 + length;
        }
        return null;
    }

    private static string? CheckDohPath(ReadOnlySpan<byte> value)
    {
        // RFC 9461 §5: a relative URI template in UTF-8 with a "dns" variable.
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(value);
        }
        catch (DecoderFallbackException)
        {
            return "dohpath is not UTF-8";
        }
        return text.StartsWith('/') && DnsVariable().IsMatch(text) ? null : "dohpath is a relative URI template with a {?dns} variable";
    }

    [GeneratedRegex(@"\{[+#./;?&]?(?:[^{},]*,)*dns(?:\*|:[0-9]+)?(?:,[^{}]*)?\}", RegexOptions.CultureInvariant)]
    private static partial Regex DnsVariable();

    private static byte[]? ParseMandatory(byte[] value, out string error)
    {
        var keys = new List<ushort>();
        foreach (var item in Encoding.ASCII.GetString(value).Split(','))
        {
            if (!SvcParamKeyNames.TryParse(item, out var key, out _))
            {
                error = $"'{item}' in mandatory is not a SvcParamKey";
                return null;
            }
            if (keys.Contains((ushort)key))
            {
                error = $"mandatory lists '{item}' twice";
                return null;
            }
            keys.Add((ushort)key);
        }
        keys.Sort();
        var wire = new byte[keys.Count * 2];
        for (int i = 0; i < keys.Count; i++)
            BinaryPrimitives.WriteUInt16BigEndian(wire.AsSpan(i * 2), keys[i]);
        error = "";
        return wire;
    }

    private static byte[]? ParseAlpn(byte[] value, out string error)
    {
        error = "alpn is a comma-separated list of protocol ids of 1 to 255 octets (escape ',' and '\\' with '\\')";
        if (!SvcValueList.TrySplit(value, out var items) || items.Any(item => item.Length is 0 or > 255))
            return null;
        var wire = new List<byte>();
        foreach (var item in items)
        {
            wire.Add((byte)item.Length);
            wire.AddRange(item);
        }
        error = "";
        return [.. wire];
    }

    private static byte[]? ParsePort(byte[] value, out string error)
    {
        error = "";
        if (ushort.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out ushort port))
            return [(byte)(port >> 8), (byte)port];
        error = "port is a number from 0 to 65535";
        return null;
    }

    private static byte[]? ParseAddresses(byte[] value, AddressFamily family, out string error)
    {
        error = family == AddressFamily.InterNetwork
            ? "ipv4hint is a comma-separated list of IPv4 addresses"
            : "ipv6hint is a comma-separated list of IPv6 addresses";
        var wire = new List<byte>();
        foreach (var item in Encoding.ASCII.GetString(value).Split(','))
        {
            bool shapeOk = family == AddressFamily.InterNetwork ? item.Count(c => c == '.') == 3 : item.Contains(':') && !item.Contains('%');
            if (!shapeOk || !IPAddress.TryParse(item, out var address) || address.AddressFamily != family)
                return null;
            wire.AddRange(address.GetAddressBytes());
        }
        error = "";
        return [.. wire];
    }

    private static byte[]? ParseBase64(byte[] value, out string error)
    {
        error = "ech is an ECHConfigList in base64";
        var buffer = new byte[value.Length];
        if (!Convert.TryFromBase64Chars(Encoding.ASCII.GetString(value), buffer, out int written) || written == 0)
            return null;
        error = "";
        return buffer.AsSpan(0, written).ToArray();
    }

    private static void AppendAlpn(StringBuilder builder, ReadOnlySpan<byte> value)
    {
        var list = new List<byte>();
        for (int i = 0; i < value.Length; i += 1 + value[i])
        {
            if (i > 0)
                list.Add((byte)',');
            SvcValueList.AppendItem(list, value.Slice(i + 1, value[i]));
        }
        // Quoted as BIND prints it; the list escapes are then escaped again as a <character-string>.
        PresentationText.AppendQuoted(builder, list.ToArray());
    }
}
