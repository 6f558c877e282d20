using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>Finds the four things the review warns about in a zone's records and its last transfer's warnings.</summary>
public static class SiteWarnings
{
    private const int NamesShown = 3;

    /// <summary>
    /// The warnings for <paramref name="records"/> of <paramref name="origin"/>; <paramref name="transferWarnings"/> is
    /// the accepted transfer's warning text ("warnings: a; b"), from which dropped out-of-zone records are counted.
    /// </summary>
    public static IReadOnlyList<SiteWarning> Find(DnsName origin, IReadOnlyList<DnsRecord> records, string? transferWarnings)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(records);
        var warnings = new List<SiteWarning>();
        var cnames = CnameConflicts(records);
        if (cnames.Count > 0)
        {
            warnings.Add(new SiteWarning(SiteWarningKind.CnameBesideOtherData,
                $"{Names(cnames)} {(cnames.Count == 1 ? "has" : "have")} a CNAME and other records; a name with a CNAME may hold nothing else " +
                "(RFC 1034 §3.6.2, RFC 2181 §10.1), so resolvers will see one or the other."));
        }
        if (!records.Any(r => r.Type == RecordType.NS && r.Name == origin))
        {
            warnings.Add(new SiteWarning(SiteWarningKind.MissingApexNs,
                $"{origin} has no NS records at its apex: add the names of the servers that serve it, as the parent zone delegates to them."));
        }
        var outside = (transferWarnings ?? "").Split(["; ", "warnings: "], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Contains("outside the zone", StringComparison.Ordinal)).ToList();
        if (outside.Count > 0)
        {
            var names = outside.Select(w => w.Split(' ')[0]).Distinct().ToList();
            warnings.Add(new SiteWarning(SiteWarningKind.RecordsOutsideZoneDropped,
                $"{outside.Count} record{(outside.Count == 1 ? " was" : "s were")} outside {origin} and dropped ({Names(names)}): " +
                "a zone holds only names under its apex; check the primary's zone file."));
        }
        var dnssec = records.Where(r => IsDnssec(r.Type)).GroupBy(r => r.Type).Select(g => $"{g.Count()} {RecordTypeNames.ToText(g.Key)}").ToList();
        if (dnssec.Count > 0)
        {
            warnings.Add(new SiteWarning(SiteWarningKind.DnssecRecordsPresent,
                $"The zone is DNSSEC-signed ({string.Join(", ", dnssec)}): we serve the signatures as transferred, so the primary must keep " +
                "re-signing before they expire (RFC 4034 §3.1.5), and the DS at the parent must match its keys."));
        }
        return warnings;
    }

    /// <summary>
    /// True for the DNSSEC record types of RFC 4034 and RFC 5155 (DS is only counted: a delegation's DS is normal data of a
    /// signed parent, but it is DNSSEC data too).
    /// </summary>
    public static bool IsDnssec(RecordType type) =>
        type == RecordType.RRSIG || type == RecordType.DNSKEY || type == RecordType.NSEC || type == RecordType.NSEC3
        || type == RecordType.NSEC3PARAM || type == RecordType.DS;

    private static List<string> CnameConflicts(IReadOnlyList<DnsRecord> records)
    {
        var byName = new Dictionary<DnsName, (bool Cname, bool Other)>();
        foreach (var record in records)
        {
            // RFC 4035 §2.5: RRSIG and NSEC may sit beside a CNAME.
            if (record.Type == RecordType.RRSIG || record.Type == RecordType.NSEC)
                continue;
            var seen = byName.GetValueOrDefault(record.Name);
            byName[record.Name] = record.Type == RecordType.CNAME ? (true, seen.Other) : (seen.Cname, true);
        }
        return byName.Where(p => p.Value.Cname && p.Value.Other).Select(p => p.Key.ToString()).Order(StringComparer.Ordinal).ToList();
    }

    private static string Names(IReadOnlyList<string> names) =>
        string.Join(", ", names.Take(NamesShown)) + (names.Count > NamesShown ? $" and {names.Count - NamesShown} more" : "");
}
