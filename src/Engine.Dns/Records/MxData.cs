using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>A mail exchanger (RFC 1035 §3.3.9).</summary>
public sealed class MxData(ushort preference, DnsName exchange) : RecordData
{
    /// <summary>Lower is preferred.</summary>
    public ushort Preference { get; } = preference;

    /// <summary>The host that accepts mail.</summary>
    public DnsName Exchange { get; } = exchange;

    /// <inheritdoc/>
    public override RecordType Type => RecordType.MX;

    internal static MxData ReadRdata(ref DnsReader reader) => new(reader.ReadUInt16(), reader.ReadName());

    internal static MxData Parse(PresentationTokens tokens) =>
        new(tokens.NextUInt16("the preference"), tokens.NextName("the mail exchange name"));

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer)
    {
        writer.WriteUInt16(Preference);
        writer.WriteName(Exchange);
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder)
    {
        builder.Append(Preference).Append(' ');
        Exchange.AppendPresentation(builder);
    }
}
