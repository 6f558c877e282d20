using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tests.Lookup;

/// <summary>
/// Sections compared as RRsets, order-insensitive: owner (without case), type (and the covered type of an
/// RRSIG), TTL and the set of RDATA in canonical form (RFC 4034 §6.2). OPT is not part of a section here.
/// </summary>
internal static class RRsetComparison
{
    public static Dictionary<string, string> RRsets(IEnumerable<DnsRecord> records)
    {
        var sets = new Dictionary<string, List<DnsRecord>>();
        foreach (var record in records.Where(r => r.Type != RecordType.OPT))
        {
            string covered = record.Data is RrsigData sig ? "/" + RecordTypeNames.ToText(sig.TypeCovered) : "";
            string key = $"{record.Name.ToString().ToLowerInvariant()} {RecordTypeNames.ToText(record.Type)}{covered}";
            if (!sets.TryGetValue(key, out var list))
                sets[key] = list = [];
            list.Add(record);
        }
        return sets.ToDictionary(
            s => s.Key,
            s => string.Join(",", s.Value.Select(r => r.Ttl).Distinct().Order()) + " "
                + string.Join(" ", s.Value.Select(r => Convert.ToHexString(r.Data.ToCanonicalWire())).Distinct().Order()));
    }

    /// <summary>Differences between two sections, as readable lines (empty when equal).</summary>
    public static List<string> Differences(string section, IEnumerable<DnsRecord> ours, IEnumerable<DnsRecord> theirs)
    {
        var mine = RRsets(ours);
        var bind = RRsets(theirs);
        var lines = new List<string>();
        foreach (var (key, value) in mine)
        {
            if (!bind.TryGetValue(key, out var other))
                lines.Add($"{section}: only ours has {key}");
            else if (other != value)
                lines.Add($"{section}: {key} differs: ours {Short(value)} / BIND {Short(other)}");
        }
        lines.AddRange(bind.Keys.Where(k => !mine.ContainsKey(k)).Select(k => $"{section}: only BIND has {k}"));
        return lines;
    }

    /// <summary>True when every RRset of <paramref name="part"/> is also in <paramref name="whole"/>, identical.</summary>
    public static bool IsSubset(IEnumerable<DnsRecord> part, IEnumerable<DnsRecord> whole)
    {
        var all = RRsets(whole);
        return RRsets(part).All(p => all.TryGetValue(p.Key, out var value) && value == p.Value);
    }

    private static string Short(string value) => value.Length > 60 ? value[..60] + "..." : value;
}
