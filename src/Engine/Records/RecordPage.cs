namespace SecondaryPortal.Engine.Records;

/// <summary>One page of a zone's records, with the totals a pager and type filter need.</summary>
/// <param name="Rows">The records of the page, in zone order.</param>
/// <param name="TotalMatches">How many records match the name and type filters.</param>
/// <param name="Page">The page given (from 1; the last page when the one asked for is past it).</param>
/// <param name="PageSize">Rows per page as applied.</param>
/// <param name="TotalRecords">How many records the zone has, unfiltered.</param>
/// <param name="CountsByType">
/// Per type, how many records match the name filter (the type filter ignored, so every type stays choosable),
/// most frequent first.
/// </param>
public sealed record RecordPage(
    IReadOnlyList<RecordRow> Rows,
    int TotalMatches,
    int Page,
    int PageSize,
    int TotalRecords,
    IReadOnlyList<RecordTypeCount> CountsByType)
{
    /// <summary>How many pages the matches fill (at least 1).</summary>
    public int PageCount => Math.Max(1, (TotalMatches + PageSize - 1) / PageSize);
}
