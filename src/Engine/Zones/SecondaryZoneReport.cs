using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Engine.Zones;

/// <summary>A stored zone's status for <c>zone status</c> and the portal: its row, and for a secondary zone its state, primaries and recent transfers.</summary>
/// <param name="Zone">The zone's summary.</param>
/// <param name="State">The refresh state (null for an authoritative zone).</param>
/// <param name="Primaries">The primaries in order (empty for an authoritative zone).</param>
/// <param name="RecentTransfers">The newest lines of the transfer history, newest first.</param>
public sealed record SecondaryZoneReport(ZoneSummary Zone, SecondaryZoneState? State, IReadOnlyList<PrimaryReport> Primaries, IReadOnlyList<TransferLogEntry> RecentTransfers);
