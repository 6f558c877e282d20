using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Portal.Services.Zones;

/// <summary>Which zones to list, and which page of them.</summary>
/// <param name="Search">Keep zones whose name contains this text (case-insensitive; an IDN in Unicode is matched by its punycode); null or blank keeps all.</param>
/// <param name="Kind">Keep only this kind; null keeps both.</param>
/// <param name="Status">Keep only this status; null keeps all.</param>
/// <param name="Page">The page, from 1; past the last page the last page is given.</param>
/// <param name="PageSize">Rows per page, 1 to <see cref="MaxPageSize"/> (clamped).</param>
/// <param name="Sort">The column the rows are ordered by (ties by name).</param>
/// <param name="Descending">True for the largest first.</param>
public sealed record ZoneListQuery(string? Search = null, ZoneKind? Kind = null, ZoneDisplayStatus? Status = null, int Page = 1, int PageSize = 50,
    ZoneListSort Sort = ZoneListSort.Name, bool Descending = false)
{
    /// <summary>The largest page served.</summary>
    public const int MaxPageSize = 500;
}
