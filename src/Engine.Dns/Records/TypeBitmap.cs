using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>
/// The set of record types at a name, in the window-block encoding of RFC 4034 §4.1.2 shared by NSEC,
/// NSEC3 (RFC 5155 §3.2.1) and CSYNC (RFC 7477 §2.1.2). Types are kept sorted and distinct, so the
/// wire form is unique.
/// </summary>
public sealed class TypeBitmap
{
    private readonly RecordType[] _types;

    /// <summary>A bitmap holding <paramref name="types"/> (order and repeats do not matter).</summary>
    public TypeBitmap(IEnumerable<RecordType> types)
    {
        _types = types.Distinct().Order().ToArray();
    }

    /// <summary>The bitmap with no types (an NSEC3 for an empty non-terminal, RFC 5155 §7.1).</summary>
    public static TypeBitmap Empty { get; } = new([]);

    /// <summary>The types, in increasing numeric order.</summary>
    public IReadOnlyList<RecordType> Types => _types;

    /// <summary>True when <paramref name="type"/> is in the set.</summary>
    public bool Contains(RecordType type) => Array.BinarySearch(_types, type) >= 0;

    /// <summary>
    /// Reads window blocks up to the end of the RDATA. RFC 4034 §4.1.2: windows in increasing order,
    /// bitmap length 1 to 32, no trailing zero octets (hence no empty window); anything else is malformed.
    /// </summary>
    internal static TypeBitmap Read(ref DnsReader reader)
    {
        var types = new List<RecordType>();
        int lastWindow = -1;
        while (reader.Remaining > 0)
        {
            int at = reader.Position;
            int window = reader.ReadByte();
            int length = reader.ReadByte();
            if (window <= lastWindow)
                throw new DnsFormatException(DnsFormatError.BadRdata, at, "type bitmap windows out of order");
            if (length is 0 or > 32)
                throw new DnsFormatException(DnsFormatError.BadRdata, at, "type bitmap length outside 1..32");
            var bits = reader.ReadBytes(length);
            if (bits[^1] == 0)
                throw new DnsFormatException(DnsFormatError.BadRdata, at, "type bitmap has trailing zero octets");
            for (int i = 0; i < bits.Length; i++)
            {
                for (int bit = 0; bit < 8; bit++)
                {
                    if ((bits[i] & (0x80 >> bit)) != 0)
                        types.Add((RecordType)((window << 8) | (i << 3) | bit));
                }
            }
            lastWindow = window;
        }
        return new TypeBitmap(types);
    }

    /// <summary>Reads type mnemonics (or TYPEnnn, RFC 3597 §5) up to the end of the RDATA.</summary>
    internal static TypeBitmap Parse(PresentationTokens tokens)
    {
        var types = new List<RecordType>();
        while (!tokens.AtEnd)
        {
            var token = tokens.Next("a record type");
            if (token.Quoted || !RecordTypeNames.TryParse(token.Text, out var type))
                throw tokens.Error($"expected a record type, found '{token.Text}'", token);
            types.Add(type);
        }
        return new TypeBitmap(types);
    }

    /// <summary>Writes the window blocks (nothing when the set is empty).</summary>
    public void Write(ref DnsWriter writer)
    {
        Span<byte> bits = stackalloc byte[32];
        int index = 0;
        while (index < _types.Length)
        {
            int window = (ushort)_types[index] >> 8;
            bits.Clear();
            int length = 0;
            for (; index < _types.Length && (ushort)_types[index] >> 8 == window; index++)
            {
                int low = (ushort)_types[index] & 0xFF;
                bits[low >> 3] |= (byte)(0x80 >> (low & 7));
                length = (low >> 3) + 1;
            }
            writer.WriteByte((byte)window);
            writer.WriteByte((byte)length);
            writer.WriteBytes(bits[..length]);
        }
    }

    /// <summary>Appends the mnemonics separated by blanks, each preceded by one blank.</summary>
    public void AppendPresentation(StringBuilder builder)
    {
        foreach (var type in _types)
            builder.Append(' ').Append(RecordTypeNames.ToText(type));
    }
}
