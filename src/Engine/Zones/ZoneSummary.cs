using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Engine.Zones;

/// <summary>A stored zone without its records.</summary>
/// <param name="Origin">The apex in lowercase presentation form ("example.com.").</param>
/// <param name="Kind">Authoritative or secondary.</param>
/// <param name="Serial">The stored SOA serial.</param>
/// <param name="RecordCount">How many records are stored.</param>
/// <param name="UpdatedAt">When the zone last changed.</param>
/// <param name="Version">The store's change version at the zone's last change.</param>
/// <param name="Status">A secondary zone's refresh status; null for an authoritative zone.</param>
/// <param name="OwnerId">The owning account's Identity user id; null for a zone made from the command line.</param>
/// <param name="IsDraft">True while the zone is a draft of the Add Site wizard: stored, never served.</param>
public sealed record ZoneSummary(string Origin, ZoneKind Kind, uint Serial, int RecordCount, DateTimeOffset UpdatedAt, long Version, ZoneStatus? Status = null,
    string? OwnerId = null, bool IsDraft = false)
{
    /// <summary>
    /// A draft ready for the customer's review: an authoritative draft (its records are stored with it), or a secondary
    /// draft whose first transfer stored records. Publishing it (<see cref="ZoneDrafts.PublishAsync"/>) makes it live.
    /// </summary>
    public bool IsPendingReview => IsDraft && (Kind == ZoneKind.Authoritative || RecordCount > 0);

    /// <summary>The zone's row (the key <see cref="ZoneDrafts"/> and the portal's links use).</summary>
    public long Id { get; init; }
}
