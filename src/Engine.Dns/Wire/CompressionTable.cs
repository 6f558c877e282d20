using System.Runtime.CompilerServices;

namespace SecondaryPortal.Dns.Wire;

/// <summary>
/// Offsets of the label sequences written so far in one message, kept inline (no allocation). A
/// candidate suffix is matched by walking the bytes already in the buffer, following their pointers. Matching is
/// case-sensitive so that a decoded name keeps the exact octets it was given.
/// </summary>
internal struct CompressionTable
{
    /// <summary>Entries kept per message; names past this are written uncompressed, which is still valid.</summary>
    public const int Capacity = 96;

    private OffsetArray _offsets;
    private EndArray _ends;
    private int _count;

    /// <summary>Remembers a label sequence starting at <paramref name="offset"/> (message-relative); <paramref name="endPosition"/> is the buffer position after its first label.</summary>
    public void Add(ushort offset, int endPosition)
    {
        if (_count == Capacity)
            return;
        _offsets[_count] = offset;
        _ends[_count] = endPosition;
        _count++;
    }

    /// <summary>Drops entries written at or after <paramref name="position"/> (the writer rewound).</summary>
    public void Forget(int position)
    {
        while (_count > 0 && _ends[_count - 1] > position)
            _count--;
    }

    /// <summary>
    /// Finds an earlier occurrence of <paramref name="suffix"/> (uncompressed wire labels) in
    /// <paramref name="buffer"/>, which must end at the write position.
    /// </summary>
    public readonly bool TryFind(ReadOnlySpan<byte> buffer, int messageStart, ReadOnlySpan<byte> suffix, out int offset)
    {
        for (int i = 0; i < _count; i++)
        {
            if (Matches(buffer, messageStart, _offsets[i], suffix))
            {
                offset = _offsets[i];
                return true;
            }
        }
        offset = 0;
        return false;
    }

    private static bool Matches(ReadOnlySpan<byte> buffer, int messageStart, int offset, ReadOnlySpan<byte> suffix)
    {
        var message = buffer[messageStart..];
        int cursor = offset, s = 0;
        for (int hops = 0; hops < 128;)
        {
            // Only octets already written count: a name being written may repeat a label of its own (a.a.),
            // and what lies past the write position is stale data from an earlier message.
            if (cursor >= message.Length)
                return false;
            byte lead = message[cursor];
            if ((lead & 0xC0) == 0xC0)
            {
                if (cursor + 1 >= message.Length)
                    return false;
                cursor = ((lead & 0x3F) << 8) | message[cursor + 1];
                hops++;
                continue;
            }
            if (lead != suffix[s])
                return false;
            if (lead == 0)
                return true;
            if (cursor + 1 + lead > message.Length || !message.Slice(cursor + 1, lead).SequenceEqual(suffix.Slice(s + 1, lead)))
                return false;
            cursor += lead + 1;
            s += lead + 1;
        }
        return false;
    }

    [InlineArray(Capacity)]
    private struct OffsetArray
    {
        private ushort _element;
    }

    [InlineArray(Capacity)]
    private struct EndArray
    {
        private int _element;
    }
}
