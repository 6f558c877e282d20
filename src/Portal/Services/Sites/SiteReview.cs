using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Records;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>The wizard's review of a draft: one page of its records, counts by type, warnings.</summary>
/// <param name="ZoneId">The draft's id.</param>
/// <param name="Origin">The zone, lowercase with the final dot.</param>
/// <param name="Kind">Secondary or authoritative.</param>
/// <param name="IsDraft">False once published.</param>
/// <param name="Serial">The stored SOA serial.</param>
/// <param name="Page">The records matching the filter, one page.</param>
/// <param name="CountsByType">Every record of the zone counted by type (filters ignored), most frequent first.</param>
/// <param name="Warnings">What the data holds that the customer should know (the engine's <see cref="ZoneWarnings"/>).</param>
/// <param name="Hints">For an empty secondary zone: what to check at the primary; empty otherwise.</param>
public sealed record SiteReview(
    long ZoneId,
    string Origin,
    ZoneKind Kind,
    bool IsDraft,
    uint Serial,
    RecordPage Page,
    IReadOnlyList<RecordTypeCount> CountsByType,
    IReadOnlyList<ZoneWarning> Warnings,
    IReadOnlyList<string> Hints)
{
    /// <summary>How many records the zone holds.</summary>
    public int TotalRecords => Page.TotalRecords;
}
