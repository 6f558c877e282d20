using System.Net;
using System.Net.Sockets;

namespace SecondaryPortal.Engine.Probing;

/// <summary>
/// The IANA special-purpose address ranges (RFC 6890 and the registries it set up) that a customer's primary has no
/// business on: an address in one of them reaches this server's own machine or network, not the Internet. Used to keep
/// the wizard's live check from probing them for a customer.
/// </summary>
public static class SpecialPurposeAddresses
{
    private static readonly (IPNetwork Network, string Kind)[] Ranges =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "an unspecified (\"this network\") address (RFC 1122 §3.2.1.3)"),
        (IPNetwork.Parse("10.0.0.0/8"), "a private address (RFC 1918)"),
        (IPNetwork.Parse("100.64.0.0/10"), "a carrier-grade NAT address (RFC 6598)"),
        (IPNetwork.Parse("127.0.0.0/8"), "a loopback address (RFC 1122 §3.2.1.3)"),
        (IPNetwork.Parse("169.254.0.0/16"), "a link-local address (RFC 3927)"),
        (IPNetwork.Parse("172.16.0.0/12"), "a private address (RFC 1918)"),
        (IPNetwork.Parse("192.0.0.0/24"), "an IETF protocol assignment (RFC 6890)"),
        (IPNetwork.Parse("192.0.2.0/24"), "a documentation address (RFC 5737)"),
        (IPNetwork.Parse("192.88.99.0/24"), "a 6to4 relay anycast address (RFC 7526)"),
        (IPNetwork.Parse("192.168.0.0/16"), "a private address (RFC 1918)"),
        (IPNetwork.Parse("198.18.0.0/15"), "a benchmarking address (RFC 2544)"),
        (IPNetwork.Parse("198.51.100.0/24"), "a documentation address (RFC 5737)"),
        (IPNetwork.Parse("203.0.113.0/24"), "a documentation address (RFC 5737)"),
        (IPNetwork.Parse("224.0.0.0/4"), "a multicast address (RFC 5771)"),
        (IPNetwork.Parse("240.0.0.0/4"), "a reserved address (RFC 1112 §4), or the broadcast address"),
        (IPNetwork.Parse("::/128"), "the unspecified address (RFC 4291 §2.5.2)"),
        (IPNetwork.Parse("::1/128"), "a loopback address (RFC 4291 §2.5.3)"),
        (IPNetwork.Parse("64:ff9b:1::/48"), "a local-use NAT64 address (RFC 8215)"),
        (IPNetwork.Parse("100::/64"), "a discard-only address (RFC 6666)"),
        (IPNetwork.Parse("2001::/23"), "an IETF protocol assignment (RFC 2928), such as Teredo"),
        (IPNetwork.Parse("2001:db8::/32"), "a documentation address (RFC 3849)"),
        (IPNetwork.Parse("2002::/16"), "a 6to4 address (RFC 3056)"),
        (IPNetwork.Parse("3fff::/20"), "a documentation address (RFC 9637)"),
        (IPNetwork.Parse("5f00::/16"), "a segment routing (SRv6) address (RFC 9602)"),
        (IPNetwork.Parse("fc00::/7"), "a unique local (private) address (RFC 4193)"),
        (IPNetwork.Parse("fe80::/10"), "a link-local address (RFC 4291 §2.5.6)"),
        (IPNetwork.Parse("fec0::/10"), "a site-local address (RFC 3879)"),
        (IPNetwork.Parse("ff00::/8"), "a multicast address (RFC 4291 §2.7)"),
    ];

    private static readonly IPNetwork GlobalUnicast = IPNetwork.Parse("2000::/3");
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    /// <summary>
    /// What special-purpose range <paramref name="address"/> is in, in words ("a private address (RFC 1918)"), or null when
    /// it is an ordinary public unicast address. An IPv4 address inside IPv6 (IPv4-mapped ::ffff:0:0/96, RFC 4291 §2.5.5.2;
    /// NAT64 64:ff9b::/96, RFC 6052) is judged as that IPv4 address; any other IPv6 address outside 2000::/3 is reserved by
    /// the IETF (RFC 4291 §2.4).
    /// </summary>
    public static string? Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
            return Classify(address.MapToIPv4());
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && Nat64.Contains(address))
            return Classify(new IPAddress(address.GetAddressBytes()[12..]));
        foreach (var (network, kind) in Ranges)
        {
            if (network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address))
                return kind;
        }
        return address.AddressFamily == AddressFamily.InterNetworkV6 && !GlobalUnicast.Contains(address)
            ? "a reserved address (RFC 4291 §2.4)"
            : null;
    }
}
