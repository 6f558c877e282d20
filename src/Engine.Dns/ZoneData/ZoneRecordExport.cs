using System.Buffers.Binary;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.ZoneData;

/// <summary>Turns a snapshot's compact nodes back into records (export, outgoing transfers).</summary>
internal static class ZoneRecordExport
{
    public static IEnumerable<DnsRecord> Enumerate(ZoneSnapshot zone)
    {
        var apex = zone.Apex;
        int soa = apex.Find(RecordType.SOA);
        foreach (var record in RecordsOf(zone.Origin, apex, soa))
            yield return record;
        for (int i = 0; i < apex.Sets.Length; i++)
        {
            if (i == soa)
                continue;
            foreach (var record in RecordsOf(zone.Origin, apex, i))
                yield return record;
        }
        var others = zone.NodeSet.Ordered.Where(n => n != apex && !n.IsEmpty);
        foreach (var node in others.Concat(zone.Nsec3Nodes))
        {
            for (int i = 0; i < node.Sets.Length; i++)
            {
                foreach (var record in RecordsOf(zone.Origin, node, i))
                    yield return record;
            }
        }
    }

    /// <summary>The records of one RRset of <paramref name="node"/>, owned by its name in the zone's spelling.</summary>
    public static IEnumerable<DnsRecord> RecordsOf(DnsName origin, ZoneNode node, int set)
    {
        var owner = ZoneStructure.NameOf(node, origin);
        var rrset = node.Sets[set];
        int position = 0;
        for (int i = 0; i < rrset.Count; i++)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(rrset.Data.AsSpan(position));
            var data = Decode(rrset.Type, rrset.Data.AsSpan(position + 2, length));
            position += 2 + length;
            yield return new DnsRecord(owner, rrset.Ttl, data);
        }
    }

    private static RecordData Decode(RecordType type, ReadOnlySpan<byte> rdata)
    {
        var reader = new DnsReader(rdata);
        int outer = reader.PushLimit(rdata.Length);
        var data = RecordData.Read(type, ref reader, rdata.Length);
        reader.PopLimit(outer);
        return data;
    }
}
