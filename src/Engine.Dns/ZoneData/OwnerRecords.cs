using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.ZoneData;

/// <summary>
/// The records of one owner name while IXFR diffs are replayed (see <see cref="ZoneDiffReplay"/>): the ones the
/// snapshot held, in its order, then the added ones; a deletion empties a slot. This is the order
/// <see cref="ZoneDiff.TryApply"/> gives the whole zone, restricted to one name.
/// </summary>
internal sealed class OwnerRecords
{
    private readonly List<DnsRecord?> _slots = [];
    private readonly List<long> _added = [];
    private readonly Dictionary<RecordIdentity, int> _index = [];

    /// <summary>Adds a record the snapshot holds (not an addition).</summary>
    public void Keep(DnsRecord record)
    {
        if (_index.TryAdd(new RecordIdentity(record), _slots.Count))
        {
            _slots.Add(record);
            _added.Add(-1);
        }
    }

    /// <summary>Removes a record; false when the name does not hold it.</summary>
    public bool TryDelete(DnsRecord record)
    {
        if (!_index.Remove(new RecordIdentity(record), out int slot))
            return false;
        _slots[slot] = null;
        return true;
    }

    /// <summary>Adds a record as the <paramref name="sequence"/>th addition of the transfer; false when the name holds it already.</summary>
    public bool TryAdd(DnsRecord record, long sequence)
    {
        if (!_index.TryAdd(new RecordIdentity(record), _slots.Count))
            return false;
        _slots.Add(record);
        _added.Add(sequence);
        return true;
    }

    /// <summary>The records now held, in order.</summary>
    public IEnumerable<DnsRecord> Records() => _slots.Where(r => r is not null)!;

    /// <summary>
    /// For the records that go to the NSEC3 node (<paramref name="nsec3"/> true) or to the name's own node:
    /// -1 when the first of them is one the snapshot held, the addition's sequence number when it is an added
    /// one, <see cref="long.MaxValue"/> when there are none. A full build meets the names in that order.
    /// </summary>
    public long FirstAddition(bool nsec3)
    {
        for (int i = 0; i < _slots.Count; i++)
        {
            if (_slots[i] is { } record && IsNsec3Owned(record) == nsec3)
                return _added[i];
        }
        return long.MaxValue;
    }

    /// <summary>True for the records kept at an NSEC3 owner apart from the name tree: NSEC3 and its signatures.</summary>
    public static bool IsNsec3Owned(DnsRecord record) =>
        record.Type == RecordType.NSEC3 || (record.Data is RrsigData signature && signature.TypeCovered == RecordType.NSEC3);
}
