namespace SecondaryPortal.Portal.Services.Zones;

/// <summary>A zone's SOA timers (RFC 1035 §3.3.13), in seconds.</summary>
/// <param name="Refresh">How often a secondary checks the primary's serial.</param>
/// <param name="Retry">How long a secondary waits after a failed check.</param>
/// <param name="Expire">How long a secondary serves without a successful check.</param>
/// <param name="Minimum">The negative-caching TTL (RFC 2308 §4); null when only the stored refresh state was read.</param>
/// <param name="PrimaryServer">The SOA MNAME; null when unknown.</param>
/// <param name="Mailbox">The SOA RNAME; null when unknown.</param>
public sealed record SoaTimers(long Refresh, long Retry, long Expire, long? Minimum, string? PrimaryServer, string? Mailbox);
