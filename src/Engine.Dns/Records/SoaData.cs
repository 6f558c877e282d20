using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>Start of authority (RFC 1035 §3.3.13).</summary>
public sealed class SoaData(DnsName primaryServer, DnsName responsibleMailbox, uint serial, uint refresh, uint retry, uint expire, uint minimum)
    : RecordData
{
    /// <summary>MNAME: the primary name server.</summary>
    public DnsName PrimaryServer { get; } = primaryServer;

    /// <summary>RNAME: the mailbox of the person responsible, as a name.</summary>
    public DnsName ResponsibleMailbox { get; } = responsibleMailbox;

    /// <summary>Zone version, compared with RFC 1982 arithmetic.</summary>
    public uint Serial { get; } = serial;

    /// <summary>Seconds between refresh checks by secondaries.</summary>
    public uint Refresh { get; } = refresh;

    /// <summary>Seconds before a failed refresh is retried.</summary>
    public uint Retry { get; } = retry;

    /// <summary>Seconds after which a secondary stops answering without a successful refresh.</summary>
    public uint Expire { get; } = expire;

    /// <summary>Negative caching TTL (RFC 2308 §4).</summary>
    public uint Minimum { get; } = minimum;

    /// <inheritdoc/>
    public override RecordType Type => RecordType.SOA;

    /// <summary>A copy with another serial.</summary>
    public SoaData WithSerial(uint serial) => new(PrimaryServer, ResponsibleMailbox, serial, Refresh, Retry, Expire, Minimum);

    internal static SoaData ReadRdata(ref DnsReader reader) => new(
        reader.ReadName(), reader.ReadName(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32());

    internal static SoaData Parse(PresentationTokens tokens) => new(
        tokens.NextName("the primary server name (MNAME)"),
        tokens.NextName("the responsible mailbox (RNAME)"),
        tokens.NextUInt32("the serial"),
        tokens.NextTtl("the refresh interval"),
        tokens.NextTtl("the retry interval"),
        tokens.NextTtl("the expire time"),
        tokens.NextTtl("the minimum (negative caching) TTL"));

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer)
    {
        writer.WriteName(PrimaryServer);
        writer.WriteName(ResponsibleMailbox);
        writer.WriteUInt32(Serial);
        writer.WriteUInt32(Refresh);
        writer.WriteUInt32(Retry);
        writer.WriteUInt32(Expire);
        writer.WriteUInt32(Minimum);
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder)
    {
        PrimaryServer.AppendPresentation(builder);
        builder.Append(' ');
        ResponsibleMailbox.AppendPresentation(builder);
        builder.Append(' ').Append(Serial).Append(' ').Append(Refresh).Append(' ').Append(Retry)
            .Append(' ').Append(Expire).Append(' ').Append(Minimum);
    }
}
