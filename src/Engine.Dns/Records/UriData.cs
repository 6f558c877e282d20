using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>A URI for a service (RFC 7553 §4).</summary>
public sealed class UriData(ushort priority, ushort weight, byte[] target) : RecordData
{
    /// <summary>Lower is tried first.</summary>
    public ushort Priority { get; } = priority;

    /// <summary>Relative weight among targets of the same priority.</summary>
    public ushort Weight { get; } = weight;

    /// <summary>The URI octets: the rest of the RDATA, not a &lt;character-string&gt; (RFC 7553 §4.4).</summary>
    public ReadOnlyMemory<byte> Target { get; } = target;

    /// <inheritdoc/>
    public override RecordType Type => RecordType.URI;

    internal static UriData ReadRdata(ref DnsReader reader) =>
        new(reader.ReadUInt16(), reader.ReadUInt16(), reader.ReadRest().ToArray());

    internal static UriData Parse(PresentationTokens tokens) => new(
        tokens.NextUInt16("the priority"),
        tokens.NextUInt16("the weight"),
        // RFC 7553 §4.4 writes the target in double quotes; BIND requires them, and so do we.
        RdataText.NextOctets(tokens, "the target URI", requireQuotes: true));

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer)
    {
        writer.WriteUInt16(Priority);
        writer.WriteUInt16(Weight);
        writer.WriteBytes(Target.Span);
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder)
    {
        builder.Append(Priority).Append(' ').Append(Weight).Append(' ');
        PresentationText.AppendQuoted(builder, Target.Span);
    }
}
