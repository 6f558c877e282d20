using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Outbound;

/// <summary>An authoritative zone's access list, NOTIFY targets and journal (oldest entry first), as cached.</summary>
internal sealed record CachedZoneSettings(DnsName Origin, IReadOnlyList<TransferAclEntry> Acl, IReadOnlyList<NotifyTargetSetting> Targets,
    IReadOnlyList<CachedJournalEntry> Journal);
