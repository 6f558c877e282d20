using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Engine.Zones;

/// <summary>
/// Finds what the wizard's review should point out in a zone's data: an empty zone, CNAME beside other data, no
/// apex NS, records outside the zone (dropped), DNSSEC records. Reads the records once; the zone builder's warnings
/// (from <see cref="Dns.ZoneData.ZoneBuildResult.Warnings"/> or a transfer's log line) add what the records no longer
/// show, such as the records dropped for lying outside the zone.
/// </summary>
public static class ZoneWarnings
{
    /// <summary>Most example names given per warning.</summary>
    public const int MaxExamples = 5;

    private const string OutsideMarker = " is outside the zone ";

    /// <summary>The warnings about <paramref name="records"/> of the zone <paramref name="origin"/>, most serious first.</summary>
    /// <param name="origin">The zone's apex.</param>
    /// <param name="records">The zone's records (stored, transferred or parsed from a file), in any order.</param>
    /// <param name="builderWarnings">The zone builder's warnings for these records, if known.</param>
    public static IReadOnlyList<ZoneWarning> Analyze(DnsName origin, IEnumerable<DnsRecord> records, IEnumerable<string>? builderWarnings = null)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(records);
        var scan = Scan(origin, records);
        var warnings = new List<ZoneWarning>();
        if (scan.Total - scan.ApexSoaOrNs <= 0)
        {
            warnings.Add(new ZoneWarning(ZoneWarningKind.EmptyZone, scan.Total == 0
                ? $"No records were received for {origin}: check the primary's ACL allows transfers to this server, the TSIG key, and the primary's IP address."
                : $"{origin} holds nothing but its SOA and NS records: if more was expected, check the primary's ACL, the TSIG key, and that the primary's IP address serves the right zone.",
                1, [origin.ToString()]));
        }
        if (scan.Cnames.Count > 0)
        {
            warnings.Add(new ZoneWarning(ZoneWarningKind.CnameAndOtherData,
                $"{Plural(scan.Cnames.Count, "name holds", "names hold")} a CNAME beside other data (RFC 1034 §3.6.2): resolvers follow the CNAME and the other records are not seen.",
                scan.Cnames.Count, Examples(scan.Cnames)));
        }
        if (scan.Total > 0 && !scan.ApexNs)
        {
            warnings.Add(new ZoneWarning(ZoneWarningKind.NoApexNs,
                $"{origin} has no NS records at its apex: add the names of its name servers (RFC 1034 §4.2.1).", 1, [origin.ToString()]));
        }
        AddOutside(warnings, origin, scan.Outside, builderWarnings);
        if (scan.Dnssec > 0)
        {
            warnings.Add(new ZoneWarning(ZoneWarningKind.DnssecRecords,
                $"{origin} is signed ({Plural(scan.Dnssec, "DNSSEC record", "DNSSEC records")}): we serve the signatures as transferred, so the primary must keep re-signing it before they expire.",
                scan.Dnssec, Examples(scan.DnssecOwners)));
        }
        AddOthers(warnings, builderWarnings);
        return warnings;
    }

    /// <summary>
    /// The builder's warnings as a secondary zone's transfer log line keeps them (<c>TransferLogEntry.Error</c> of an
    /// accepted transfer: "warnings: a; b", perhaps after a note on an IXFR that fell back to AXFR).
    /// </summary>
    public static IReadOnlyList<string> FromTransferLog(string? logText)
    {
        if (string.IsNullOrEmpty(logText))
            return [];
        int at = logText.IndexOf("warnings: ", StringComparison.Ordinal);
        if (at < 0)
            return [];
        // The line joins warnings with "; ", which some warnings hold too ("...; record dropped"): glue their tails back.
        var warnings = new List<string>();
        foreach (string part in logText[(at + "warnings: ".Length)..].Split("; ", StringSplitOptions.RemoveEmptyEntries))
        {
            if (warnings.Count > 0 && WarningTails.Any(tail => part.StartsWith(tail, StringComparison.Ordinal)))
                warnings[^1] += "; " + part;
            else
                warnings.Add(part);
        }
        return warnings;
    }

    /// <summary>How the zone builder's warnings that hold "; " go on after it.</summary>
    private static readonly string[] WarningTails = ["record dropped", "only the first", "the lowest"];

    private static void AddOutside(List<ZoneWarning> warnings, DnsName origin, List<string> outside, IEnumerable<string>? builderWarnings)
    {
        var names = new HashSet<string>(outside, StringComparer.OrdinalIgnoreCase);
        foreach (string warning in builderWarnings ?? [])
        {
            int at = warning.IndexOf(OutsideMarker, StringComparison.Ordinal);
            if (at > 0)
                names.Add(warning[..warning.IndexOf(' ', StringComparison.Ordinal)]);
        }
        int count = Math.Max(names.Count, outside.Count);
        if (count == 0)
            return;
        warnings.Add(new ZoneWarning(ZoneWarningKind.OutsideZone,
            $"{Plural(count, "record lies", "records lie")} outside {origin} and {(count == 1 ? "is" : "are")} not served (a name server only answers for names in its zones).",
            count, Examples(names)));
    }

    private static void AddOthers(List<ZoneWarning> warnings, IEnumerable<string>? builderWarnings)
    {
        foreach (string warning in builderWarnings ?? [])
        {
            // The kinds above are found in the records themselves; the rest is passed on as the builder words it.
            if (warning.Contains(OutsideMarker, StringComparison.Ordinal) || warning.Contains("CNAME beside other data", StringComparison.Ordinal)
                || warning.Contains("no NS records at the zone apex", StringComparison.Ordinal))
                continue;
            warnings.Add(new ZoneWarning(ZoneWarningKind.Other, warning, 1, []));
        }
    }

    private static RecordScan Scan(DnsName origin, IEnumerable<DnsRecord> records)
    {
        var scan = new RecordScan();
        var byOwner = new Dictionary<DnsName, OwnerData>();
        foreach (var record in records)
        {
            scan.Total++;
            if (!record.Name.IsSubdomainOf(origin))
            {
                scan.Outside.Add(record.Name.ToString());
                continue;
            }
            bool apex = record.Name.Equals(origin);
            if (apex && record.Type is RecordType.SOA or RecordType.NS)
                scan.ApexSoaOrNs++;
            scan.ApexNs |= apex && record.Type == RecordType.NS;
            if (record.Type is RecordType.RRSIG or RecordType.NSEC or RecordType.NSEC3 or RecordType.NSEC3PARAM or RecordType.DNSKEY)
            {
                scan.Dnssec++;
                if (scan.DnssecOwners.Count < MaxExamples && !scan.DnssecOwners.Contains(record.Name.ToString()))
                    scan.DnssecOwners.Add(record.Name.ToString());
            }
            // RRSIG and NSEC may stand beside a CNAME (RFC 2181 §10.1 as updated by RFC 4035 §2.5).
            var data = record.Type switch
            {
                RecordType.CNAME => OwnerData.Cname,
                RecordType.RRSIG or RecordType.NSEC => OwnerData.None,
                _ => OwnerData.Other,
            };
            if (data != OwnerData.None)
                byOwner[record.Name] = byOwner.GetValueOrDefault(record.Name) | data;
        }
        foreach (var (name, data) in byOwner)
        {
            if (data == (OwnerData.Cname | OwnerData.Other))
                scan.Cnames.Add(name.ToString());
        }
        scan.Cnames.Sort(StringComparer.OrdinalIgnoreCase);
        return scan;
    }

    private static string[] Examples(IEnumerable<string> names) => [.. names.Take(MaxExamples)];

    private static string Plural(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count:N0} {many}";

    [Flags]
    private enum OwnerData : byte
    {
        None = 0,
        Cname = 1,
        Other = 2,
    }

    private sealed class RecordScan
    {
        public int Total;
        public int ApexSoaOrNs;
        public bool ApexNs;
        public int Dnssec;
        public readonly List<string> Outside = [];
        public readonly List<string> DnssecOwners = [];
        public readonly List<string> Cnames = [];
    }
}
