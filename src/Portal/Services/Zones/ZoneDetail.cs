using SecondaryPortal.Engine.Outbound;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Portal.Services.Zones;

/// <summary>Everything the zone page's overview shows about one zone.</summary>
/// <param name="Summary">The zone's row as the list shows it (status, serials, next refresh, last error).</param>
/// <param name="CreatedAt">When the zone was stored.</param>
/// <param name="UpdatedAt">When its records or settings last changed.</param>
/// <param name="IsServed">True when this node answers for the zone now (a snapshot is published).</param>
/// <param name="Soa">The SOA timers: from the served copy, else from the stored refresh state; null when neither is known.</param>
/// <param name="Primaries">A secondary zone's primaries in order, with key names and last seen serials (empty for an authoritative zone).</param>
/// <param name="LastCheckAt">When a primary was last asked for the SOA.</param>
/// <param name="LastSuccessAt">When a refresh last succeeded (the start of the expire period).</param>
/// <param name="ExpiresAt">When the zone expires without a successful refresh.</param>
/// <param name="TimeToExpiry">How long until then (negative once expired); null when not applicable.</param>
/// <param name="IsPaused">True while refreshing is paused by the customer.</param>
/// <param name="RecentTransfers">The newest lines of the transfer history, newest first.</param>
/// <param name="Outgoing">For an authoritative zone: who may transfer it and who is notified; null for a secondary zone.</param>
public sealed record ZoneDetail(
    ZoneListRow Summary,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool IsServed,
    SoaTimers? Soa,
    IReadOnlyList<PrimaryReport> Primaries,
    DateTimeOffset? LastCheckAt,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? ExpiresAt,
    TimeSpan? TimeToExpiry,
    bool IsPaused,
    IReadOnlyList<TransferHistoryRow> RecentTransfers,
    ZoneTransferSettings? Outgoing)
{
    /// <summary>The zone's id.</summary>
    public long Id => Summary.Id;

    /// <summary>The zone's apex (punycode presentation form).</summary>
    public string Origin => Summary.Origin;

    /// <summary>Authoritative or secondary.</summary>
    public ZoneKind Kind => Summary.Kind;
}
