using System.Buffers.Binary;
using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Outbound;

/// <summary>
/// A whole zone as an AXFR sends it (RFC 5936 §2.2): the SOA, every other record, the SOA again. Written
/// straight from the snapshot's stored RDATA, without decoding: owner names in the zone's case, names in
/// RDATA compressed where RFC 3597 §4 allows. The order is the snapshot's: the apex first, then the other
/// owners as stored, NSEC3 owners last (RFC 5936 §2.2 leaves the order to the server).
/// </summary>
internal sealed class SnapshotRecordSource : TransferRecordSource
{
    private enum Phase
    {
        LeadingSoa,
        Body,
        TrailingSoa,
        Done,
    }

    private readonly ZoneSnapshot _zone;
    private readonly IEnumerator<ZoneNode> _nodes;
    private readonly byte[] _owner = new byte[DnsName.MaxWireLength];
    private ZoneNode? _node;
    private int _ownerLength;
    private int _set;
    private int _offset;
    private Phase _phase;

    public SnapshotRecordSource(ZoneSnapshot zone)
    {
        _zone = zone;
        var apex = zone.Apex;
        _nodes = new[] { apex }.Concat(zone.Nodes.Where(n => n != apex && !n.IsEmpty)).Concat(zone.Nsec3Nodes).GetEnumerator();
    }

    /// <inheritdoc/>
    public override bool IsDone => _phase == Phase.Done;

    /// <inheritdoc/>
    public override bool TryWrite(ref DnsResponseWriter writer)
    {
        switch (_phase)
        {
            case Phase.LeadingSoa:
            case Phase.TrailingSoa:
                if (!TryWriteSoa(ref writer))
                    return false;
                if (_phase == Phase.LeadingSoa)
                {
                    _phase = Phase.Body;
                    MoveToNextSet();
                }
                else
                {
                    _phase = Phase.Done;
                }
                return Wrote();
            case Phase.Body:
                ref readonly var set = ref _node!.Sets[_set];
                int length = BinaryPrimitives.ReadUInt16BigEndian(set.Data.AsSpan(_offset));
                var record = set.Data.AsSpan(_offset, 2 + length);
                if (!writer.TryAddRRset(DnsSection.Answer, _owner.AsSpan(0, _ownerLength), set.Type, set.Ttl, 1, record))
                    return false;
                _offset += 2 + length;
                if (_offset >= set.Length)
                    MoveToNextSet();
                return Wrote();
            default:
                return false;
        }
    }

    private bool Wrote()
    {
        Written++;
        return true;
    }

    private bool TryWriteSoa(ref DnsResponseWriter writer)
    {
        var apex = _zone.Apex;
        ref readonly var soa = ref apex.Sets[apex.Find(RecordType.SOA)];
        return writer.TryAddRRset(DnsSection.Answer, _zone.Origin.Wire, RecordType.SOA, soa.Ttl, 1, soa.Bytes);
    }

    /// <summary>Moves to the first record of the next RRset (the SOA excepted), or to the trailing SOA after the last.</summary>
    private void MoveToNextSet()
    {
        _offset = 0;
        if (_node is not null)
            _set++;
        while (true)
        {
            if (_node is not null)
            {
                var sets = _node.Sets;
                while (_set < sets.Length && (sets[_set].Count == 0 || (_node == _zone.Apex && sets[_set].Type == RecordType.SOA)))
                    _set++;
                if (_set < sets.Length)
                    return;
            }
            if (!_nodes.MoveNext())
            {
                _phase = Phase.TrailingSoa;
                return;
            }
            _node = _nodes.Current;
            _set = 0;
            SetOwner(_node);
        }
    }

    private void SetOwner(ZoneNode node)
    {
        node.Wire.CopyTo(_owner, 0);
        _zone.Origin.Wire.CopyTo(_owner.AsSpan(node.Wire.Length));
        _ownerLength = node.Wire.Length + _zone.Origin.WireLength;
    }
}
