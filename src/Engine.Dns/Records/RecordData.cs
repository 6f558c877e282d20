using System.Buffers;
using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>
/// The typed RDATA of a resource record. Each type has one sealed subclass that reads and writes the
/// wire form and the presentation form; two RDATA are equal when their canonical wire forms are
/// (RFC 4034 §6.2, so names in well-known types compare without case).
/// </summary>
public abstract class RecordData : IEquatable<RecordData>
{
    /// <summary>The record type this data belongs to.</summary>
    public abstract RecordType Type { get; }

    /// <summary>Writes the RDATA (without its length). Names are compressed only where RFC 3597 §4 allows.</summary>
    public abstract void WriteRdata(ref DnsWriter writer);

    /// <summary>Appends the presentation form of the RDATA (RFC 1035 §5.1 and the type's own RFC).</summary>
    public abstract void AppendPresentation(StringBuilder builder);

    /// <summary>Decodes RDATA of <paramref name="type"/>; the reader is limited to the RDATA.</summary>
    public static RecordData Read(RecordType type, ref DnsReader reader, int length) =>
        RecordDataCodec.Read(type, ref reader, length);

    /// <summary>Parses the presentation form of RDATA of <paramref name="type"/>, including RFC 3597's "\# len hex".</summary>
    public static RecordData Parse(RecordType type, PresentationTokens tokens) => RecordDataCodec.Parse(type, tokens);

    /// <summary>Parses presentation text such as "10 mail.example.com." for <paramref name="type"/>.</summary>
    public static RecordData Parse(RecordType type, string text, DnsName? origin = null) =>
        Parse(type, PresentationTokens.FromText(text, origin));

    /// <summary>The uncompressed wire form of the RDATA, names as given.</summary>
    public byte[] ToWire() => Encode(canonical: false);

    /// <summary>The canonical wire form (RFC 4034 §6.2): uncompressed, names lowercased where the type says.</summary>
    public byte[] ToCanonicalWire() => Encode(canonical: true);

    /// <summary>The RFC 3597 generic form, "\# 4 C0000201".</summary>
    public string ToGenericText()
    {
        var wire = ToWire();
        return wire.Length == 0 ? @"\# 0" : $@"\# {wire.Length} {Convert.ToHexString(wire)}";
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var builder = new StringBuilder();
        AppendPresentation(builder);
        return builder.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(RecordData? other) =>
        other is not null && other.Type == Type && (ReferenceEquals(this, other) || ToCanonicalWire().AsSpan().SequenceEqual(other.ToCanonicalWire()));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RecordData other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Type);
        hash.AddBytes(ToCanonicalWire());
        return hash.ToHashCode();
    }

    private byte[] Encode(bool canonical)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ushort.MaxValue);
        try
        {
            var writer = new DnsWriter(buffer) { Canonical = canonical, CompressionEnabled = false };
            WriteRdata(ref writer);
            return writer.Written.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
