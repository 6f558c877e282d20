namespace SecondaryPortal.Portal.Services.Zones;

/// <summary>One page of the zone list.</summary>
/// <param name="Rows">The zones of the page, ordered by name.</param>
/// <param name="TotalMatches">How many zones match the filters.</param>
/// <param name="Page">The page given (from 1).</param>
/// <param name="PageSize">Rows per page as applied.</param>
/// <param name="TotalZones">How many zones the account has, unfiltered (0 shows the "add your first site" state).</param>
public sealed record ZoneListPage(IReadOnlyList<ZoneListRow> Rows, int TotalMatches, int Page, int PageSize, int TotalZones)
{
    /// <summary>How many pages the matches fill (at least 1).</summary>
    public int PageCount => Math.Max(1, (TotalMatches + PageSize - 1) / PageSize);
}
