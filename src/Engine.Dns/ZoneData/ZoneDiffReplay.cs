using System.Diagnostics.CodeAnalysis;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.ZoneData;

/// <summary>
/// Replays IXFR diffs (RFC 1995 §4) on the names they touch only, with the rules of <see cref="ZoneDiff.TryApply"/>:
/// records match by owner (case-insensitive), class, type and canonical RDATA; deleting a record that is not
/// there, adding one that is, or a diff that does not start at the serial before it is an error.
/// </summary>
internal sealed class ZoneDiffReplay(ZoneSnapshot zone)
{
    private readonly Dictionary<DnsName, OwnerRecords> _owners = [];
    private long _sequence;

    /// <summary>The SOA after the diffs.</summary>
    public DnsRecord Soa { get; private set; } = zone.Soa;

    /// <summary>Every name a diff touched (and the apex), with its records after the diffs.</summary>
    public IReadOnlyDictionary<DnsName, OwnerRecords> Owners => _owners;

    /// <summary>Replays <paramref name="diffs"/> in order; false with the reason when they do not apply.</summary>
    public bool TryReplay(IReadOnlyList<ZoneDiff> diffs, [NotNullWhen(false)] out string? error)
    {
        Owner(zone.Origin);
        uint serial = zone.Serial;
        for (int i = 0; i < diffs.Count; i++)
        {
            var diff = diffs[i];
            if (diff.OldSerial != serial)
            {
                error = i == 0
                    ? $"the first diff starts at serial {diff.OldSerial}, but the zone is at serial {serial}"
                    : $"diff {i + 1} starts at serial {diff.OldSerial}, but the one before it ends at serial {serial}";
                return false;
            }
            foreach (var record in diff.Deleted)
            {
                if (!Owner(record.Name).TryDelete(record))
                {
                    error = $"diff {i + 1} ({diff.OldSerial} -> {diff.NewSerial}) deletes '{record}', which the zone does not hold";
                    return false;
                }
            }
            foreach (var record in diff.Added)
            {
                if (!Owner(record.Name).TryAdd(record, _sequence++))
                {
                    error = $"diff {i + 1} ({diff.OldSerial} -> {diff.NewSerial}) adds '{record}', which the zone already holds";
                    return false;
                }
            }
            Soa = diff.NewSoa;
            serial = diff.NewSerial;
        }
        error = null;
        return true;
    }

    /// <summary>The lowercase labels of <paramref name="name"/> in front of the origin, or null when it is outside the zone.</summary>
    public byte[]? RelativeKey(DnsName name)
    {
        var wire = name.Wire;
        int prefixLength = NameLabels.PrefixLength(wire, zone.Origin.WireLength);
        if (prefixLength < 0 || !DnsName.AsciiEqualsIgnoreCase(wire[prefixLength..], zone.OriginLower))
            return null;
        var key = new byte[prefixLength];
        NameLabels.ToLower(wire[..prefixLength], key);
        return key;
    }

    /// <summary>The records of a name, loaded from the snapshot the first time (the SOA is not among them).</summary>
    private OwnerRecords Owner(DnsName name)
    {
        if (_owners.TryGetValue(name, out var owner))
            return owner;
        owner = new OwnerRecords();
        if (RelativeKey(name) is { } key)
        {
            if (zone.Node(key) is { } node)
                Load(owner, node);
            if (zone.NodeSet.Nsec3Map.TryGetValue(key, out var nsec3Node))
                Load(owner, nsec3Node);
        }
        _owners.Add(name, owner);
        return owner;
    }

    private void Load(OwnerRecords owner, ZoneNode node)
    {
        for (int i = 0; i < node.Sets.Length; i++)
        {
            if (node.Sets[i].Type == RecordType.SOA && node == zone.Apex)
                continue;
            foreach (var record in ZoneRecordExport.RecordsOf(zone.Origin, node, i))
                owner.Keep(record);
        }
    }
}
