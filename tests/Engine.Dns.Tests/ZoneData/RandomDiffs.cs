using System.Net;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Tests.ZoneData;

/// <summary>
/// Seeded random IXFR diffs over a zone: records deleted (signatures, NSEC, NSEC3 included) and put back later,
/// names added deep below others (new empty non-terminals), delegations with glue, wildcards, DNAMEs, CNAMEs
/// beside data, TTL changes, owner names in another case, records outside the zone.
/// </summary>
internal sealed class RandomDiffs(Random random, DnsName origin)
{
    private readonly List<DnsRecord> _deletedEarlier = [];
    private int _counter;

    /// <summary>A diff from <paramref name="zone"/>'s SOA to the next serial; <paramref name="changes"/> edits at most.</summary>
    public ZoneDiff Next(IReadOnlyList<DnsRecord> zone, int changes)
    {
        var soa = zone.Single(r => r.Type == RecordType.SOA);
        var held = new HashSet<RecordIdentity>(zone.Select(r => new RecordIdentity(r)));
        var others = zone.Where(r => r.Type != RecordType.SOA).ToList();
        var deleted = new List<DnsRecord>();
        var added = new List<DnsRecord>();
        for (int i = 0; i < changes; i++)
            Change(others, held, deleted, added);
        var newSoa = soa with { Data = ((SoaData)soa.Data).WithSerial(((SoaData)soa.Data).Serial + 1) };
        _deletedEarlier.AddRange(deleted);
        return new ZoneDiff(soa, newSoa, deleted, added);
    }

    private void Change(List<DnsRecord> others, HashSet<RecordIdentity> held, List<DnsRecord> deleted, List<DnsRecord> added)
    {
        int choice = random.Next(10);
        if (choice < 3 && others.Count > 0)
        {
            var victim = others[random.Next(others.Count)];
            if (!held.Remove(new RecordIdentity(victim)))
                return;
            deleted.Add(victim);
            if (choice == 0)
                TryAdd(victim with { Ttl = victim.Ttl + 100 }, held, added); // a TTL change is a delete and an add
            return;
        }
        if (choice == 3 && _deletedEarlier.Count > 0)
        {
            TryAdd(_deletedEarlier[random.Next(_deletedEarlier.Count)], held, added);
            return;
        }
        foreach (var record in Invent(others, choice))
            TryAdd(record, held, added);
    }

    private IEnumerable<DnsRecord> Invent(List<DnsRecord> others, int choice)
    {
        var near = others.Count == 0 || random.Next(4) == 0 ? origin : others[random.Next(others.Count)].Name;
        if (!near.IsSubdomainOf(origin))
            near = origin;
        string label = $"n{++_counter}";
        var address = new AData(IPAddress.Parse($"198.51.100.{random.Next(256)}"));
        switch (choice)
        {
            case 4:
                yield return new DnsRecord(Name($"{label}.x{random.Next(3)}.y", near), 300, address);
                break;
            case 5:
                var cut = Name(label, near);
                yield return new DnsRecord(cut, 3600, new NsData(Name("ns", cut)));
                yield return new DnsRecord(Name("ns", cut), 3600, address);
                break;
            case 6:
                yield return new DnsRecord(Name("*", near), 600, new TxtData($"wild {_counter}"));
                break;
            case 7:
                yield return new DnsRecord(near, 300, new CnameData(Name("www", origin)));
                break;
            case 8:
                yield return new DnsRecord(Name(label.ToUpperInvariant(), near), 300, address);
                yield return new DnsRecord(Name(label, near), 300, new TxtData("same name, other case"));
                yield return new DnsRecord(DnsName.Parse($"{label}.outside.test."), 300, address);
                break;
            default:
                yield return new DnsRecord(Name(label, near), 300, new DnameData(DnsName.Parse("target.test.")));
                yield return new DnsRecord(near, 300, address);
                break;
        }
    }

    private static DnsName Name(string labels, DnsName parent) => DnsName.Parse(labels, parent);

    private static void TryAdd(DnsRecord record, HashSet<RecordIdentity> held, List<DnsRecord> added)
    {
        if (held.Add(new RecordIdentity(record)))
            added.Add(record);
    }
}
