using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Analytics;

/// <summary>The most queried names of one zone since the last drain, all answers and NXDOMAIN answers apart.</summary>
/// <param name="Zone">The zone.</param>
/// <param name="Names">The most queried names, most first.</param>
/// <param name="NxDomainNames">The most queried names answered NXDOMAIN, most first.</param>
public sealed record ZoneTopNames(DnsName Zone, IReadOnlyList<NameCount> Names, IReadOnlyList<NameCount> NxDomainNames);
