using System.Text;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>RDATA of a type this library does not model, kept as octets (RFC 3597).</summary>
public sealed class UnknownData(RecordType type, byte[] data) : RecordData
{
    private readonly RecordType _type = type;

    /// <summary>The RDATA octets.</summary>
    public ReadOnlyMemory<byte> Data { get; } = data;

    /// <inheritdoc/>
    public override RecordType Type => _type;

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer) => writer.WriteBytes(Data.Span);

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder)
    {
        builder.Append(@"\# ").Append(Data.Length);
        if (Data.Length > 0)
            builder.Append(' ').Append(Convert.ToHexString(Data.Span));
    }
}
