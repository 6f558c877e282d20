using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>Reads a primary's address and port as typed in the wizard, with one message for the part at fault.</summary>
public static class SitePrimary
{
    /// <summary>The DNS port, the default (RFC 1035 §4.2).</summary>
    public const int DefaultPort = 53;

    /// <summary>
    /// Parses an IPv4 or IPv6 address (brackets around IPv6 allowed) and a port from 1 to 65535 (blank: 53).
    /// On failure <paramref name="field"/> is "Address" or "Port" and <paramref name="error"/> says what to fix.
    /// </summary>
    public static bool TryParse(string? address, string? port, [NotNullWhen(true)] out IPEndPoint? endpoint,
        [NotNullWhen(false)] out string? field, [NotNullWhen(false)] out string? error)
    {
        endpoint = null;
        string text = (address ?? "").Trim();
        if (text.StartsWith('[') && text.EndsWith(']'))
            text = text[1..^1];
        (field, error) = ("Address", null);
        if (text.Length == 0)
            error = "Enter the primary's IPv4 or IPv6 address.";
        else if (!IPAddress.TryParse(text, out var ip) || (ip.AddressFamily == AddressFamily.InterNetwork && text.Count(c => c == '.') != 3))
            error = $"\"{text}\" is not an IPv4 address (192.0.2.1) nor an IPv6 address (2001:db8::1); enter an address, not a host name.";
        else if (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any) || ip.Equals(IPAddress.Broadcast) || IsMulticast(ip))
            error = $"{ip} cannot be a primary: enter the address of one server.";
        else if (!TryParsePort(port, out int number, out error))
            field = "Port";
        else
        {
            endpoint = new IPEndPoint(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip, number);
            (field, error) = (null, null);
            return true;
        }
        return false;
    }

    /// <summary>Parses a port from 1 to 65535; blank is 53.</summary>
    public static bool TryParsePort(string? text, out int port, [NotNullWhen(false)] out string? error)
    {
        string trimmed = (text ?? "").Trim();
        port = DefaultPort;
        error = null;
        if (trimmed.Length == 0)
            return true;
        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535)
            return true;
        error = $"\"{trimmed}\" is not a port: enter a number from 1 to 65535 (53 for DNS).";
        return false;
    }

    private static bool IsMulticast(IPAddress ip) => ip.AddressFamily == AddressFamily.InterNetworkV6
        ? ip.IsIPv6Multicast
        : ip.GetAddressBytes()[0] is >= 224 and <= 239;
}
