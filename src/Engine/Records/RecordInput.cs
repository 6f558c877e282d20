namespace SecondaryPortal.Engine.Records;

/// <summary>A record as a form or the API gives it, before it is validated.</summary>
/// <param name="Name">The owner: relative to the zone ("www"), "@" or empty for the apex, or absolute with the final dot.</param>
/// <param name="Ttl">The TTL in seconds (at most 2,147,483,647, RFC 2181 §8); null takes the TTL of the RRset the record joins, else the TTL of the zone's SOA record.</param>
/// <param name="Type">The type mnemonic ("A", "MX") or "TYPEnnn".</param>
/// <param name="Data">The RDATA in presentation form, as in a zone file ("10 mail", "\"v=spf1 -all\""); relative names are taken from the zone.</param>
public sealed record RecordInput(string? Name, uint? Ttl, string? Type, string? Data);
