using System.Runtime.CompilerServices;
using System.Buffers.Binary;

namespace SecondaryPortal.Dns.Wire;

/// <summary>
/// Reads DNS wire data from a whole message (names may point back into it). Every read checks bounds and
/// throws <see cref="DnsFormatException"/> on malformed input; the message parser is the one place that
/// catches it.
/// </summary>
public ref struct DnsReader
{
    private readonly ReadOnlySpan<byte> _message;
    private int _position;
    private int _limit;

    /// <summary>Reads <paramref name="message"/> from <paramref name="position"/>.</summary>
    public DnsReader(ReadOnlySpan<byte> message, int position = 0)
    {
        _message = message;
        _position = position;
        _limit = message.Length;
    }

    /// <summary>Offset of the next byte to read.</summary>
    public readonly int Position => _position;

    /// <summary>Bytes left before the current limit (the end of the message or of the RDATA being read).</summary>
    public readonly int Remaining => _limit - _position;

    /// <summary>The whole message.</summary>
    public readonly ReadOnlySpan<byte> Message => _message;

    /// <summary>Restricts reads to <paramref name="length"/> bytes from here (an RDATA); returns the old limit.</summary>
    public int PushLimit(int length)
    {
        Ensure(length);
        int old = _limit;
        _limit = _position + length;
        return old;
    }

    /// <summary>Restores the limit saved by <see cref="PushLimit"/>, requiring the limited span to be fully read.</summary>
    public void PopLimit(int oldLimit)
    {
        if (_position != _limit)
            throw new DnsFormatException(DnsFormatError.BadRdata, _position, "RDATA longer than its fields");
        _limit = oldLimit;
    }

    /// <summary>Reads one octet.</summary>
    public byte ReadByte()
    {
        Ensure(1);
        return _message[_position++];
    }

    /// <summary>Reads a big-endian 16-bit value.</summary>
    public ushort ReadUInt16()
    {
        Ensure(2);
        ushort value = BinaryPrimitives.ReadUInt16BigEndian(_message[_position..]);
        _position += 2;
        return value;
    }

    /// <summary>Reads a big-endian 32-bit value.</summary>
    public uint ReadUInt32()
    {
        Ensure(4);
        uint value = BinaryPrimitives.ReadUInt32BigEndian(_message[_position..]);
        _position += 4;
        return value;
    }

    /// <summary>Reads a big-endian 48-bit value (TSIG time signed, RFC 8945 §4.2).</summary>
    public ulong ReadUInt48()
    {
        Ensure(6);
        ulong value = ((ulong)BinaryPrimitives.ReadUInt16BigEndian(_message[_position..]) << 32)
            | BinaryPrimitives.ReadUInt32BigEndian(_message[(_position + 2)..]);
        _position += 6;
        return value;
    }

    /// <summary>Reads <paramref name="count"/> octets.</summary>
    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        Ensure(count);
        var bytes = _message.Slice(_position, count);
        _position += count;
        return bytes;
    }

    /// <summary>Reads everything up to the current limit.</summary>
    public ReadOnlySpan<byte> ReadRest() => ReadBytes(Remaining);

    /// <summary>Reads a &lt;character-string&gt;: a length octet and that many octets (RFC 1035 §3.3).</summary>
    public ReadOnlySpan<byte> ReadCharacterString() => ReadBytes(ReadByte());

    /// <summary>
    /// Reads a possibly compressed name (RFC 1035 §4.1.4). A pointer must point strictly before the
    /// pointer itself, which rules out loops and forward references.
    /// </summary>
    public DnsName ReadName()
    {
        Span<byte> wire = stackalloc byte[DnsName.MaxWireLength];
        int length = ReadName(wire);
        return length == 1 ? DnsName.Root : DnsName.FromValidatedWire(wire[..length].ToArray());
    }

    /// <summary>
    /// Reads a possibly compressed name as <see cref="ReadName()"/> does, uncompressed into <paramref name="wire"/>
    /// (at least <see cref="DnsName.MaxWireLength"/> octets) without allocating; returns its length, root label included.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal int ReadName(scoped Span<byte> wire)
    {
        int length = 0;
        int cursor = _position;
        int end = -1;
        int lowestPointerTarget = cursor;
        while (true)
        {
            int limit = end < 0 ? _limit : _message.Length;
            if (cursor >= limit)
                throw new DnsFormatException(DnsFormatError.Truncated, cursor);
            byte lead = _message[cursor];
            switch (lead & 0xC0)
            {
                case 0x00:
                    if (cursor + 1 + lead > limit)
                        throw new DnsFormatException(DnsFormatError.Truncated, cursor);
                    if (length + 1 + lead > DnsName.MaxWireLength)
                        throw new DnsFormatException(DnsFormatError.NameTooLong, cursor);
                    _message.Slice(cursor, 1 + lead).CopyTo(wire[length..]);
                    length += 1 + lead;
                    cursor += 1 + lead;
                    if (lead == 0)
                    {
                        _position = end < 0 ? cursor : end;
                        return length;
                    }
                    break;
                case 0xC0:
                    if (cursor + 2 > limit)
                        throw new DnsFormatException(DnsFormatError.Truncated, cursor);
                    int target = BinaryPrimitives.ReadUInt16BigEndian(_message[cursor..]) & 0x3FFF;
                    if (target >= lowestPointerTarget)
                        throw new DnsFormatException(DnsFormatError.BadPointer, cursor);
                    if (end < 0)
                        end = cursor + 2;
                    lowestPointerTarget = target;
                    cursor = target;
                    break;
                default:
                    throw new DnsFormatException(DnsFormatError.BadLabelType, cursor);
            }
        }
    }

    /// <summary>
    /// Steps over a possibly compressed name without following its pointer (a message walk that reads the name later,
    /// or never); the label structure and the bounds are checked.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void SkipName()
    {
        while (true)
        {
            byte lead = ReadByte();
            switch (lead & 0xC0)
            {
                case 0x00 when lead == 0:
                    return;
                case 0x00:
                    Skip(lead);
                    break;
                case 0xC0:
                    Skip(1);
                    return;
                default:
                    throw new DnsFormatException(DnsFormatError.BadLabelType, _position - 1);
            }
        }
    }

    /// <summary>Skips <paramref name="count"/> octets.</summary>
    public void Skip(int count)
    {
        Ensure(count);
        _position += count;
    }

    private readonly void Ensure(int count)
    {
        if (count < 0 || _position + count > _limit)
            throw new DnsFormatException(DnsFormatError.Truncated, _position);
    }
}
