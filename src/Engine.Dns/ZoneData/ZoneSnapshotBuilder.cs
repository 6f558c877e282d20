using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.ZoneData;

/// <summary>
/// Ingests records into compact nodes (see <see cref="ZoneSnapshot"/>), then checks the zone and
/// computes what lookups need: empty non-terminals, cut and DNAME flags, the NSEC and NSEC3 chains.
/// </summary>
/// <remarks>
/// The per-record methods (and the transfer's wire reading that feeds them) are compiled optimized at once
/// (<see cref="MethodImplOptions.AggressiveOptimization"/>): a first transfer of a million records otherwise runs
/// them through tiered compilation's instrumented code, which makes a first transfer markedly slower to serve.
/// </remarks>
internal sealed class ZoneSnapshotBuilder
{
    private const int MaxMessages = 100;

    private readonly DnsName _origin;
    private readonly int _originLength;
    private readonly byte[] _originLower;
    private readonly Dictionary<byte[], ZoneNode> _nodes = new(NameKeyComparer.Instance);
    private readonly Dictionary<byte[], ZoneNode> _nsec3Nodes = new(NameKeyComparer.Instance);
    private readonly Dictionary<byte[], ZoneNode>.AlternateLookup<ReadOnlySpan<byte>> _nodeLookup;
    private readonly Dictionary<byte[], ZoneNode>.AlternateLookup<ReadOnlySpan<byte>> _nsec3Lookup;
    private readonly List<string> _errors = [];
    private readonly List<string> _warnings = [];
    private readonly byte[] _rdata = new byte[ushort.MaxValue];
    private int _suppressedWarnings;
    private int _recordCount;
    private int _signatureCount;
    private int _nsecCount;

    public ZoneSnapshotBuilder(DnsName origin)
    {
        _origin = origin;
        _originLength = origin.WireLength;
        _originLower = origin.ToLowerCase().Wire.ToArray();
        _nodeLookup = _nodes.GetAlternateLookup<ReadOnlySpan<byte>>();
        _nsec3Lookup = _nsec3Nodes.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    public ZoneBuildResult Build(IEnumerable<DnsRecord> records)
    {
        foreach (var record in records)
            Add(record);
        return Finish();
    }

    /// <summary>
    /// Checks the zone ingested so far and computes what lookups need; the snapshot, or the errors that keep it from being
    /// served. The canonical order is computed here only for a zone with NSEC records (its chain needs it); otherwise on
    /// first use (<see cref="ZoneNodeSet.Ordered"/>), off the path from the last record to the answers.
    /// </summary>
    public ZoneBuildResult Finish()
    {
        var apex = _nodeLookup.TryGetValue(ReadOnlySpan<byte>.Empty, out var node) ? node : null;
        CheckApex(apex);
        if (_errors.Count > 0 || apex is null)
            return Result(null);
        ZoneStructure.AddEmptyNonTerminals(_nodes, _nodeLookup);
        ZoneStructure.ComputeFlags(_nodes, _nodeLookup, apex, _origin, Warn);
        SealAll();
        var ordered = _nsecCount > 0 ? ZoneStructure.Order(_nodes.Values) : null;
        var nsec = ordered is null ? null : ZoneStructure.BuildNsecChain(ordered);
        var nsec3 = ZoneStructure.BuildNsec3Chain(apex, _nsec3Nodes.Values, out var nsec3Nodes);
        _nodes.TrimExcess();
        // A zone without NSEC3 (most) shares one empty map: thousands of small zones held one each.
        var nsec3Map = _nsec3Nodes.Count == 0 ? ZoneNodeSet.NoNsec3 : _nsec3Nodes;
        var snapshot = new ZoneSnapshot(_origin, new ZoneNodeSet(ZoneNodeMap.Whole(_nodes), nsec3Map, nsec3Nodes, ordered), nsec, nsec3, _recordCount, _signatureCount);
        return Result(snapshot);
    }

    /// <summary>
    /// Stores one record given as wire parts, as <see cref="Build"/> stores a record: <paramref name="owner"/> is the
    /// uncompressed owner name, <paramref name="rdata"/> the uncompressed RDATA (see <see cref="UncompressedRdata"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<byte> owner, RecordType type, DnsClass recordClass, uint ttl, ReadOnlySpan<byte> rdata)
    {
        if (Servable(owner, type, recordClass) is int prefixLength)
            Store(owner, prefixLength, type, ttl, rdata);
    }

    /// <summary>Reports a record whose RDATA, names decompressed, is longer than 65,535 octets; it is dropped.</summary>
    public void AddOversized(ReadOnlySpan<byte> owner, RecordType type) =>
        Warn($"{NameText(owner)} {RecordTypeNames.ToText(type)}: RDATA longer than 65,535 octets; record dropped");

    /// <summary>The owner names ingested so far (no empty non-terminals), by lowercase relative labels.</summary>
    internal Dictionary<byte[], ZoneNode> Nodes => _nodes;

    /// <summary>The NSEC3 owners ingested so far, by lowercase relative labels.</summary>
    internal Dictionary<byte[], ZoneNode> Nsec3Nodes => _nsec3Nodes;

    /// <summary>Records stored so far (duplicates not counted).</summary>
    internal int RecordCount => _recordCount;

    /// <summary>RRSIG records stored so far.</summary>
    internal int SignatureCount => _signatureCount;

    /// <summary>Errors so far.</summary>
    internal List<string> Errors => _errors;

    /// <summary>
    /// Stores one record as <see cref="Build"/> does (drops what is not servable, with a warning), without
    /// computing the zone's structure: for <see cref="ZoneSnapshotPatcher"/>, which rebuilds changed names only.
    /// </summary>
    internal void Ingest(DnsRecord record) => Add(record);

    /// <summary>Trims every RRset array to its length; the nodes are then immutable.</summary>
    internal void SealAll()
    {
        foreach (var zoneNode in _nodes.Values)
            Seal(zoneNode);
        foreach (var nsec3Node in _nsec3Nodes.Values)
            Seal(nsec3Node);
    }

    /// <summary>Finishes the messages: adds the count of warnings left out.</summary>
    internal ZoneBuildResult Result(ZoneSnapshot? snapshot)
    {
        if (_suppressedWarnings > 0)
            _warnings.Add($"... and {_suppressedWarnings} more warnings");
        return new ZoneBuildResult(snapshot, _errors, _warnings);
    }

    private void Add(DnsRecord record)
    {
        var owner = record.Name.Wire;
        if (Servable(owner, record.Type, record.Class) is not int prefixLength)
            return;
        var writer = new DnsWriter(_rdata) { CompressionEnabled = false };
        record.Data.WriteRdata(ref writer);
        if (writer.Overflowed)
            AddOversized(owner, record.Type);
        else
            Store(owner, prefixLength, record.Type, record.Ttl, writer.Written);
    }

    /// <summary>The length of the owner's labels below the apex when the record is zone data; null (with a warning) otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int? Servable(ReadOnlySpan<byte> owner, RecordType type, DnsClass recordClass)
    {
        if (recordClass != DnsClass.IN)
        {
            Warn($"{NameText(owner)} {RecordTypeNames.ToText(type)}: class {DnsClassNames.ToText(recordClass)} is not served; record dropped");
            return null;
        }
        if (type is RecordType.OPT or RecordType.TSIG or RecordType.TKEY or RecordType.IXFR or RecordType.AXFR
            or RecordType.MAILA or RecordType.MAILB or RecordType.ANY)
        {
            Warn($"{NameText(owner)}: {RecordTypeNames.ToText(type)} is a meta type, not zone data; record dropped");
            return null;
        }
        int prefixLength = NameLabels.PrefixLength(owner, _originLength);
        if (prefixLength < 0 || !DnsName.AsciiEqualsIgnoreCase(owner[prefixLength..], _originLower))
        {
            Warn($"{NameText(owner)} {RecordTypeNames.ToText(type)} is outside the zone {_origin}; record dropped");
            return null;
        }
        return prefixLength;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Store(ReadOnlySpan<byte> owner, int prefixLength, RecordType type, uint ttl, ReadOnlySpan<byte> rdata)
    {
        var covered = type == RecordType.RRSIG && rdata.Length >= 2 ? (RecordType)BinaryPrimitives.ReadUInt16BigEndian(rdata) : 0;
        bool nsec3Owner = type == RecordType.NSEC3 || covered == RecordType.NSEC3;
        var node = GetOrAddNode(owner[..prefixLength], nsec3Owner);
        if (type == RecordType.SOA && prefixLength != 0)
        {
            _errors.Add($"{NameText(owner)}: SOA record not at the zone apex {_origin}");
            return;
        }
        if (AddToSet(node, owner, type, ttl, rdata, covered))
        {
            _recordCount++;
            if (type == RecordType.RRSIG)
                _signatureCount++;
            else if (type == RecordType.NSEC)
                _nsecCount++;
        }
    }

    /// <summary>An owner name for a message (built only when there is something to say).</summary>
    private static string NameText(ReadOnlySpan<byte> owner) => DnsName.FromValidatedWire(owner.ToArray()).ToString();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ZoneNode GetOrAddNode(ReadOnlySpan<byte> relative, bool nsec3Owner)
    {
        Span<byte> key = stackalloc byte[relative.Length];
        NameLabels.ToLower(relative, key);
        var lookup = nsec3Owner ? _nsec3Lookup : _nodeLookup;
        if (lookup.TryGetValue(key, out var node))
            return node;
        var keyArray = key.ToArray();
        node = new ZoneNode(keyArray, relative.SequenceEqual(key) ? keyArray : relative.ToArray());
        (nsec3Owner ? _nsec3Nodes : _nodes).Add(keyArray, node);
        return node;
    }

    /// <summary>Adds RDATA to its RRset; false when it was a duplicate or a second singleton (RFC 2181 §5, §10.1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool AddToSet(ZoneNode node, ReadOnlySpan<byte> owner, RecordType type, uint ttl, ReadOnlySpan<byte> rdata, RecordType covered)
    {
        var sets = node.Sets;
        for (int i = 0; i < sets.Length; i++)
        {
            ref var set = ref sets[i];
            if (set.Type != type || set.Covered != covered)
                continue;
            if (RRsetContent.Contains(set, rdata))
                return false;
            if (type is RecordType.SOA or RecordType.CNAME or RecordType.DNAME)
            {
                if (type == RecordType.SOA)
                    _errors.Add($"{NameText(owner)}: more than one SOA record");
                else
                    Warn($"{NameText(owner)}: more than one {RecordTypeNames.ToText(type)} record; only the first is served");
                return false;
            }
            if (ttl != set.Ttl)
            {
                Warn($"{NameText(owner)} {RecordTypeNames.ToText(type)}: records of one RRset have different TTLs; the lowest ({Math.Min(ttl, set.Ttl)}) is used (RFC 2181 §5.2)");
                set.Ttl = Math.Min(set.Ttl, ttl);
            }
            RRsetContent.Append(ref set, rdata);
            return true;
        }
        var added = new RRset { Type = type, Covered = covered, Ttl = ttl, Data = new byte[rdata.Length + 2] };
        RRsetContent.Append(ref added, rdata);
        Array.Resize(ref node.Sets, sets.Length + 1);
        node.Sets[^1] = added;
        return true;
    }

    internal void CheckApex(ZoneNode? apex)
    {
        int soa = apex?.Find(RecordType.SOA) ?? -1;
        if (soa < 0)
        {
            _errors.Add($"no SOA record at the zone apex {_origin}");
            return;
        }
        if (apex!.Find(RecordType.NS) < 0)
            Warn($"{_origin}: no NS records at the zone apex");
    }

    private static void Seal(ZoneNode node)
    {
        var sets = node.Sets;
        for (int i = 0; i < sets.Length; i++)
        {
            if (sets[i].Data.Length != sets[i].Length)
                Array.Resize(ref sets[i].Data, sets[i].Length);
        }
    }

    internal void Warn(string message)
    {
        if (_warnings.Count < MaxMessages)
            _warnings.Add(message);
        else
            _suppressedWarnings++;
    }
}
