using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Analytics;

/// <summary>A queried name and an estimate of how often it was asked for (an upper bound: see the Space-Saving sketch).</summary>
/// <param name="Name">The query name, lower case.</param>
/// <param name="Count">The sketch's count for the name.</param>
public sealed record NameCount(DnsName Name, long Count);
