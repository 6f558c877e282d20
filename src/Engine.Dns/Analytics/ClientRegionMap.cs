using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SecondaryPortal.Dns.Server;

namespace SecondaryPortal.Dns.Analytics;

/// <summary>
/// Which region a client is in, from a configured list of networks: the longest matching prefix wins, and a
/// client no network matches is in <see cref="Other"/>. The client's address is the one of the EDNS Client
/// Subnet option when the query carries a well-formed one (RFC 7871 §6), else the socket's. Regions are
/// numbered (<see cref="Regions"/>, <see cref="Other"/> last) so that the counters index them without strings.
/// A deployment configures a handful of networks, so a lookup is a linear scan of an array sorted longest
/// prefix first: the first match is the longest, and a few masked compares cost less than any trie walk.
/// </summary>
public sealed class ClientRegionMap
{
    /// <summary>The region of a client that no configured network matches.</summary>
    public const string Other = "other";

    private readonly Network[] _v4;
    private readonly Network[] _v6;
    private readonly string[] _regions;

    private ClientRegionMap(Network[] v4, Network[] v6, string[] regions)
    {
        _v4 = v4;
        _v6 = v6;
        _regions = regions;
    }

    /// <summary>A map without networks: every client is in <see cref="Other"/>.</summary>
    public static ClientRegionMap Empty { get; } = new([], [], [Other]);

    /// <summary>The regions in configuration order, each once, <see cref="Other"/> last; a region's index is its slot.</summary>
    public IReadOnlyList<string> Regions => _regions;

    /// <summary>The slot of <see cref="Other"/> (the last).</summary>
    public int OtherSlot => _regions.Length - 1;

    /// <summary>The slot of a region by name; <see cref="OtherSlot"/> for a name not configured.</summary>
    public int SlotOf(string region)
    {
        int slot = Array.IndexOf(_regions, region);
        return slot < 0 ? OtherSlot : slot;
    }

    /// <summary>
    /// Builds a map, or says which entry is wrong: a network that is not CIDR, a prefix longer than the
    /// address, bits set past the prefix, an empty region, a network listed twice.
    /// </summary>
    public static bool TryCreate(IEnumerable<ClientRegionNetwork> networks, out ClientRegionMap map, out string error)
    {
        ArgumentNullException.ThrowIfNull(networks);
        map = Empty;
        var regions = new List<string>();
        var parsed = new List<Network>();
        int index = 0;
        foreach (var entry in networks)
        {
            if (!TryParseEntry(entry, regions, out var network, out string problem))
            {
                error = $"Client region entry {index} ('{entry?.Network}' -> '{entry?.Region}'): {problem}";
                return false;
            }
            if (parsed.Any(n => n.IsV6 == network.IsV6 && n.Prefix == network.Prefix && n.Value == network.Value))
            {
                error = $"Client region entry {index} ('{entry!.Network}' -> '{entry.Region}'): the network is listed twice.";
                return false;
            }
            parsed.Add(network);
            index++;
        }
        regions.Remove(Other);
        regions.Add(Other);
        // Longest prefix first, so that the first match of a linear scan is the longest.
        var byLength = parsed.Select(n => n with { Slot = regions.IndexOf(n.Region) }).OrderByDescending(n => n.Prefix).ToList();
        map = new ClientRegionMap(byLength.Where(n => !n.IsV6).ToArray(), byLength.Where(n => n.IsV6).ToArray(), regions.ToArray());
        error = "";
        return true;
    }

    /// <summary>Builds a map; throws <see cref="ArgumentException"/> naming the first bad entry (see <see cref="TryCreate"/>).</summary>
    public static ClientRegionMap Create(IEnumerable<ClientRegionNetwork> networks) =>
        TryCreate(networks, out var map, out string error) ? map : throw new ArgumentException(error, nameof(networks));

    /// <summary>The region of a client at <paramref name="address"/> (an IPv4-mapped IPv6 address is looked up as IPv4).</summary>
    public string RegionOf(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out int written);
        return _regions[address.AddressFamily == AddressFamily.InterNetwork
            ? SlotV4(BinaryPrimitives.ReadUInt32BigEndian(bytes), 32)
            : SlotV6(BinaryPrimitives.ReadUInt128BigEndian(bytes[..written]), 128)];
    }

    /// <summary>
    /// The region slot of a query and the IP version it arrived over. <paramref name="clientSubnet"/> is the
    /// Client Subnet option's data (empty when absent). Allocates nothing.
    /// </summary>
    internal int Slot(SocketAddress remote, ReadOnlySpan<byte> clientSubnet, out IpVersion version)
    {
        var socket = remote.Buffer.Span;
        bool v4 = remote.Family != AddressFamily.InterNetworkV6 || IsV4Mapped(socket[8..24]);
        version = v4 ? IpVersion.V4 : IpVersion.V6;
        if (_regions.Length == 1)
            return 0;
        if (clientSubnet.Length > 0 && TrySlotOfClientSubnet(clientSubnet, out int slot))
            return slot;
        if (remote.Family != AddressFamily.InterNetworkV6)
            return SlotV4(BinaryPrimitives.ReadUInt32BigEndian(socket[4..]), 32);
        return v4 ? SlotV4(BinaryPrimitives.ReadUInt32BigEndian(socket[20..]), 32) : SlotV6(BinaryPrimitives.ReadUInt128BigEndian(socket[8..]), 128);
    }

    /// <summary>
    /// The slot of a well-formed Client Subnet option (RFC 7871 §6): FAMILY 1 or 2, SOURCE PREFIX-LENGTH no longer
    /// than the address, SCOPE PREFIX-LENGTH 0 (it MUST be in queries), exactly ceil(SOURCE/8) ADDRESS octets with
    /// no bit set past the prefix. A network matches only when the client's prefix is at least as long as it.
    /// False for anything else, so the socket address decides: RFC 7871 §7.2.1 lets a server answer FORMERR to a
    /// malformed option, but our responder ignores the option when answering (it tailors nothing to the subnet),
    /// so the query is answered and counted, and a resolver's bad option must not invent a client region. A
    /// SOURCE PREFIX-LENGTH of 0 is well-formed but says nothing about the client (§7.1.2: the client opted
    /// out), so the socket address decides then too.
    /// </summary>
    private bool TrySlotOfClientSubnet(ReadOnlySpan<byte> option, out int slot)
    {
        slot = 0;
        if (option.Length < 4 || option[3] != 0)
            return false;
        ushort family = BinaryPrimitives.ReadUInt16BigEndian(option);
        int prefix = option[2];
        var address = option[4..];
        int bits = family switch { 1 => 32, 2 => 128, _ => 0 };
        if (bits == 0 || prefix == 0 || prefix > bits || address.Length != (prefix + 7) / 8)
            return false;
        if (prefix % 8 != 0 && (address[^1] & (0xFF >> (prefix % 8))) != 0)
            return false;
        Span<byte> full = stackalloc byte[16];
        full.Clear();
        address.CopyTo(full);
        if (family == 1)
        {
            slot = SlotV4(BinaryPrimitives.ReadUInt32BigEndian(full), prefix);
            return true;
        }
        // An IPv4-mapped prefix (::ffff:0:0/96 and longer) is an IPv4 client.
        if (prefix >= 96 && IsV4Mapped(full))
            slot = SlotV4(BinaryPrimitives.ReadUInt32BigEndian(full[12..]), prefix - 96);
        else
            slot = SlotV6(BinaryPrimitives.ReadUInt128BigEndian(full), prefix);
        return true;
    }

    private int SlotV4(uint address, int prefix)
    {
        foreach (var network in _v4)
        {
            if (network.Prefix <= prefix && ((address & (uint)network.Mask) == (uint)network.Value))
                return network.Slot;
        }
        return OtherSlot;
    }

    private int SlotV6(UInt128 address, int prefix)
    {
        foreach (var network in _v6)
        {
            if (network.Prefix <= prefix && ((address & network.Mask) == network.Value))
                return network.Slot;
        }
        return OtherSlot;
    }

    private static bool IsV4Mapped(ReadOnlySpan<byte> address16) =>
        address16[..10].IndexOfAnyExcept((byte)0) < 0 && address16[10] == 0xFF && address16[11] == 0xFF;

    private static bool TryParseEntry(ClientRegionNetwork? entry, List<string> regions, out Network network, out string problem)
    {
        network = default;
        if (entry is null || string.IsNullOrWhiteSpace(entry.Network))
        {
            problem = "the network is missing.";
            return false;
        }
        if (string.IsNullOrWhiteSpace(entry.Region))
        {
            problem = "the region name is missing.";
            return false;
        }
        string text = entry.Network.Trim();
        int slash = text.IndexOf('/');
        if (!IPAddress.TryParse(slash < 0 ? text : text[..slash], out var address) || (address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0))
        {
            problem = "not an IPv4 or IPv6 network in CIDR notation (such as 10.0.0.0/8 or 2001:db8::/32).";
            return false;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            problem = "an IPv4-mapped IPv6 network; write it as an IPv4 network.";
            return false;
        }
        bool v6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        int bits = v6 ? 128 : 32, prefix = bits;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bits))
        {
            problem = $"the prefix length must be a number from 0 to {bits}.";
            return false;
        }
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        UInt128 value = v6 ? BinaryPrimitives.ReadUInt128BigEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);
        UInt128 mask = prefix == 0 ? UInt128.Zero : (v6 ? UInt128.MaxValue << (128 - prefix) : (UInt128)(uint.MaxValue << (32 - prefix)));
        if ((value & mask) != value)
        {
            problem = $"bits are set past the /{prefix} prefix.";
            return false;
        }
        string region = entry.Region.Trim();
        if (!regions.Contains(region))
            regions.Add(region);
        network = new Network(v6, value, mask, prefix, region, 0);
        problem = "";
        return true;
    }

    /// <summary>A configured network: IPv4 ones hold their 32 bits in the low part of <see cref="Value"/>.</summary>
    private readonly record struct Network(bool IsV6, UInt128 Value, UInt128 Mask, int Prefix, string Region, int Slot);
}
