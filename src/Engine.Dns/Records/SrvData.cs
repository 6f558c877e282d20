using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>The location of a service (RFC 2782).</summary>
public sealed class SrvData(ushort priority, ushort weight, ushort port, DnsName target) : RecordData
{
    /// <summary>Lower is tried first.</summary>
    public ushort Priority { get; } = priority;

    /// <summary>Relative weight among targets of the same priority.</summary>
    public ushort Weight { get; } = weight;

    /// <summary>The port the service listens on.</summary>
    public ushort Port { get; } = port;

    /// <summary>The host that offers the service; "." means the service is not available here.</summary>
    public DnsName Target { get; } = target;

    /// <inheritdoc/>
    public override RecordType Type => RecordType.SRV;

    internal static SrvData ReadRdata(ref DnsReader reader) =>
        new(reader.ReadUInt16(), reader.ReadUInt16(), reader.ReadUInt16(), reader.ReadName());

    internal static SrvData Parse(PresentationTokens tokens) => new(
        tokens.NextUInt16("the priority"),
        tokens.NextUInt16("the weight"),
        tokens.NextUInt16("the port"),
        tokens.NextName("the target name"));

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer)
    {
        writer.WriteUInt16(Priority);
        writer.WriteUInt16(Weight);
        writer.WriteUInt16(Port);
        // RFC 2782: the target is not compressed; RFC 4034 §6.2 lowercases it in canonical form.
        writer.WriteName(Target, compress: false);
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder)
    {
        builder.Append(Priority).Append(' ').Append(Weight).Append(' ').Append(Port).Append(' ');
        Target.AppendPresentation(builder);
    }
}
