using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>A certification authority authorization property (RFC 8659 §4.1).</summary>
public sealed class CaaData : RecordData
{
    /// <summary>A CAA property; <paramref name="tag"/> is 1 to 255 ASCII letters and digits.</summary>
    public CaaData(byte flags, string tag, byte[] value)
    {
        if (!Ascii.IsValid(tag) || !IsValidTag(Encoding.ASCII.GetBytes(tag)))
            throw new ArgumentException("a CAA tag is 1 to 255 ASCII letters and digits", nameof(tag));
        Flags = flags;
        Tag = tag;
        Value = value;
    }

    /// <summary>Bit 0 (128) is "issuer critical" (RFC 8659 §4.1).</summary>
    public byte Flags { get; }

    /// <summary>The property name, such as "issue", "issuewild" or "iodef".</summary>
    public string Tag { get; }

    /// <summary>The property value, the rest of the RDATA (not limited to 255 octets).</summary>
    public ReadOnlyMemory<byte> Value { get; }

    /// <summary>True when the issuer-critical flag is set.</summary>
    public bool IsCritical => (Flags & 0x80) != 0;

    /// <inheritdoc/>
    public override RecordType Type => RecordType.CAA;

    internal static CaaData ReadRdata(ref DnsReader reader)
    {
        byte flags = reader.ReadByte();
        int at = reader.Position;
        var tag = reader.ReadCharacterString();
        // RFC 8659 §4.1: the tag is at least one octet of US-ASCII letters and digits.
        if (!IsValidTag(tag))
            throw new DnsFormatException(DnsFormatError.BadRdata, at, "a CAA tag is 1 to 255 ASCII letters and digits");
        return new CaaData(flags, Encoding.ASCII.GetString(tag), reader.ReadRest().ToArray());
    }

    internal static CaaData Parse(PresentationTokens tokens)
    {
        byte flags = tokens.NextByte("the flags");
        var tagToken = tokens.Next("the tag");
        if (tagToken.Quoted || tagToken.Text.Length is 0 or > 255 || !tagToken.Text.All(char.IsAsciiLetterOrDigit))
            throw tokens.Error($"expected the tag (ASCII letters and digits), found '{tagToken.Text}'", tagToken);
        // RFC 8659 §4.1.1: the value is a quoted string or one contiguous word.
        return new CaaData(flags, tagToken.Text, RdataText.NextOctets(tokens, "the value", requireQuotes: false));
    }

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer)
    {
        writer.WriteByte(Flags);
        writer.WriteByte((byte)Tag.Length);
        Span<byte> tag = stackalloc byte[Tag.Length];
        Encoding.ASCII.GetBytes(Tag, tag);
        writer.WriteBytes(tag);
        writer.WriteBytes(Value.Span);
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder)
    {
        builder.Append(Flags).Append(' ').Append(Tag).Append(' ');
        PresentationText.AppendQuoted(builder, Value.Span);
    }

    private static bool IsValidTag(ReadOnlySpan<byte> tag)
    {
        if (tag.Length is 0 or > 255)
            return false;
        foreach (byte b in tag)
        {
            if (!char.IsAsciiLetterOrDigit((char)b))
                return false;
        }
        return true;
    }
}
