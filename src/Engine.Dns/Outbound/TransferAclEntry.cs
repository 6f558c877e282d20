using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Outbound;

/// <summary>
/// One entry of a zone's transfer access list: an address or network (a client inside it may transfer),
/// or a TSIG key name (a request signed with that key, and verified, may transfer from anywhere). Written
/// "192.0.2.1", "2001:db8::/32" or "key:transfer-key.example.".
/// </summary>
public sealed record TransferAclEntry
{
    /// <summary>The prefix of a key entry's text form.</summary>
    public const string KeyPrefix = "key:";

    private TransferAclEntry(IPNetwork? network, DnsName? keyName)
    {
        Network = network;
        KeyName = keyName;
    }

    /// <summary>The network allowed, or null for a key entry.</summary>
    public IPNetwork? Network { get; }

    /// <summary>The TSIG key allowed, or null for a network entry.</summary>
    public DnsName? KeyName { get; }

    /// <summary>An entry allowing the clients in <paramref name="network"/>.</summary>
    public static TransferAclEntry ForNetwork(IPNetwork network) => new(network, null);

    /// <summary>An entry allowing requests signed with the key <paramref name="keyName"/>.</summary>
    public static TransferAclEntry ForKey(DnsName keyName)
    {
        ArgumentNullException.ThrowIfNull(keyName);
        return new(null, keyName.ToLowerCase());
    }

    /// <summary>
    /// True when this entry lets a client at <paramref name="remote"/> transfer, its request signed with the
    /// verified key <paramref name="keyName"/> (null: unsigned). IPv4 addresses mapped into IPv6 match as IPv4.
    /// </summary>
    public bool Allows(IPAddress remote, DnsName? keyName)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (KeyName is not null)
            return keyName is not null && KeyName.Equals(keyName);
        var address = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        return Network!.Value.Contains(address);
    }

    /// <summary>True when any of <paramref name="entries"/> allows the client (an empty list allows nobody).</summary>
    public static bool AnyAllows(IEnumerable<TransferAclEntry> entries, IPAddress remote, DnsName? keyName)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            if (entry.Allows(remote, keyName))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Reads "ADDRESS", "ADDRESS/PREFIX" or "key:NAME". A network with bits set beyond its prefix
    /// ("192.0.2.1/24") is refused rather than guessed at: it is most likely a typo.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out TransferAclEntry? entry, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        entry = null;
        string value = text.Trim();
        if (value.StartsWith(KeyPrefix, StringComparison.OrdinalIgnoreCase))
        {
            string name = value[KeyPrefix.Length..];
            if (name.Length == 0)
            {
                error = "key: must be followed by a TSIG key name, as in key:transfer.example.";
                return false;
            }
            if (!DnsName.TryParse(name.EndsWith('.') ? name : name + ".", null, out var keyName, out string nameError))
            {
                error = $"'{name}' is not a valid TSIG key name: {nameError}";
                return false;
            }
            entry = ForKey(keyName);
            error = null;
            return true;
        }
        if (!TryParseNetwork(value, out var network, out error))
            return false;
        entry = ForNetwork(network);
        return true;
    }

    /// <summary>Reads an entry like <see cref="TryParse"/>.</summary>
    /// <exception cref="FormatException">The text is not an entry; the message says why.</exception>
    public static TransferAclEntry Parse(string text) =>
        TryParse(text, out var entry, out string? error) ? entry : throw new FormatException(error);

    /// <summary>"192.0.2.0/24", "192.0.2.1/32", "2001:db8::/32" or "key:name.example.": the form <see cref="Parse"/> reads.</summary>
    public override string ToString() => KeyName is not null ? KeyPrefix + KeyName : Network!.Value.ToString();

    private static bool TryParseNetwork(string value, out IPNetwork network, [NotNullWhen(false)] out string? error)
    {
        network = default;
        int slash = value.IndexOf('/');
        string addressText = slash < 0 ? value : value[..slash];
        if (!IPAddress.TryParse(addressText, out var address) || (address.AddressFamily == AddressFamily.InterNetwork && addressText.Count(c => c == '.') != 3))
        {
            error = $"'{value}' is neither an address, a network (ADDRESS/PREFIX) nor key:NAME";
            return false;
        }
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        int maxPrefix = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        int prefix = maxPrefix;
        if (slash >= 0 && (!int.TryParse(value.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > maxPrefix))
        {
            error = $"'{value}': the prefix length must be a number from 0 to {maxPrefix}";
            return false;
        }
        var masked = Mask(address, prefix);
        if (!masked.Equals(address))
        {
            error = $"'{value}' has bits set beyond its /{prefix} prefix; the network is {masked}/{prefix}";
            return false;
        }
        network = new IPNetwork(address, prefix);
        error = null;
        return true;
    }

    private static IPAddress Mask(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (int i = 0; i < bytes.Length; i++)
        {
            int bits = Math.Clamp(prefix - i * 8, 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bits));
        }
        return new IPAddress(bytes);
    }
}
