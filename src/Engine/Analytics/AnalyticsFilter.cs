using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Analytics;

/// <summary>
/// Which queries a report covers: a time range and filters that combine (all must match). A null filter matches
/// everything.
/// </summary>
/// <param name="From">Start of the range (inclusive), UTC.</param>
/// <param name="To">End of the range (exclusive), UTC.</param>
/// <param name="Zones">
/// The zones to cover ("example.com."), or null for every zone and the queries for no zone of ours. The portal passes
/// the zones the caller may see.
/// </param>
/// <param name="QueryType">Only this QTYPE; <see cref="AnalyticsKeys.OtherType"/> selects the types not tracked one by one.</param>
/// <param name="Rcode">Only this response code; <see cref="AnalyticsKeys.OtherRcode"/> selects the codes not tracked one by one.</param>
/// <param name="Transport">Only UDP or only TCP.</param>
/// <param name="IpVersion">Only IPv4 or only IPv6.</param>
/// <param name="ClientRegion">Only this client region ("other" for unmatched clients).</param>
/// <param name="NodeRegion">Only queries answered by nodes of this region.</param>
public sealed record AnalyticsFilter(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyCollection<DnsName>? Zones = null,
    RecordType? QueryType = null,
    DnsRcode? Rcode = null,
    DnsTransport? Transport = null,
    IpVersion? IpVersion = null,
    string? ClientRegion = null,
    string? NodeRegion = null);
