namespace SecondaryPortal.Engine.Outbound;

/// <summary>How the primary's side of zone transfers keeps its journal and sends NOTIFY.</summary>
public sealed record PrimaryTransferOptions
{
    /// <summary>
    /// Most octets of encoded diffs kept per zone to answer IXFR from (16 MiB by default). When an edit takes
    /// the journal past it, the oldest changes are dropped first; a secondary further behind gets the whole
    /// zone (AXFR-style, RFC 1995 §4). A single diff larger than this empties the journal.
    /// </summary>
    public long MaxJournalBytesPerZone { get; init; } = 16L * 1024 * 1024;

    /// <summary>
    /// How often the NOTIFY service looks for zones whose served serial changed without an in-process signal:
    /// an import from the command line (another process) is announced within about this long.
    /// </summary>
    public TimeSpan NotifyPollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
