using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Lookup;

/// <summary>
/// The result of <see cref="ZoneLookup.Find"/>: the node (exact, wildcard, cut, DNAME owner or closest
/// encloser) and the index of the suffix it sits at (the closest encloser's for Wildcard and NxDomain).
/// </summary>
internal readonly record struct LookupResult(LookupOutcome Outcome, ZoneNode Node, int Index);
