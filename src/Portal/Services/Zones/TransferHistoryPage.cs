namespace SecondaryPortal.Portal.Services.Zones;

/// <summary>One page of a zone's transfer history, newest first.</summary>
/// <param name="Rows">The lines of the page.</param>
/// <param name="TotalRows">How many lines are kept for the zone.</param>
/// <param name="Page">The page given (from 1).</param>
/// <param name="PageSize">Lines per page.</param>
public sealed record TransferHistoryPage(IReadOnlyList<TransferHistoryRow> Rows, int TotalRows, int Page, int PageSize)
{
    /// <summary>How many pages the lines fill (at least 1).</summary>
    public int PageCount => Math.Max(1, (TotalRows + PageSize - 1) / PageSize);
}
