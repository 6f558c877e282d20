using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Records;

/// <summary>The checks a nameserver makes of a change to zone data, worded for the person making it.</summary>
internal static class ZoneEditRules
{
    /// <summary>Why <paramref name="added"/> may not join <paramref name="others"/> (the zone without the record it replaces), or null.</summary>
    public static string? CheckAdd(DnsName origin, IReadOnlyList<DnsRecord> others, DnsRecord added, bool replacesSoa)
    {
        if (added.Type == RecordType.SOA)
        {
            // RFC 1035 §5.2: exactly one SOA, at the top of the zone.
            if (!added.Name.Equals(origin))
                return $"A SOA record belongs at the zone's apex {origin} only.";
            if (!replacesSoa)
                return "A zone has exactly one SOA record: edit it instead of adding another.";
        }
        bool cnameHere = false, otherHere = false;
        foreach (var record in others)
        {
            if (!record.Name.Equals(added.Name))
                continue;
            if (record.Type == added.Type && record.Data.Equals(added.Data))
                return $"{added.Name} already has this {RecordTypeNames.ToText(added.Type)} record.";
            if (record.Type == RecordType.CNAME)
                cnameHere = true;
            else if (record.Type is not (RecordType.RRSIG or RecordType.NSEC))
                otherHere = true;
        }
        // RFC 1034 §3.6.2 and RFC 2181 §10.1: a CNAME stands alone (RRSIG and NSEC excepted, RFC 4035 §2.5), and only one.
        if (added.Type == RecordType.CNAME && cnameHere)
            return $"{added.Name} already has a CNAME: a name holds at most one (edit it instead).";
        if (added.Type == RecordType.CNAME && otherHere)
            return $"{added.Name} has other records: a CNAME cannot stand beside other data (RFC 1034 §3.6.2).";
        if (added.Type is not (RecordType.CNAME or RecordType.RRSIG or RecordType.NSEC) && cnameHere)
            return $"{added.Name} is an alias (CNAME): no other data can stand beside it (RFC 1034 §3.6.2).";
        return null;
    }

    /// <summary>Why <paramref name="removed"/> may not leave the zone when <paramref name="added"/> (or nothing) takes its place, or null.</summary>
    public static string? CheckRemove(DnsName origin, IReadOnlyList<DnsRecord> others, DnsRecord removed, DnsRecord? added)
    {
        bool atApex = removed.Name.Equals(origin);
        if (removed.Type == RecordType.SOA && added?.Type != RecordType.SOA)
            return "The SOA record cannot be deleted: a zone needs one (RFC 1035 §5.2). Edit it instead.";
        if (atApex && removed.Type == RecordType.NS && !(added is { Type: RecordType.NS } && added.Name.Equals(origin))
            && !others.Any(r => r.Type == RecordType.NS && r.Name.Equals(origin)))
            return $"This is the last NS record at {origin}: a zone needs its name servers (RFC 1034 §4.2.1). Add another first.";
        return null;
    }

    /// <summary>
    /// The serial after a change: the current Unix time when that is newer than <paramref name="current"/> in RFC 1982
    /// arithmetic (so serials read as dates of change, as BIND's "serial-update-method unixtime"), else current + 1.
    /// </summary>
    public static uint NextSerial(uint current, DateTimeOffset now)
    {
        uint unix = (uint)now.ToUnixTimeSeconds();
        return new SerialNumber(unix).IsNewerThan(new SerialNumber(current)) ? unix : new SerialNumber(current).Add(1).Value;
    }
}
