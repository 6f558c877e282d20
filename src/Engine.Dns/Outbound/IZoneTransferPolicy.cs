using System.Net;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Outbound;

/// <summary>
/// Who may transfer a zone from us (AXFR, IXFR): the access list of <see cref="ZoneTransferResponder"/>.
/// Called once per transfer request, from many connections at once: implementations must be thread-safe
/// and answer from memory.
/// </summary>
public interface IZoneTransferPolicy
{
    /// <summary>
    /// True when a transfer of <paramref name="zone"/> is allowed to a client at <paramref name="remote"/>
    /// whose request was signed with the TSIG key <paramref name="keyName"/> (already verified), or unsigned
    /// when it is null. False denies: the client gets REFUSED.
    /// </summary>
    bool IsTransferAllowed(DnsName zone, IPAddress remote, DnsName? keyName);
}
