using System.Buffers.Binary;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Outbound;

/// <summary>
/// Computes what changed between two versions of a zone, as the <see cref="ZoneDiff"/> an IXFR sends
/// (RFC 1995 §4): the journal entry for an edit. A pure function of the two snapshots.
/// </summary>
public static class ZoneSnapshotDiff
{
    /// <summary>
    /// The diff that turns <paramref name="older"/> into <paramref name="newer"/>: records only in the older
    /// are deleted, records only in the newer added; a record whose TTL changed is deleted and added again
    /// (TTLs are per RRset, so its whole RRset is). Owner names compare without case (RFC 4343), RDATA
    /// octet by octet, so a change of case in a name inside RDATA counts as a change. The SOA records are the
    /// diff's OldSoa and NewSoa. RRsets that are identical are compared as one block of octets, so the cost
    /// is one pass over both zones plus the size of what changed.
    /// </summary>
    /// <exception cref="ArgumentException">The snapshots are of different zones.</exception>
    public static ZoneDiff Compute(ZoneSnapshot older, ZoneSnapshot newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        if (!older.Origin.Equals(newer.Origin))
            throw new ArgumentException($"the snapshots are of different zones ({older.Origin} and {newer.Origin})", nameof(newer));
        var changes = new Changes(newer.Origin);
        foreach (var node in newer.Nodes)
            changes.CompareNode(older.Node(node.Key), node, isApex: node == newer.Apex);
        foreach (var node in older.Nodes)
        {
            if (newer.Node(node.Key) is null)
                changes.CompareNode(node, null, isApex: false);
        }
        var olderNsec3 = older.Nsec3Nodes.ToDictionary(n => n.Key, NameKeyComparer.Instance);
        foreach (var node in newer.Nsec3Nodes)
            changes.CompareNode(olderNsec3.Remove(node.Key, out var old) ? old : null, node, isApex: false);
        foreach (var node in olderNsec3.Values)
            changes.CompareNode(node, null, isApex: false);
        return new ZoneDiff(older.Soa, newer.Soa, changes.Deleted, changes.Added);
    }

    /// <summary>The records deleted and added so far.</summary>
    private sealed class Changes(DnsName origin)
    {
        public List<DnsRecord> Deleted { get; } = [];

        public List<DnsRecord> Added { get; } = [];

        /// <summary>Compares the RRsets of one owner in both versions (either may be missing); the apex SOA is left out.</summary>
        public void CompareNode(ZoneNode? older, ZoneNode? newer, bool isApex)
        {
            var oldSets = older?.Sets ?? [];
            var newSets = newer?.Sets ?? [];
            foreach (var set in newSets)
            {
                if (isApex && set.Type == RecordType.SOA)
                    continue;
                int match = Array.FindIndex(oldSets, s => s.Type == set.Type && s.Covered == set.Covered);
                CompareSets(older, match < 0 ? null : oldSets[match], newer!, set);
            }
            foreach (var set in oldSets)
            {
                if ((isApex && set.Type == RecordType.SOA) || Array.Exists(newSets, s => s.Type == set.Type && s.Covered == set.Covered))
                    continue;
                AddAll(Deleted, older!, set);
            }
        }

        private void CompareSets(ZoneNode? olderNode, RRset? older, ZoneNode newerNode, RRset newer)
        {
            if (older is not { } old)
            {
                AddAll(Added, newerNode, newer);
                return;
            }
            if (old.Ttl == newer.Ttl && old.Bytes.SequenceEqual(newer.Bytes))
                return;
            if (old.Ttl != newer.Ttl)
            {
                AddAll(Deleted, olderNode!, old);
                AddAll(Added, newerNode, newer);
                return;
            }
            var oldRdata = Split(old);
            var newRdata = Split(newer);
            foreach (var rdata in oldRdata)
            {
                if (!newRdata.Contains(rdata))
                    Deleted.Add(Record(olderNode!, old, rdata.Span));
            }
            foreach (var rdata in newRdata)
            {
                if (!oldRdata.Contains(rdata))
                    Added.Add(Record(newerNode, newer, rdata.Span));
            }
        }

        private void AddAll(List<DnsRecord> into, ZoneNode node, RRset set)
        {
            foreach (var rdata in Split(set))
                into.Add(Record(node, set, rdata.Span));
        }

        private DnsRecord Record(ZoneNode node, RRset set, ReadOnlySpan<byte> rdata)
        {
            var reader = new DnsReader(rdata);
            int outer = reader.PushLimit(rdata.Length);
            var data = RecordData.Read(set.Type, ref reader, rdata.Length);
            reader.PopLimit(outer);
            return new DnsRecord(ZoneStructure.NameOf(node, origin), set.Ttl, data);
        }

        /// <summary>The RDATA of an RRset, as a set (a zone holds no duplicates).</summary>
        private static HashSet<ReadOnlyMemory<byte>> Split(RRset set)
        {
            var result = new HashSet<ReadOnlyMemory<byte>>(set.Count, RdataComparer.Instance);
            int position = 0;
            for (int i = 0; i < set.Count; i++)
            {
                int length = BinaryPrimitives.ReadUInt16BigEndian(set.Data.AsSpan(position));
                result.Add(set.Data.AsMemory(position + 2, length));
                position += 2 + length;
            }
            return result;
        }
    }

    /// <summary>RDATA compared octet by octet.</summary>
    private sealed class RdataComparer : IEqualityComparer<ReadOnlyMemory<byte>>
    {
        public static readonly RdataComparer Instance = new();

        public bool Equals(ReadOnlyMemory<byte> x, ReadOnlyMemory<byte> y) => x.Span.SequenceEqual(y.Span);

        public int GetHashCode(ReadOnlyMemory<byte> obj)
        {
            var hash = new HashCode();
            hash.AddBytes(obj.Span);
            return hash.ToHashCode();
        }
    }
}
