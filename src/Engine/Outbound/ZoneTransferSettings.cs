using SecondaryPortal.Dns.Outbound;

namespace SecondaryPortal.Engine.Outbound;

/// <summary>An authoritative zone's settings as a primary, for display (command line, portal).</summary>
/// <param name="Origin">The zone, in lowercase presentation form.</param>
/// <param name="Acl">Who may transfer the zone; empty means nobody.</param>
/// <param name="NotifyTargets">The secondaries notified of its changes.</param>
/// <param name="JournalEntries">Changes kept to answer IXFR.</param>
/// <param name="JournalBytes">Octets the kept changes take.</param>
/// <param name="JournalOldestSerial">The oldest serial an IXFR can start from, or null when the journal is empty.</param>
public sealed record ZoneTransferSettings(
    string Origin,
    IReadOnlyList<TransferAclEntry> Acl,
    IReadOnlyList<NotifyTargetSetting> NotifyTargets,
    int JournalEntries,
    long JournalBytes,
    uint? JournalOldestSerial);
