using System.Buffers;
using System.Globalization;
using System.Text;

namespace SecondaryPortal.Dns.Wire;

/// <summary>
/// An absolute domain name, kept in uncompressed wire form with its original case.
/// Equality and hashing ignore ASCII case (RFC 4343 §3); ordering is the canonical order of RFC 4034 §6.1.
/// </summary>
public sealed class DnsName : IEquatable<DnsName>, IComparable<DnsName>
{
    /// <summary>Longest name in wire form, including the root label (RFC 1035 §2.3.4).</summary>
    public const int MaxWireLength = 255;

    /// <summary>Longest label (RFC 1035 §2.3.4).</summary>
    public const int MaxLabelLength = 63;

    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = false };

    private readonly byte[] _wire;
    private readonly int _hash;
    private byte[]? _labelOffsets;

    /// <summary>The root name, ".".</summary>
    public static DnsName Root { get; } = new([0]);

    private DnsName(byte[] wire)
    {
        _wire = wire;
        _hash = ComputeHash(wire);
    }

    /// <summary>The name in uncompressed wire form, ending with the root label.</summary>
    public ReadOnlySpan<byte> Wire => _wire;

    /// <summary>Length of the uncompressed wire form.</summary>
    public int WireLength => _wire.Length;

    /// <summary>Number of labels, not counting the root label.</summary>
    public int LabelCount => LabelOffsets.Length;

    /// <summary>True for ".".</summary>
    public bool IsRoot => _wire.Length == 1;

    private byte[] LabelOffsets => _labelOffsets ??= ComputeLabelOffsets(_wire);

    /// <summary>Creates a name from validated, uncompressed wire bytes (caller guarantees validity).</summary>
    internal static DnsName FromValidatedWire(byte[] wire) => wire.Length == 1 ? Root : new DnsName(wire);

    /// <summary>Creates a name from uncompressed wire bytes, checking label and name limits.</summary>
    public static DnsName FromWire(ReadOnlySpan<byte> wire)
    {
        int position = 0;
        while (true)
        {
            if (position >= wire.Length)
                throw new DnsFormatException(DnsFormatError.Truncated, position);
            int length = wire[position];
            if (length > MaxLabelLength)
                throw new DnsFormatException(DnsFormatError.LabelTooLong, position);
            position += length + 1;
            if (position > MaxWireLength)
                throw new DnsFormatException(DnsFormatError.NameTooLong, position);
            if (length == 0)
                break;
        }
        if (position != wire.Length)
            throw new DnsFormatException(DnsFormatError.TrailingData, position);
        return FromValidatedWire(wire.ToArray());
    }

    /// <summary>
    /// Parses a name in presentation form ("www.example.com.", "a\.b.example.", "\065.example.").
    /// A name without a trailing dot is relative to <paramref name="origin"/>, or taken as absolute when
    /// no origin is given. "@" is the origin. Non-ASCII text is converted to its IDNA (punycode) form.
    /// </summary>
    /// <exception cref="FormatException">The text is not a valid name.</exception>
    public static DnsName Parse(string text, DnsName? origin = null) =>
        TryParse(text, origin, out var name, out var error) ? name : throw new FormatException(error);

    /// <summary>Parses a presentation-form name; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, DnsName? origin, out DnsName name, out string error)
    {
        name = Root;
        error = "";
        if (text.IsEmpty)
        {
            error = "empty name";
            return false;
        }
        if (text is "@")
        {
            if (origin is null)
            {
                error = "'@' used without an origin";
                return false;
            }
            name = origin;
            return true;
        }
        if (text is ".")
            return true;
        if (!Ascii.IsValid(text))
        {
            string ascii;
            try
            {
                ascii = Idn.GetAscii(text.ToString().TrimEnd('.')) + (text[^1] == '.' ? "." : "");
            }
            catch (ArgumentException)
            {
                error = $"'{text}' is not a valid internationalised name";
                return false;
            }
            return TryParse(ascii, origin, out name, out error);
        }
        return PresentationNameParser.TryParse(text, origin, out name, out error);
    }

    /// <summary>Returns the i-th label from the left (0 is the leftmost), without its length octet.</summary>
    public ReadOnlySpan<byte> GetLabel(int index)
    {
        int offset = LabelOffsets[index];
        return _wire.AsSpan(offset + 1, _wire[offset]);
    }

    /// <summary>The name with <paramref name="count"/> leftmost labels removed.</summary>
    public DnsName Parent(int count = 1)
    {
        if (count == 0)
            return this;
        if (count >= LabelCount)
            return Root;
        return FromValidatedWire(_wire.AsSpan(LabelOffsets[count]).ToArray());
    }

    /// <summary>True when this name equals <paramref name="ancestor"/> or lies below it.</summary>
    public bool IsSubdomainOf(DnsName ancestor)
    {
        int extra = LabelCount - ancestor.LabelCount;
        if (extra < 0)
            return false;
        int offset = extra == LabelCount ? _wire.Length - 1 : LabelOffsets[extra];
        return AsciiEqualsIgnoreCase(_wire.AsSpan(offset), ancestor._wire);
    }

    /// <summary>A new name with <paramref name="label"/> in front of this one.</summary>
    /// <exception cref="FormatException">The label or the resulting name is too long.</exception>
    public DnsName Prepend(ReadOnlySpan<byte> label)
    {
        if (label.Length is 0 or > MaxLabelLength)
            throw new FormatException("label must be 1 to 63 octets");
        if (_wire.Length + label.Length + 1 > MaxWireLength)
            throw new FormatException("name longer than 255 octets");
        var wire = new byte[_wire.Length + label.Length + 1];
        wire[0] = (byte)label.Length;
        label.CopyTo(wire.AsSpan(1));
        _wire.CopyTo(wire.AsSpan(label.Length + 1));
        return new DnsName(wire);
    }

    /// <summary>Replaces the <paramref name="oldSuffix"/> of this name by <paramref name="newSuffix"/> (DNAME substitution, RFC 6672 §2.2).</summary>
    /// <returns>The new name, or null when it would exceed 255 octets (YXDOMAIN).</returns>
    public DnsName? ReplaceSuffix(DnsName oldSuffix, DnsName newSuffix)
    {
        int prefixLength = _wire.Length - oldSuffix._wire.Length;
        if (prefixLength + newSuffix._wire.Length > MaxWireLength)
            return null;
        var wire = new byte[prefixLength + newSuffix._wire.Length];
        _wire.AsSpan(0, prefixLength).CopyTo(wire);
        newSuffix._wire.CopyTo(wire.AsSpan(prefixLength));
        return FromValidatedWire(wire);
    }

    /// <summary>The same name with ASCII letters lowercased (RFC 4034 §6.2 canonical form).</summary>
    public DnsName ToLowerCase()
    {
        if (!_wire.AsSpan().ContainsAnyInRange((byte)'A', (byte)'Z'))
            return this;
        var wire = (byte[])_wire.Clone();
        foreach (ref byte b in wire.AsSpan())
            b = ToLower(b);
        return new DnsName(wire);
    }

    /// <summary>True when the leftmost label is "*" (RFC 4592 §2.1.1).</summary>
    public bool IsWildcard => _wire.Length > 2 && _wire[0] == 1 && _wire[1] == (byte)'*';

    /// <summary>Presentation form with a trailing dot and RFC 1035 §5.1 escapes.</summary>
    public override string ToString()
    {
        if (IsRoot)
            return ".";
        var builder = new StringBuilder(_wire.Length + 8);
        AppendPresentation(builder);
        return builder.ToString();
    }

    /// <summary>Appends the presentation form to <paramref name="builder"/>.</summary>
    public void AppendPresentation(StringBuilder builder)
    {
        if (IsRoot)
        {
            builder.Append('.');
            return;
        }
        int position = 0;
        while (_wire[position] != 0)
        {
            int length = _wire[position];
            foreach (byte b in _wire.AsSpan(position + 1, length))
                AppendEscaped(builder, b);
            builder.Append('.');
            position += length + 1;
        }
    }

    /// <summary>Presentation form with punycode labels shown in Unicode, for people (not for zone files).</summary>
    public string ToUnicodeString()
    {
        string ascii = ToString();
        if (!ascii.Contains("xn--", StringComparison.OrdinalIgnoreCase))
            return ascii;
        try
        {
            return Idn.GetUnicode(ascii.TrimEnd('.')) + ".";
        }
        catch (ArgumentException)
        {
            return ascii;
        }
    }

    private static void AppendEscaped(StringBuilder builder, byte b)
    {
        switch (b)
        {
            case (byte)'.' or (byte)'\\' or (byte)'"' or (byte)'(' or (byte)')' or (byte)';' or (byte)'@' or (byte)'$':
                builder.Append('\\').Append((char)b);
                break;
            case < 0x21 or > 0x7E:
                builder.Append('\\').Append(b.ToString("D3", CultureInfo.InvariantCulture));
                break;
            default:
                builder.Append((char)b);
                break;
        }
    }

    /// <inheritdoc/>
    public bool Equals(DnsName? other) =>
        other is not null && (ReferenceEquals(this, other) || (_hash == other._hash && AsciiEqualsIgnoreCase(_wire, other._wire)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DnsName other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _hash;

    /// <summary>True when both names have the same octets, case included.</summary>
    public bool EqualsCaseSensitive(DnsName other) => _wire.AsSpan().SequenceEqual(other._wire);

    /// <summary>Canonical DNS name order (RFC 4034 §6.1): by labels from the right, each compared as lowercase octets.</summary>
    public int CompareTo(DnsName? other)
    {
        if (other is null)
            return 1;
        var mine = LabelOffsets;
        var theirs = other.LabelOffsets;
        int i = mine.Length - 1, j = theirs.Length - 1;
        for (; i >= 0 && j >= 0; i--, j--)
        {
            int order = CompareLabels(GetLabel(i), other.GetLabel(j));
            if (order != 0)
                return order;
        }
        return mine.Length.CompareTo(theirs.Length);
    }

    private static int CompareLabels(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        int common = Math.Min(left.Length, right.Length);
        for (int k = 0; k < common; k++)
        {
            int order = ToLower(left[k]).CompareTo(ToLower(right[k]));
            if (order != 0)
                return order;
        }
        return left.Length.CompareTo(right.Length);
    }

    /// <summary>Equality of two names by <c>==</c>, ignoring case.</summary>
    public static bool operator ==(DnsName? left, DnsName? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality of two names, ignoring case.</summary>
    public static bool operator !=(DnsName? left, DnsName? right) => !(left == right);

    /// <summary>Canonical order comparison.</summary>
    public static bool operator <(DnsName left, DnsName right) => left.CompareTo(right) < 0;

    /// <summary>Canonical order comparison.</summary>
    public static bool operator >(DnsName left, DnsName right) => left.CompareTo(right) > 0;

    /// <summary>Canonical order comparison.</summary>
    public static bool operator <=(DnsName left, DnsName right) => left.CompareTo(right) <= 0;

    /// <summary>Canonical order comparison.</summary>
    public static bool operator >=(DnsName left, DnsName right) => left.CompareTo(right) >= 0;

    internal static byte ToLower(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;

    /// <summary>
    /// Compares octets ignoring ASCII case only (RFC 4343 §3); octets above 0x7F must match exactly.
    /// (System.Text.Ascii.EqualsIgnoreCase would report any non-ASCII octet as a mismatch.)
    /// </summary>
    internal static bool AsciiEqualsIgnoreCase(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.Length != right.Length)
            return false;
        for (int i = 0; i < left.Length; i++)
        {
            if (left[i] != right[i] && ToLower(left[i]) != ToLower(right[i]))
                return false;
        }
        return true;
    }

    private static int ComputeHash(ReadOnlySpan<byte> wire)
    {
        var hash = new HashCode();
        foreach (byte b in wire)
            hash.Add(ToLower(b));
        return hash.ToHashCode();
    }

    private static byte[] ComputeLabelOffsets(byte[] wire)
    {
        Span<byte> offsets = stackalloc byte[128];
        int count = 0, position = 0;
        while (wire[position] != 0)
        {
            offsets[count++] = (byte)position;
            position += wire[position] + 1;
        }
        return count == 0 ? [] : offsets[..count].ToArray();
    }
}
