using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>The NSEC3 parameters a zone's authoritative servers use (RFC 5155 §4).</summary>
public sealed class Nsec3ParamData : RecordData
{
    /// <summary>NSEC3PARAM data; the salt is at most 255 octets.</summary>
    public Nsec3ParamData(byte hashAlgorithm, byte flags, ushort iterations, byte[] salt)
    {
        if (salt.Length > 255)
            throw new ArgumentException("the salt holds at most 255 octets", nameof(salt));
        HashAlgorithm = hashAlgorithm;
        Flags = flags;
        Iterations = iterations;
        Salt = salt;
    }

    /// <summary>1 is SHA-1.</summary>
    public byte HashAlgorithm { get; }

    /// <summary>Zero in a published NSEC3PARAM (RFC 5155 §4.1.2).</summary>
    public byte Flags { get; }

    /// <summary>Additional hash iterations.</summary>
    public ushort Iterations { get; }

    /// <summary>The salt (may be empty).</summary>
    public ReadOnlyMemory<byte> Salt { get; }

    /// <inheritdoc/>
    public override RecordType Type => RecordType.NSEC3PARAM;

    internal static Nsec3ParamData ReadRdata(ref DnsReader reader) =>
        new(reader.ReadByte(), reader.ReadByte(), reader.ReadUInt16(), reader.ReadCharacterString().ToArray());

    internal static Nsec3ParamData Parse(PresentationTokens tokens) => new(
        tokens.NextByte("the hash algorithm"),
        tokens.NextByte("the flags"),
        tokens.NextUInt16("the iterations"),
        RdataText.NextSalt(tokens));

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer)
    {
        writer.WriteByte(HashAlgorithm);
        writer.WriteByte(Flags);
        writer.WriteUInt16(Iterations);
        writer.WriteCharacterString(Salt.Span);
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder)
    {
        builder.Append(HashAlgorithm).Append(' ').Append(Flags).Append(' ').Append(Iterations).Append(' ');
        RdataText.AppendSalt(builder, Salt.Span);
    }
}
