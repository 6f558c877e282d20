using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.ZoneData;

/// <summary>
/// One served zone, immutable: built once from records (a zone file, a transfer, the store) and swapped
/// into the table of served zones whole, so a reader never sees half a zone. Stored compactly for
/// million-record zones: per owner name one node keyed by its lowercase labels, per RRset one TTL and
/// one array of uncompressed RDATA; answers are written from those bytes.
/// </summary>
public sealed class ZoneSnapshot
{
    private readonly ZoneNodeSet _set;
    private readonly ZoneNodeMap _nodes; // the set's, held here too: one indirection less per name looked up
    private readonly byte[] _originLower;
    private readonly DnsRecord _soa;

    internal ZoneSnapshot(DnsName origin, ZoneNodeSet set, NsecChain? nsec, Nsec3Chain? nsec3, int recordCount, int signatureCount)
    {
        Origin = origin;
        _set = set;
        _nodes = set.Nodes;
        _originLower = origin.ToLowerCase().Wire.ToArray();
        Apex = _nodes.Find([]) ?? throw new ArgumentException("the zone has no apex node", nameof(set));
        Nsec = nsec;
        Nsec3 = nsec3;
        RecordCount = recordCount;
        SignatureCount = signatureCount;
        var soa = Apex.Sets[Apex.Find(RecordType.SOA)];
        var reader = new DnsReader(soa.FirstRdata);
        int outer = reader.PushLimit(reader.Remaining);
        _soa = new DnsRecord(origin, soa.Ttl, RecordData.Read(RecordType.SOA, ref reader, soa.FirstRdata.Length));
        reader.PopLimit(outer);
        Serial = RdataNames.SoaSerial(soa.FirstRdata);
        NegativeTtl = Math.Min(soa.Ttl, RdataNames.SoaMinimum(soa.FirstRdata));
    }

    /// <summary>The zone's name.</summary>
    public DnsName Origin { get; }

    /// <summary>The SOA serial (RFC 1982 arithmetic applies when comparing).</summary>
    public uint Serial { get; }

    /// <summary>Number of records served (duplicates removed), NSEC3 and RRSIG included.</summary>
    public int RecordCount { get; }

    /// <summary>The apex SOA record.</summary>
    public DnsRecord Soa => _soa;

    /// <summary>Number of owner names, empty non-terminals included, NSEC3 owners excluded.</summary>
    public int NodeCount => _set.Nodes.Count;

    /// <summary>True when the zone carries signatures (RRSIG records): DO queries then get DNSSEC data.</summary>
    public bool IsSigned => SignatureCount > 0;

    /// <summary>
    /// Every record, the apex SOA first, then the other owner names in canonical order (RFC 4034 §6.1),
    /// NSEC3 owners last. Decodes as it goes (for export and outgoing transfers, not the query path).
    /// </summary>
    public IEnumerable<DnsRecord> Records() => ZoneRecordExport.Enumerate(this);

    /// <summary>
    /// Sorts the names in canonical order on the thread pool now, rather than when first needed (an export, an outgoing
    /// transfer, the next IXFR's patch, which would otherwise wait for it: half a second for a million names). A zone built
    /// whole is served before it is sorted; the transfer engine calls this as it serves one. Completes when sorted.
    /// </summary>
    public Task SortInBackground() => Task.Run(() => _set.Ordered);

    internal ZoneNode Apex { get; }

    /// <summary>Every owner node but the NSEC3 owners, in no particular order (outgoing transfers and diffs).</summary>
    internal IEnumerable<ZoneNode> Nodes => _set.Nodes.Values;

    /// <summary>Number of RRSIG records.</summary>
    internal int SignatureCount { get; }

    /// <summary>The nodes, the lookup structures a patch copies.</summary>
    internal ZoneNodeSet NodeSet => _set;

    internal ZoneNode[] Nsec3Nodes => _set.Nsec3Nodes;

    internal NsecChain? Nsec { get; }

    internal Nsec3Chain? Nsec3 { get; }

    /// <summary>The origin in lowercase wire form.</summary>
    internal ReadOnlySpan<byte> OriginLower => _originLower;

    /// <summary>The node for lowercase relative labels, or null.</summary>
    internal ZoneNode? Node(ReadOnlySpan<byte> key) => _nodes.Find(key);

    /// <summary>TTL of negative answers: the SOA's TTL or its MINIMUM, whichever is lower (RFC 2308 §3).</summary>
    internal uint NegativeTtl { get; }

    /// <summary>
    /// Builds a snapshot. Requires exactly one SOA, at the apex; drops records outside the zone and of
    /// classes other than IN (warnings); warns about CNAME beside other data (RFC 2181 §10.1); gives
    /// each RRset the lowest TTL of its records (RFC 2181 §5.2, with a warning); drops duplicates.
    /// </summary>
    public static ZoneBuildResult Build(DnsName origin, IEnumerable<DnsRecord> records)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(records);
        return new ZoneSnapshotBuilder(origin).Build(records);
    }

    /// <summary>
    /// The zone after the diffs of an IXFR (RFC 1995 §4), as a new snapshot; this one is not changed. The result
    /// equals what <see cref="Build"/> makes of the records <see cref="ZoneDiff.TryApply"/> yields, with the same
    /// checks on the changed data, but only the changed names are rebuilt: the cost follows the diffs (plus, now
    /// and then, a new node index; see <see cref="ZoneNodeMap"/>). Fails, like <see cref="ZoneDiff.TryApply"/>, when a diff does not start at
    /// the serial before it, deletes a record the zone does not hold or adds one it holds: the copy has drifted
    /// and needs a full transfer.
    /// </summary>
    /// <param name="diffs">The diffs of an IXFR, oldest first (at least one).</param>
    public ZoneBuildResult Apply(IReadOnlyList<ZoneDiff> diffs)
    {
        ArgumentNullException.ThrowIfNull(diffs);
        return ZoneSnapshotPatcher.Apply(this, diffs);
    }
}
