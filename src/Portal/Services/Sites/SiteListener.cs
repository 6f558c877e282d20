using System.Net;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Portal.DnsListeners;

namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>
/// Where customers' primaries reach us, for the configuration snippets: the DNS listener (NOTIFY goes there) and the
/// address our transfers come from. <c>Sites:PublicAddress</c> overrides the address when the listener is bound to a
/// wildcard or sits behind NAT; otherwise the first bound listener is used.
/// </summary>
public sealed class SiteListener(DnsServerHostedService server, DnsServerOptions options, IConfiguration configuration)
{
    /// <summary>Our DNS endpoint as a primary should address it.</summary>
    public IPEndPoint NotifyTarget
    {
        get
        {
            var bound = server.UdpEndpoints.FirstOrDefault() ?? options.Endpoints.FirstOrDefault() ?? new IPEndPoint(IPAddress.Loopback, 53);
            return new IPEndPoint(PublicAddress ?? bound.Address, bound.Port);
        }
    }

    /// <summary>The address our SOA queries and transfers come from.</summary>
    public IPAddress TransferSource => NotifyTarget.Address;

    /// <summary>True when the address is a wildcard (0.0.0.0 or ::): the customer must put in this server's public address.</summary>
    public bool IsWildcard => TransferSource.Equals(IPAddress.Any) || TransferSource.Equals(IPAddress.IPv6Any);

    private IPAddress? PublicAddress => configuration["Sites:PublicAddress"] is { Length: > 0 } text && IPAddress.TryParse(text, out var address) ? address : null;
}
