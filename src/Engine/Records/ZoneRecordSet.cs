using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Engine.Records;

/// <summary>The outcome of <see cref="ZoneRecordBrowser.GetAsync"/>: a zone's stored records, indexed, and what the store says of the zone.</summary>
/// <param name="Status">Whether the records could be read.</param>
/// <param name="Origin">The zone.</param>
/// <param name="Kind">Authoritative or secondary; null when not found.</param>
/// <param name="Serial">The stored SOA serial (0 when none).</param>
/// <param name="Version">The zone's change version in the store: a record's position is stable while it stays the same.</param>
/// <param name="Index">The records; null unless <see cref="RecordBrowseStatus.Found"/>.</param>
/// <param name="Message">One line fit to show a user.</param>
public sealed record ZoneRecordSet(RecordBrowseStatus Status, DnsName Origin, ZoneKind? Kind, uint Serial, long Version, ZoneRecordIndex? Index, string Message);
