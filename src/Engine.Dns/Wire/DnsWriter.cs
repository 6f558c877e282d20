using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace SecondaryPortal.Dns.Wire;

/// <summary>
/// Writes DNS wire data into a caller's buffer without allocating. A write that does not fit sets
/// <see cref="Overflowed"/> and writes nothing; the caller checks it after a record and rewinds to a mark,
/// which is how a responder truncates at a record boundary (RFC 2181 §9).
/// </summary>
public ref struct DnsWriter
{
    private readonly Span<byte> _buffer;
    private int _position;
    private int _messageStart;
    private int _limit;
    private CompressionTable _compression;

    /// <summary>Writes into <paramref name="buffer"/>; compression offsets are relative to its start.</summary>
    public DnsWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _limit = buffer.Length;
    }

    /// <summary>
    /// Writes beyond this offset overflow. Lowering it keeps room for something written last (the OPT
    /// record of a response, RFC 6891 §7), raising it back (up to the buffer's size) releases that room.
    /// </summary>
    public int Limit
    {
        readonly get => _limit;
        set => _limit = Math.Clamp(value, 0, _buffer.Length);
    }

    /// <summary>Bytes written so far (the next write position).</summary>
    public int Position
    {
        readonly get => _position;
        set
        {
            _position = value;
            _compression.Forget(value);
        }
    }

    /// <summary>True once a write did not fit; stays true until <see cref="ClearOverflow"/>.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>
    /// When set, names are written uncompressed and (where the type allows) lowercased: the canonical
    /// form used for TSIG and DNSSEC digests (RFC 4034 §6.2).
    /// </summary>
    public bool Canonical { get; set; }

    /// <summary>When false, no name is compressed (needed where a peer must see full names).</summary>
    public bool CompressionEnabled { get; set; } = true;

    /// <summary>The bytes written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer[.._position];

    /// <summary>The whole buffer, for patching a field written earlier.</summary>
    public readonly Span<byte> Buffer => _buffer;

    /// <summary>Capacity of the buffer.</summary>
    public readonly int Capacity => _buffer.Length;

    /// <summary>Resets the overflow flag after the caller rewound <see cref="Position"/>.</summary>
    public void ClearOverflow() => Overflowed = false;

    /// <summary>Starts a new message at the current position: later name pointers are relative to it.</summary>
    public void BeginMessage()
    {
        _messageStart = _position;
        _compression = default;
    }

    /// <summary>Writes one octet.</summary>
    public void WriteByte(byte value)
    {
        if (Reserve(1, out int at))
            _buffer[at] = value;
    }

    /// <summary>Writes a big-endian 16-bit value.</summary>
    public void WriteUInt16(ushort value)
    {
        if (Reserve(2, out int at))
            BinaryPrimitives.WriteUInt16BigEndian(_buffer[at..], value);
    }

    /// <summary>Writes a big-endian 32-bit value.</summary>
    public void WriteUInt32(uint value)
    {
        if (Reserve(4, out int at))
            BinaryPrimitives.WriteUInt32BigEndian(_buffer[at..], value);
    }

    /// <summary>Writes a big-endian 48-bit value (TSIG time signed).</summary>
    public void WriteUInt48(ulong value)
    {
        if (Reserve(6, out int at))
        {
            BinaryPrimitives.WriteUInt16BigEndian(_buffer[at..], (ushort)(value >> 32));
            BinaryPrimitives.WriteUInt32BigEndian(_buffer[(at + 2)..], (uint)value);
        }
    }

    /// <summary>Writes raw octets.</summary>
    public void WriteBytes(scoped ReadOnlySpan<byte> bytes)
    {
        if (Reserve(bytes.Length, out int at))
            bytes.CopyTo(_buffer[at..]);
    }

    /// <summary>Writes a &lt;character-string&gt; (at most 255 octets, RFC 1035 §3.3).</summary>
    public void WriteCharacterString(scoped ReadOnlySpan<byte> text)
    {
        if (text.Length > 255)
            throw new ArgumentException("a character-string holds at most 255 octets", nameof(text));
        WriteByte((byte)text.Length);
        WriteBytes(text);
    }

    /// <summary>Reserves a 16-bit length field and returns its offset for <see cref="PatchLength"/>.</summary>
    public int ReserveLength()
    {
        int at = _position;
        WriteUInt16(0);
        return at;
    }

    /// <summary>Fills the length field at <paramref name="lengthOffset"/> with the bytes written after it.</summary>
    public void PatchLength(int lengthOffset)
    {
        if (Overflowed)
            return;
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[lengthOffset..], (ushort)(_position - lengthOffset - 2));
    }

    /// <summary>Overwrites a 16-bit value written earlier.</summary>
    public readonly void PatchUInt16(int offset, ushort value) => BinaryPrimitives.WriteUInt16BigEndian(_buffer[offset..], value);

    /// <summary>
    /// Writes a name. With <paramref name="compress"/> it points to an earlier copy of its longest known
    /// suffix (RFC 1035 §4.1.4); only the RDATA types of RFC 1035 may be compressed (RFC 3597 §4).
    /// <paramref name="lowercaseWhenCanonical"/> says whether this field is lowercased in canonical form.
    /// </summary>
    public void WriteName(DnsName name, bool compress = true, bool lowercaseWhenCanonical = true) =>
        WriteName(name.Wire, compress, lowercaseWhenCanonical);

    /// <summary>Writes a name given in uncompressed wire form (for example a question name read from a query).</summary>
    public void WriteName(scoped ReadOnlySpan<byte> wire, bool compress = true, bool lowercaseWhenCanonical = true)
    {
        if (Canonical)
        {
            if (Reserve(wire.Length, out int at))
            {
                wire.CopyTo(_buffer[at..]);
                if (lowercaseWhenCanonical)
                    LowercaseName(_buffer.Slice(at, wire.Length));
            }
            return;
        }
        bool useCompression = compress && CompressionEnabled;
        int labelOffset = 0;
        while (wire[labelOffset] != 0)
        {
            var suffix = wire[labelOffset..];
            if (useCompression && _compression.TryFind(_buffer[.._position], _messageStart, suffix, out int pointer))
            {
                WriteUInt16((ushort)(0xC000 | pointer));
                return;
            }
            int here = _position - _messageStart;
            int labelLength = wire[labelOffset] + 1;
            if (!Reserve(labelLength, out int at))
                return;
            wire.Slice(labelOffset, labelLength).CopyTo(_buffer[at..]);
            if (here <= 0x3FFF)
                _compression.Add((ushort)here, _position);
            labelOffset += labelLength;
        }
        WriteByte(0);
    }

    private static void LowercaseName(Span<byte> name)
    {
        foreach (ref byte b in name)
            b = DnsName.ToLower(b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Reserve(int count, out int at)
    {
        at = _position;
        if (Overflowed || _position + count > _limit)
        {
            Overflowed = true;
            return false;
        }
        _position += count;
        return true;
    }
}
