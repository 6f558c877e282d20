namespace SecondaryPortal.Engine.Journal;

/// <summary>Bounds of the IXFR journal kept for every zone we serve as a primary.</summary>
public sealed record JournalOptions
{
    /// <summary>
    /// Most octets of encoded diffs kept per zone to answer IXFR from (16 MiB by default). When an edit takes the journal
    /// past it, the oldest changes are dropped first; a secondary further behind gets the whole zone (AXFR-style, RFC 1995
    /// §4). A single diff larger than this empties the journal.
    /// </summary>
    public long MaxBytesPerZone { get; init; } = 16L * 1024 * 1024;
}
