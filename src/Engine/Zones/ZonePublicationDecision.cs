namespace SecondaryPortal.Engine.Zones;

/// <summary>What <see cref="ZonePublicationRule.Decide"/> made of a publication.</summary>
/// <param name="Table">What changes in the zone table.</param>
/// <param name="Next">What is known of the zone afterwards; null when it is forgotten (removed).</param>
/// <param name="Applies">False when the publication is refused and nothing changes.</param>
internal readonly record struct ZonePublicationDecision(ZoneTableChange Table, PublishedZone? Next, bool Applies = true)
{
    /// <summary>Nothing changes: a newer copy is known, or the copy it confirms is no longer served.</summary>
    public static ZonePublicationDecision Refused { get; } = new(ZoneTableChange.None, null, Applies: false);
}
