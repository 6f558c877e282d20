using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Transfer;

/// <summary>What <see cref="IxfrRehearsal.Run"/> made: the rehearsal zone patched by its IXFR, and the IXFR's diffs.</summary>
/// <param name="Applied">The patched snapshot (or the errors that kept it from being made).</param>
/// <param name="Diffs">The diffs the transfer parser read from the rehearsal answer.</param>
public sealed record IxfrRehearsalResult(ZoneBuildResult Applied, IReadOnlyList<ZoneDiff> Diffs);
