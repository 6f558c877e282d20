using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Analytics;

/// <summary>Queries answered since the counters started, for one combination of zone, type, rcode, transport, IP version and regions.</summary>
/// <param name="Zone">The zone that answered, or null for queries outside every zone (REFUSED) or unreadable ones.</param>
/// <param name="QueryType">QTYPE, or null for a type not tracked one by one (see <see cref="QueryCounters.TrackedTypes"/>).</param>
/// <param name="Rcode">The response code sent, or null for one not tracked one by one (see <see cref="QueryCounters.TrackedRcodes"/>).</param>
/// <param name="Transport">UDP or TCP.</param>
/// <param name="IpVersion">The IP version the query arrived over.</param>
/// <param name="ClientRegion">The client's region (from the configured client networks), "other" when no network matched.</param>
/// <param name="Region">The node's region (configuration Dns:Region).</param>
/// <param name="Count">Number of queries, cumulative.</param>
public sealed record QueryCount(
    DnsName? Zone, RecordType? QueryType, DnsRcode? Rcode, DnsTransport Transport, IpVersion IpVersion, string ClientRegion, string Region, long Count);
