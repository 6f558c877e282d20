namespace SecondaryPortal.Engine.Zones;

/// <summary>One primary of a secondary zone, as a status page shows it (never the key's secret).</summary>
/// <param name="Address">The address and port ("192.0.2.1:53").</param>
/// <param name="KeyName">The TSIG key's name, or null when unsigned.</param>
/// <param name="LastSeenSerial">The serial it last answered with.</param>
/// <param name="LastSeenAt">When it last answered.</param>
public sealed record PrimaryReport(string Address, string? KeyName, long? LastSeenSerial, DateTimeOffset? LastSeenAt);
