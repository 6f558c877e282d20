using SecondaryPortal.Dns.Messages;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;

namespace SecondaryPortal.Dns.Lookup;

/// <summary>
/// The answer being assembled for one query: the RRsets chosen for each section (as references into the
/// zone, nothing copied) and a buffer for the names a chain or a synthesis produces. One instance per
/// thread, reused, so answering allocates nothing. Sections are rendered at the end, in order, so that an
/// answer that does not fit can be dropped whole (TC, RFC 2181 §9) while additional data is optional.
/// </summary>
internal sealed class ResponseBuilder
{
    private const int NameBufferSize = 8192;

    [ThreadStatic]
    private static ResponseBuilder? t_instance;

    private readonly byte[] _names = new byte[NameBufferSize];
    private ResponseItem[] _answer = new ResponseItem[16];
    private ResponseItem[] _authority = new ResponseItem[16];
    private ResponseItem[] _additional = new ResponseItem[32];
    private int _answerCount;
    private int _authorityCount;
    private int _additionalCount;
    private int _namesUsed;
    private int _originStart;

    /// <summary>The zone answering.</summary>
    public ZoneSnapshot Zone { get; private set; } = null!;

    /// <summary>QTYPE.</summary>
    public RecordType QueryType { get; private set; }

    /// <summary>True when DNSSEC records go with the answer: DO set and the zone signed.</summary>
    public bool Dnssec { get; private set; }

    /// <summary>Length of QNAME, stored at offset 0 of the name buffer.</summary>
    public int QueryNameLength { get; private set; }

    /// <summary>The builder of the calling thread.</summary>
    public static ResponseBuilder ForCurrentThread() => t_instance ??= new ResponseBuilder();

    /// <summary>Starts a query for <paramref name="queryName"/> (the client's spelling) answered by <paramref name="zone"/>.</summary>
    public void Begin(ZoneSnapshot zone, ReadOnlySpan<byte> queryName, RecordType queryType, bool dnssecOk)
    {
        Zone = zone;
        QueryType = queryType;
        Dnssec = dnssecOk && zone.IsSigned;
        queryName.CopyTo(_names);
        QueryNameLength = _namesUsed = queryName.Length;
        _originStart = queryName.Length - zone.OriginLower.Length;
        _answerCount = _authorityCount = _additionalCount = 0;
    }

    /// <summary>A name (or synthesized data) in the buffer.</summary>
    public ReadOnlySpan<byte> NameAt(int offset, int length) => _names.AsSpan(offset, length);

    /// <summary>Reserves room in the buffer; false when it is full (a pathological chain).</summary>
    public bool TryReserve(int length, out int offset, out Span<byte> space)
    {
        offset = _namesUsed;
        if (_namesUsed + length > _names.Length)
        {
            space = default;
            return false;
        }
        _namesUsed += length;
        space = _names.AsSpan(offset, length);
        return true;
    }

    /// <summary>Copies a name into the buffer; false when it is full.</summary>
    public bool TryStoreName(ReadOnlySpan<byte> name, out int offset)
    {
        if (!TryReserve(name.Length, out offset, out var space))
            return false;
        name.CopyTo(space);
        return true;
    }

    /// <summary>Adds a stored RRset to the answer section.</summary>
    public void AddAnswer(ZoneNode node, int set, int ownerOffset, int ownerLength, bool withSignatures) =>
        Add(ref _answer, ref _answerCount, Item(node, set, ownerOffset, ownerLength, withSignatures));

    /// <summary>Adds a synthesized CNAME (RFC 6672 §3.1) whose [length][RDATA] is in the buffer.</summary>
    public void AddSynthesizedCname(int ownerOffset, int ownerLength, int dataOffset, int dataLength, uint ttl) =>
        Add(ref _answer, ref _answerCount, new ResponseItem
        {
            OwnerOffset = ownerOffset, OwnerLength = ownerLength, DataOffset = dataOffset, DataLength = dataLength,
            Ttl = ttl, TtlOverride = true,
        });

    /// <summary>Adds a stored RRset of the node's own name to the authority section, once.</summary>
    public void AddAuthority(ZoneNode node, int set, bool withSignatures)
    {
        if (!Contains(_authority, _authorityCount, node, set, -1, 0))
            Add(ref _authority, ref _authorityCount, Item(node, set, -1, 0, withSignatures));
    }

    /// <summary>
    /// Adds the apex SOA for a negative answer, with the negative TTL (RFC 2308 §3). In an NXDOMAIN to a
    /// SOA query the TTL is 0, as BIND 9 sends it: a stub finds the zone of any name that way without
    /// caching the SOA.
    /// </summary>
    public void AddNegativeSoa(bool nameError = false)
    {
        var apex = Zone.Apex;
        var item = Item(apex, apex.Find(RecordType.SOA), -1, 0, Dnssec);
        item.Ttl = nameError && QueryType == RecordType.SOA ? 0 : Zone.NegativeTtl;
        item.TtlOverride = true;
        Add(ref _authority, ref _authorityCount, item);
    }

    /// <summary>Adds an address RRset to the additional section, once per node and type.</summary>
    public void AddAdditional(ZoneNode node, int set, int ownerOffset, int ownerLength, bool withSignatures)
    {
        if (!Contains(_additional, _additionalCount, node, set, ownerOffset, ownerLength) && !Contains(_answer, _answerCount, node, set, ownerOffset, ownerLength))
            Add(ref _additional, ref _additionalCount, Item(node, set, ownerOffset, ownerLength, withSignatures));
    }

    /// <summary>
    /// Writes the sections. Answer and authority records are required: when one does not fit, every
    /// section is dropped and true (truncated) is returned, as BIND 9 does. Additional records are
    /// optional: one that does not fit is left out (RFC 2181 §9).
    /// </summary>
    public bool Render(ref DnsResponseWriter writer)
    {
        int mark = writer.Mark(out ushort answers, out ushort authorities, out ushort additionals);
        for (int i = 0; i < _answerCount; i++)
        {
            if (!Write(ref writer, DnsSection.Answer, in _answer[i]))
            {
                writer.RewindTo(mark, answers, authorities, additionals);
                return true;
            }
        }
        for (int i = 0; i < _authorityCount; i++)
        {
            if (!Write(ref writer, DnsSection.Authority, in _authority[i]))
            {
                writer.RewindTo(mark, answers, authorities, additionals);
                return true;
            }
        }
        for (int i = 0; i < _additionalCount; i++)
            Write(ref writer, DnsSection.Additional, in _additional[i]);
        return false;
    }

    /// <summary>Drops the references to the zone, so that a replaced snapshot can be collected.</summary>
    public void Clear()
    {
        Array.Clear(_answer, 0, _answerCount);
        Array.Clear(_authority, 0, _authorityCount);
        Array.Clear(_additional, 0, _additionalCount);
        _answerCount = _authorityCount = _additionalCount = 0;
        Zone = null!;
    }

    private bool Write(ref DnsResponseWriter writer, DnsSection section, in ResponseItem item)
    {
        Span<byte> ownerBuffer = stackalloc byte[DnsName.MaxWireLength];
        var owner = item.OwnerOffset >= 0 ? _names.AsSpan(item.OwnerOffset, item.OwnerLength) : ComposeOwner(item.Node!, ownerBuffer);
        if (item.Node is null)
            return writer.TryAddRRset(section, owner, RecordType.CNAME, item.Ttl, 1, _names.AsSpan(item.DataOffset, item.DataLength));
        ref readonly var set = ref item.Node.Sets[item.Set];
        int mark = writer.Mark(out ushort answers, out ushort authorities, out ushort additionals);
        if (!writer.TryAddRRset(section, owner, set.Type, item.TtlOverride ? item.Ttl : set.Ttl, set.Count, set.Bytes))
            return false;
        int signatures = item.WithSignatures ? item.Node.FindSignatures(set.Type) : -1;
        if (signatures < 0)
            return true;
        ref readonly var sigs = ref item.Node.Sets[signatures];
        if (writer.TryAddRRset(section, owner, RecordType.RRSIG, item.TtlOverride ? item.Ttl : sigs.Ttl, sigs.Count, sigs.Bytes))
            return true;
        writer.RewindTo(mark, answers, authorities, additionals);
        return false;
    }

    /// <summary>
    /// The node's labels followed by the zone origin as the client spelled it in QNAME: the same name
    /// (case-insensitively), and it compresses against the question.
    /// </summary>
    private ReadOnlySpan<byte> ComposeOwner(ZoneNode node, Span<byte> buffer)
    {
        node.Wire.CopyTo(buffer);
        var origin = _names.AsSpan(_originStart, QueryNameLength - _originStart);
        origin.CopyTo(buffer[node.Wire.Length..]);
        return buffer[..(node.Wire.Length + origin.Length)];
    }

    private static ResponseItem Item(ZoneNode node, int set, int ownerOffset, int ownerLength, bool withSignatures) => new()
    {
        Node = node, Set = set, OwnerOffset = ownerOffset, OwnerLength = ownerLength, WithSignatures = withSignatures,
    };

    /// <summary>True when the same RRset with the same owner is already in <paramref name="items"/> (a wildcard gives one RRset several owners).</summary>
    private bool Contains(ResponseItem[] items, int count, ZoneNode node, int set, int ownerOffset, int ownerLength)
    {
        for (int i = 0; i < count; i++)
        {
            ref readonly var item = ref items[i];
            if (item.Node != node || item.Set != set)
                continue;
            if (item.OwnerOffset < 0 || ownerOffset < 0
                || DnsName.AsciiEqualsIgnoreCase(_names.AsSpan(item.OwnerOffset, item.OwnerLength), _names.AsSpan(ownerOffset, ownerLength)))
                return true;
        }
        return false;
    }

    private static void Add(ref ResponseItem[] items, ref int count, in ResponseItem item)
    {
        if (count == items.Length)
            Array.Resize(ref items, count * 2);
        items[count++] = item;
    }
}
