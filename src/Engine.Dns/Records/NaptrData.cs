using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>A naming authority pointer: a rewrite rule of the Dynamic Delegation Discovery System (RFC 3403 §4).</summary>
public sealed class NaptrData : RecordData
{
    /// <summary>NAPTR data; each string is at most 255 octets.</summary>
    public NaptrData(ushort order, ushort preference, byte[] flags, byte[] services, byte[] regexp, DnsName replacement)
    {
        if (flags.Length > 255 || services.Length > 255 || regexp.Length > 255)
            throw new ArgumentException("NAPTR strings hold at most 255 octets");
        Order = order;
        Preference = preference;
        Flags = flags;
        Services = services;
        Regexp = regexp;
        Replacement = replacement;
    }

    /// <summary>Rules are applied in increasing order.</summary>
    public ushort Order { get; }

    /// <summary>Preference among rules of the same order.</summary>
    public ushort Preference { get; }

    /// <summary>Flags controlling the rewrite (A-Z, 0-9; RFC 3403 §4.1).</summary>
    public ReadOnlyMemory<byte> Flags { get; }

    /// <summary>The service parameters of the rule.</summary>
    public ReadOnlyMemory<byte> Services { get; }

    /// <summary>The substitution expression (empty when <see cref="Replacement"/> is used).</summary>
    public ReadOnlyMemory<byte> Regexp { get; }

    /// <summary>The next name to query ("." when the regexp is used).</summary>
    public DnsName Replacement { get; }

    /// <inheritdoc/>
    public override RecordType Type => RecordType.NAPTR;

    internal static NaptrData ReadRdata(ref DnsReader reader) => new(
        reader.ReadUInt16(),
        reader.ReadUInt16(),
        reader.ReadCharacterString().ToArray(),
        reader.ReadCharacterString().ToArray(),
        reader.ReadCharacterString().ToArray(),
        reader.ReadName());

    internal static NaptrData Parse(PresentationTokens tokens)
    {
        ushort order = tokens.NextUInt16("the order");
        ushort preference = tokens.NextUInt16("the preference");
        var flagsToken = tokens.Peek();
        var flags = tokens.NextCharacterString("the flags");
        // RFC 3403 §4.1: flags are single characters from A-Z and 0-9 (BIND also rejects others).
        if (!flags.All(b => char.IsAsciiLetterOrDigit((char)b)))
            throw tokens.Error("the NAPTR flags may only hold letters and digits", flagsToken);
        return new NaptrData(
            order,
            preference,
            flags,
            tokens.NextCharacterString("the services"),
            tokens.NextCharacterString("the regular expression"),
            tokens.NextName("the replacement name"));
    }

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer)
    {
        writer.WriteUInt16(Order);
        writer.WriteUInt16(Preference);
        writer.WriteCharacterString(Flags.Span);
        writer.WriteCharacterString(Services.Span);
        writer.WriteCharacterString(Regexp.Span);
        // RFC 3403 §4.1: the replacement is not compressed; RFC 4034 §6.2 lowercases it in canonical form.
        writer.WriteName(Replacement, compress: false);
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder)
    {
        builder.Append(Order).Append(' ').Append(Preference).Append(' ');
        PresentationText.AppendQuoted(builder, Flags.Span);
        builder.Append(' ');
        PresentationText.AppendQuoted(builder, Services.Span);
        builder.Append(' ');
        PresentationText.AppendQuoted(builder, Regexp.Span);
        builder.Append(' ');
        Replacement.AppendPresentation(builder);
    }
}
