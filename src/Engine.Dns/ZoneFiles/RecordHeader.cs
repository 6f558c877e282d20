using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.ZoneFiles;

/// <summary>The fields between the owner and the RDATA of a record line: [TTL] [class] type, TTL and class in either order.</summary>
/// <param name="Ttl">The TTL written on the line, or null when omitted.</param>
/// <param name="Class">The class written, or the zone's class.</param>
/// <param name="Type">The record type.</param>
/// <param name="First">The first of these fields: where a missing TTL is reported.</param>
/// <param name="TypeToken">The type field: where missing RDATA is reported.</param>
internal readonly record struct RecordHeader(uint? Ttl, DnsClass Class, RecordType Type, PresentationToken First, PresentationToken TypeToken);
