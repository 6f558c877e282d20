using SecondaryPortal.Dns.Records;

namespace SecondaryPortal.Engine.Zones;

/// <summary>The outcome of <see cref="ZoneStore.ExportAsync"/>.</summary>
/// <param name="Found">False when no such zone is stored.</param>
/// <param name="Records">The stored records in stored order (empty when not found).</param>
/// <param name="Message">One line fit to show a user.</param>
public sealed record ZoneExportResult(bool Found, IReadOnlyList<DnsRecord> Records, string Message);
