using System.Buffers.Binary;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Messages;

/// <summary>
/// Builds a response in the caller's buffer without allocating: the request's ID, opcode, RD bit and
/// question (its case kept), then records section by section. A record that does not fit is rolled
/// back whole, so the caller can stop and set TC (RFC 2181 §9) or drop optional additional data.
/// </summary>
public ref struct DnsResponseWriter
{
    private const int OptRecordSize = 11;

    private DnsWriter _writer;
    private DnsSection _section;
    private ushort _answers;
    private ushort _authorities;
    private ushort _additionals;
    private bool _edns;
    private DnsHeader _header;

    /// <summary>Writes into <paramref name="buffer"/>, using at most <paramref name="maxSize"/> octets.</summary>
    public DnsResponseWriter(Span<byte> buffer, int maxSize)
    {
        _writer = new DnsWriter(buffer) { Limit = maxSize };
    }

    /// <summary>Octets written so far.</summary>
    public readonly int Length => _writer.Position;

    /// <summary>
    /// Starts the response to <paramref name="query"/> read from <paramref name="request"/>. When the request
    /// had EDNS, room for our OPT record is kept so that it always fits.
    /// </summary>
    public void Begin(in IncomingQuery query, ReadOnlySpan<byte> request, DnsHeaderFlags flags) =>
        Begin(query, request, flags, query.HasEdns);

    /// <summary>
    /// Starts the response with the question of <paramref name="query"/>, with an OPT record only when
    /// <paramref name="edns"/> is set (a FORMERR echoes the question but not a malformed OPT).
    /// </summary>
    public void Begin(in IncomingQuery query, ReadOnlySpan<byte> request, DnsHeaderFlags flags, bool edns)
    {
        _edns = edns;
        _header = new DnsHeader
        {
            Id = query.Header.Id,
            Opcode = query.Header.Opcode,
            Flags = DnsHeaderFlags.QR | flags | (query.Header.Flags & (DnsHeaderFlags.RD | DnsHeaderFlags.CD)),
            QuestionCount = 1,
        };
        _header.Write(ref _writer);
        _writer.WriteName(query.Name(request));
        _writer.WriteUInt16((ushort)query.Type);
        _writer.WriteUInt16((ushort)query.Class);
        if (_edns)
            _writer.Limit -= OptRecordSize;
    }

    /// <summary>
    /// Starts a response without a question section, for requests whose question is not answered: a
    /// malformed request (FORMERR) or an opcode we do not implement (NOTIMP), as BIND 9 answers them.
    /// </summary>
    public void BeginWithoutQuestion(in DnsHeader request, bool edns, DnsHeaderFlags flags)
    {
        _edns = edns;
        _header = new DnsHeader
        {
            Id = request.Id,
            Opcode = request.Opcode,
            Flags = DnsHeaderFlags.QR | flags | (request.Flags & (DnsHeaderFlags.RD | DnsHeaderFlags.CD)),
        };
        _header.Write(ref _writer);
        if (_edns)
            _writer.Limit -= OptRecordSize;
    }

    /// <summary>True when the header and question did not fit (the caller's size limit is absurdly small).</summary>
    public readonly bool Overflowed => _writer.Overflowed;

    /// <summary>Appends a record to <paramref name="section"/>; false (and nothing written) when it does not fit.</summary>
    /// <exception cref="InvalidOperationException">Sections were not written in order.</exception>
    public bool TryAdd(DnsSection section, DnsRecord record)
    {
        if (section < _section)
            throw new InvalidOperationException("sections are written in order: answer, authority, additional");
        _section = section;
        int mark = _writer.Position;
        record.Write(ref _writer);
        if (_writer.Overflowed)
        {
            _writer.Position = mark;
            _writer.ClearOverflow();
            return false;
        }
        switch (section)
        {
            case DnsSection.Answer: _answers++; break;
            case DnsSection.Authority: _authorities++; break;
            default: _additionals++; break;
        }
        return true;
    }

    /// <summary>
    /// Appends a whole RRset from stored bytes: <paramref name="rdataSet"/> holds <paramref name="count"/>
    /// RDATA, each preceded by its 16-bit length, uncompressed. Names in RDATA are compressed where RFC 3597
    /// §4 allows. All or nothing: false (and nothing written) when the RRset does not fit (RFC 2181 §9).
    /// </summary>
    /// <exception cref="InvalidOperationException">Sections were not written in order.</exception>
    public bool TryAddRRset(DnsSection section, scoped ReadOnlySpan<byte> owner, RecordType type, uint ttl, int count, scoped ReadOnlySpan<byte> rdataSet)
    {
        if (section < _section)
            throw new InvalidOperationException("sections are written in order: answer, authority, additional");
        _section = section;
        int mark = _writer.Position;
        int position = 0;
        for (int i = 0; i < count && position + 2 <= rdataSet.Length; i++)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(rdataSet[position..]);
            var rdata = rdataSet.Slice(position + 2, length);
            position += 2 + length;
            _writer.WriteName(owner);
            _writer.WriteUInt16((ushort)type);
            _writer.WriteUInt16((ushort)DnsClass.IN);
            _writer.WriteUInt32(ttl);
            int lengthAt = _writer.ReserveLength();
            RdataNames.Write(ref _writer, type, rdata);
            _writer.PatchLength(lengthAt);
        }
        int total = (section == DnsSection.Answer ? _answers : section == DnsSection.Authority ? _authorities : _additionals) + count;
        if (_writer.Overflowed || total > ushort.MaxValue)
        {
            _writer.Position = mark;
            _writer.ClearOverflow();
            return false;
        }
        switch (section)
        {
            case DnsSection.Answer: _answers = (ushort)total; break;
            case DnsSection.Authority: _authorities = (ushort)total; break;
            default: _additionals = (ushort)total; break;
        }
        return true;
    }

    /// <summary>Position to return to with <see cref="RewindTo"/> (to drop a partly written RRset).</summary>
    public readonly int Mark(out ushort answers, out ushort authorities, out ushort additionals)
    {
        answers = _answers;
        authorities = _authorities;
        additionals = _additionals;
        return _writer.Position;
    }

    /// <summary>Drops everything written after <paramref name="mark"/>.</summary>
    public void RewindTo(int mark, ushort answers, ushort authorities, ushort additionals)
    {
        _writer.Position = mark;
        _answers = answers;
        _authorities = authorities;
        _additionals = additionals;
    }

    /// <summary>
    /// Completes the header and appends OPT when the request had EDNS (RFC 6891 §7: a responder that
    /// understands EDNS answers with OPT). Returns the response length.
    /// </summary>
    public int Finish(DnsRcode rcode, bool truncated, ushort udpPayloadSize = 1232, bool dnssecOk = false)
    {
        if (_edns)
        {
            _writer.Limit += OptRecordSize;
            _writer.WriteByte(0);                                  // owner: root
            _writer.WriteUInt16((ushort)RecordType.OPT);
            _writer.WriteUInt16(udpPayloadSize);                   // CLASS: our payload size
            _writer.WriteUInt32((uint)((ushort)rcode >> 4) << 24 | (dnssecOk ? 0x8000u : 0));
            _writer.WriteUInt16(0);                                // no options
            _additionals++;
        }
        var header = _header with
        {
            Rcode = (byte)((ushort)rcode & 0xF),
            Flags = truncated ? _header.Flags | DnsHeaderFlags.TC : _header.Flags,
            AnswerCount = _answers,
            AuthorityCount = _authorities,
            AdditionalCount = _additionals,
        };
        var patch = new DnsWriter(_writer.Buffer);
        header.Write(ref patch);
        return _writer.Position;
    }
}
