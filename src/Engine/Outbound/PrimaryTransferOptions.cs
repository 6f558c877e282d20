using SecondaryPortal.Engine.Journal;

namespace SecondaryPortal.Engine.Outbound;

/// <summary>How the primary's side of zone transfers sends NOTIFY (the journal's bounds are <c>JournalOptions</c>).</summary>
public sealed record PrimaryTransferOptions
{
    /// <summary>
    /// How often the NOTIFY service looks for zones whose served serial changed without an in-process signal:
    /// an import from the command line (another process) is announced within about this long.
    /// </summary>
    public TimeSpan NotifyPollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
