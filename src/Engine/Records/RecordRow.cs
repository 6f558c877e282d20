using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Records;

/// <summary>One record as a table shows it.</summary>
/// <param name="Position">The record's position in the zone (0-based), stable while the zone does not change: the key to edit it by.</param>
/// <param name="Name">The owner name, absolute, in presentation form ("www.example.com.").</param>
/// <param name="Ttl">The TTL in seconds.</param>
/// <param name="Type">The record type.</param>
/// <param name="TypeText">The type's mnemonic ("AAAA", or "TYPE65534" for an unknown one).</param>
/// <param name="Data">The RDATA in presentation form, as in a zone file.</param>
public sealed record RecordRow(int Position, string Name, uint Ttl, RecordType Type, string TypeText, string Data);
