using System.Net;

namespace SecondaryPortal.Dns.Server;

/// <summary>Where a request came from and how, passed by a listener to the request handler.</summary>
/// <param name="Transport">UDP or TCP.</param>
/// <param name="RemoteAddress">The client's address (no port), for access rules and analytics.</param>
/// <param name="LocalPort">The port the request arrived on.</param>
public readonly record struct DnsRequestContext(DnsTransport Transport, IPAddress RemoteAddress, int LocalPort);
