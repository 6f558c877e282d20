using System.Diagnostics.CodeAnalysis;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.ZoneData;

/// <summary>
/// Applies IXFR diffs to a whole zone (see <see cref="ZoneDiff.TryApply"/>). The zone's records sit in a list of
/// slots indexed by <see cref="RecordIdentity"/>: a deletion empties a slot, an addition appends one, so the
/// kept records keep their order and every step is a hash lookup.
/// </summary>
internal static class ZoneDiffApplier
{
    public static bool TryApply(IReadOnlyList<DnsRecord> zone, IReadOnlyList<ZoneDiff> diffs,
        [NotNullWhen(true)] out List<DnsRecord>? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        if (!TryIndex(zone, out var soa, out var slots, out var index, out error))
            return false;
        uint serial = ((SoaData)soa.Data).Serial;
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
            if (!TryDelete(diff, i, slots, index, out error) || !TryAdd(diff, i, slots, index, out error))
                return false;
            soa = diff.NewSoa;
            serial = diff.NewSerial;
        }
        result = new List<DnsRecord>(index.Count + 1) { soa };
        foreach (var record in slots)
        {
            if (record is not null)
                result.Add(record);
        }
        error = null;
        return true;
    }

    /// <summary>Finds the one SOA and indexes every other record; a record listed twice is kept once (a zone is a set).</summary>
    private static bool TryIndex(IReadOnlyList<DnsRecord> zone, [NotNullWhen(true)] out DnsRecord? soa,
        out List<DnsRecord?> slots, out Dictionary<RecordIdentity, int> index, [NotNullWhen(false)] out string? error)
    {
        soa = null;
        slots = new List<DnsRecord?>(zone.Count);
        index = new Dictionary<RecordIdentity, int>(zone.Count);
        foreach (var record in zone)
        {
            if (record.Type == RecordType.SOA)
            {
                if (soa is not null)
                {
                    error = "the zone holds more than one SOA record";
                    return false;
                }
                soa = record;
                continue;
            }
            if (index.TryAdd(new RecordIdentity(record), slots.Count))
                slots.Add(record);
        }
        error = soa is null ? "the zone has no SOA record" : null;
        return soa is not null;
    }

    private static bool TryDelete(ZoneDiff diff, int position, List<DnsRecord?> slots, Dictionary<RecordIdentity, int> index, [NotNullWhen(false)] out string? error)
    {
        foreach (var record in diff.Deleted)
        {
            if (!index.Remove(new RecordIdentity(record), out int slot))
            {
                error = $"diff {position + 1} ({diff.OldSerial} -> {diff.NewSerial}) deletes '{record}', which the zone does not hold";
                return false;
            }
            slots[slot] = null;
        }
        error = null;
        return true;
    }

    private static bool TryAdd(ZoneDiff diff, int position, List<DnsRecord?> slots, Dictionary<RecordIdentity, int> index, [NotNullWhen(false)] out string? error)
    {
        foreach (var record in diff.Added)
        {
            if (!index.TryAdd(new RecordIdentity(record), slots.Count))
            {
                error = $"diff {position + 1} ({diff.OldSerial} -> {diff.NewSerial}) adds '{record}', which the zone already holds";
                return false;
            }
            slots.Add(record);
        }
        error = null;
        return true;
    }
}
