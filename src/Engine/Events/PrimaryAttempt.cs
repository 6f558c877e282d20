using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Events;

/// <summary>What asking one primary gave: nothing new, a new copy of the zone, or a failure in words.</summary>
/// <param name="Outcome">Which of the three.</param>
/// <param name="Primary">The primary asked.</param>
/// <param name="Serial">The serial the primary answered with, when it did.</param>
/// <param name="Snapshot">The new copy, built and checked (for <see cref="PrimaryAttemptOutcome.Transferred"/>).</param>
/// <param name="Diffs">The IXFR's diffs that lead to <paramref name="Snapshot"/>, or null after an AXFR.</param>
/// <param name="Error">Why it failed (or, for an older primary, what was odd), in plain words.</param>
internal sealed record PrimaryAttempt(PrimaryAttemptOutcome Outcome, ConfiguredPrimary Primary, uint? Serial = null,
    ZoneSnapshot? Snapshot = null, IReadOnlyList<ZoneDiff>? Diffs = null, string? Error = null);
