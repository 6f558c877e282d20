using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>An AFS or DCE database server (RFC 1183 §1).</summary>
public sealed class AfsdbData(ushort subtype, DnsName hostname) : RecordData
{
    /// <summary>1: AFS volume location server, 2: DCE authenticated name server.</summary>
    public ushort Subtype { get; } = subtype;

    /// <summary>The server's host name.</summary>
    public DnsName Hostname { get; } = hostname;

    /// <inheritdoc/>
    public override RecordType Type => RecordType.AFSDB;

    internal static AfsdbData ReadRdata(ref DnsReader reader) => new(reader.ReadUInt16(), reader.ReadName());

    internal static AfsdbData Parse(PresentationTokens tokens) =>
        new(tokens.NextUInt16("the subtype"), tokens.NextName("the server name"));

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer)
    {
        writer.WriteUInt16(Subtype);
        // RFC 3597 §4: not an RFC 1035 type, so never compressed; RFC 4034 §6.2 lowercases it.
        writer.WriteName(Hostname, compress: false);
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder)
    {
        builder.Append(Subtype).Append(' ');
        Hostname.AppendPresentation(builder);
    }
}
