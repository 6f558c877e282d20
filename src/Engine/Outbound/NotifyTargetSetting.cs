using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Outbound;

/// <summary>A secondary notified of a zone's changes: where, and the TSIG key the NOTIFY is signed with, if any.</summary>
/// <param name="EndPoint">The secondary's address and port.</param>
/// <param name="KeyName">The key's name, or null to send unsigned.</param>
public sealed record NotifyTargetSetting(IPEndPoint EndPoint, DnsName? KeyName)
{
    /// <summary>The port used when none is given: the DNS port.</summary>
    public const int DefaultPort = 53;

    /// <summary>"192.0.2.1:53" or "[2001:db8::1]:53", with " key NAME" when signed.</summary>
    public override string ToString() => KeyName is null ? EndPoint.ToString() : $"{EndPoint} key {KeyName}";

    /// <summary>
    /// Reads "ADDRESS" or "ADDRESS:PORT" ("[IPv6]:PORT" with a port, a bare IPv6 address without). The port
    /// defaults to 53.
    /// </summary>
    public static bool TryParseEndPoint(string text, [NotNullWhen(true)] out IPEndPoint? endPoint, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        endPoint = null;
        string value = text.Trim();
        string addressText = value, portText = "";
        if (value.StartsWith('['))
        {
            int close = value.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || (close + 1 < value.Length && value[close + 1] != ':'))
            {
                error = $"'{text}' is not an address: an IPv6 address in brackets is written [2001:db8::1] or [2001:db8::1]:53";
                return false;
            }
            addressText = value[1..close];
            portText = close + 2 <= value.Length ? value[(close + 2)..] : "";
        }
        else if (value.Count(c => c == ':') == 1)
        {
            int colon = value.IndexOf(':', StringComparison.Ordinal);
            (addressText, portText) = (value[..colon], value[(colon + 1)..]);
        }
        if (!IPAddress.TryParse(addressText, out var address) || (address.AddressFamily == AddressFamily.InterNetwork && addressText.Count(c => c == '.') != 3))
        {
            error = $"'{text}' is not an IP address, optionally with a port (192.0.2.1, 192.0.2.1:5353, [2001:db8::1]:53)";
            return false;
        }
        int port = DefaultPort;
        if (portText.Length > 0 && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > IPEndPoint.MaxPort))
        {
            error = $"'{portText}' is not a port number from 1 to 65535";
            return false;
        }
        endPoint = new IPEndPoint(address, port);
        error = null;
        return true;
    }
}
