namespace SecondaryPortal.Dns.Analytics;

/// <summary>One configured network of a <see cref="ClientRegionMap"/>: clients in <paramref name="Network"/> belong to <paramref name="Region"/>.</summary>
/// <param name="Network">A network in CIDR notation ("10.0.0.0/8", "2001:db8::/32"); a bare address means one host.</param>
/// <param name="Region">The region's name ("eu-west").</param>
public sealed record ClientRegionNetwork(string Network, string Region);
