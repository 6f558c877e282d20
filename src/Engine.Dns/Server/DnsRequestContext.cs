using System.Net;
using System.Net.Sockets;

namespace SecondaryPortal.Dns.Server;

/// <summary>Where a request came from and how, passed by a listener to the request handler.</summary>
/// <param name="Transport">UDP or TCP.</param>
/// <param name="Remote">
/// The client's socket address. Listeners reuse one instance per receive loop (no allocation per
/// datagram), so a handler must copy what it keeps beyond the call.
/// </param>
public readonly record struct DnsRequestContext(DnsTransport Transport, SocketAddress Remote)
{
    /// <summary>The client's endpoint as a new object (allocates; for rare paths such as NOTIFY or XFR).</summary>
    public IPEndPoint RemoteEndPoint => (IPEndPoint)new IPEndPoint(Remote.Family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0).Create(Remote);
}
