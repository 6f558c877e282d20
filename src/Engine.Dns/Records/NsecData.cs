using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>Authenticated denial of existence: the next owner name in the zone and the types here (RFC 4034 §4).</summary>
public sealed class NsecData(DnsName nextName, TypeBitmap types) : RecordData
{
    /// <summary>The next owner name in canonical order (the apex for the last NSEC).</summary>
    public DnsName NextName { get; } = nextName;

    /// <summary>The types present at the owner name.</summary>
    public TypeBitmap Types { get; } = types;

    /// <inheritdoc/>
    public override RecordType Type => RecordType.NSEC;

    internal static NsecData ReadRdata(ref DnsReader reader) => new(reader.ReadName(), TypeBitmap.Read(ref reader));

    internal static NsecData Parse(PresentationTokens tokens) =>
        new(tokens.NextName("the next domain name"), TypeBitmap.Parse(tokens));

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer)
    {
        // RFC 4034 §4.1.1: not compressed. RFC 6840 §5.1 removed NSEC from the types whose names are
        // lowercased in canonical form, so the next name keeps its case.
        writer.WriteName(NextName, compress: false, lowercaseWhenCanonical: false);
        Types.Write(ref writer);
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder)
    {
        NextName.AppendPresentation(builder);
        Types.AppendPresentation(builder);
    }
}
