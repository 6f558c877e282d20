using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>The responsible person for a name (RFC 1183 §2.2).</summary>
public sealed class RpData(DnsName mailbox, DnsName textName) : RecordData
{
    /// <summary>The person's mailbox written as a name ("." when there is none).</summary>
    public DnsName Mailbox { get; } = mailbox;

    /// <summary>A name with TXT records about the person ("." when there are none).</summary>
    public DnsName TextName { get; } = textName;

    /// <inheritdoc/>
    public override RecordType Type => RecordType.RP;

    internal static RpData ReadRdata(ref DnsReader reader) => new(reader.ReadName(), reader.ReadName());

    internal static RpData Parse(PresentationTokens tokens) =>
        new(tokens.NextName("the mailbox name"), tokens.NextName("the TXT name"));

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer)
    {
        // RFC 3597 §4: not an RFC 1035 type, so never compressed; RFC 4034 §6.2 lowercases both names.
        writer.WriteName(Mailbox, compress: false);
        writer.WriteName(TextName, compress: false);
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder)
    {
        Mailbox.AppendPresentation(builder);
        builder.Append(' ');
        TextName.AppendPresentation(builder);
    }
}
