using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>
/// A zone's public key (RFC 4034 §2). Also the layout of CDNSKEY (RFC 7344 §3.2), chosen by the type
/// given at construction.
/// </summary>
public sealed class DnskeyData : RecordData
{
    /// <summary>Flag bit 7: the key is a zone key (RFC 4034 §2.1.1).</summary>
    public const ushort ZoneKeyFlag = 0x0100;

    /// <summary>Flag bit 15: secure entry point, a key-signing key (RFC 4034 §2.1.1, RFC 3757).</summary>
    public const ushort SecureEntryPointFlag = 0x0001;

    /// <summary>Flag bit 8: the key is revoked (RFC 5011 §3).</summary>
    public const ushort RevokeFlag = 0x0080;

    private readonly RecordType _type;

    /// <summary>DNSKEY data; <paramref name="publicKey"/> is not empty.</summary>
    public DnskeyData(ushort flags, byte protocol, byte algorithm, byte[] publicKey, RecordType type = RecordType.DNSKEY)
    {
        if (type is not (RecordType.DNSKEY or RecordType.CDNSKEY))
            throw new ArgumentException("DNSKEY data is of type DNSKEY or CDNSKEY", nameof(type));
        if (publicKey.Length == 0)
            throw new ArgumentException("the public key is empty", nameof(publicKey));
        Flags = flags;
        Protocol = protocol;
        Algorithm = algorithm;
        PublicKey = publicKey;
        _type = type;
    }

    /// <summary>The flags (zone key, secure entry point, revoked).</summary>
    public ushort Flags { get; }

    /// <summary>Always 3 in a valid key (RFC 4034 §2.1.2).</summary>
    public byte Protocol { get; }

    /// <summary>The algorithm number.</summary>
    public byte Algorithm { get; }

    /// <summary>The public key, in the algorithm's own format.</summary>
    public ReadOnlyMemory<byte> PublicKey { get; }

    /// <inheritdoc/>
    public override RecordType Type => _type;

    /// <summary>
    /// The key tag (RFC 4034 Appendix B): a 16-bit one's-complement-like sum over the RDATA; for
    /// algorithm 1 (RSA/MD5) the 3rd- and 2nd-last octets of the modulus instead (Appendix B.1).
    /// </summary>
    public ushort KeyTag
    {
        get
        {
            var key = PublicKey.Span;
            if (Algorithm == 1)
                return key.Length < 3 ? (ushort)0 : (ushort)((key[^3] << 8) | key[^2]);
            uint sum = Flags + (uint)((Protocol << 8) | Algorithm);
            for (int i = 0; i < key.Length; i++)
                sum += (i & 1) == 0 ? (uint)key[i] << 8 : key[i];
            sum += (sum >> 16) & 0xFFFF;
            return (ushort)sum;
        }
    }

    internal static DnskeyData ReadRdata(ref DnsReader reader, RecordType type)
    {
        ushort flags = reader.ReadUInt16();
        byte protocol = reader.ReadByte();
        byte algorithm = reader.ReadByte();
        if (reader.Remaining == 0)
            throw new DnsFormatException(DnsFormatError.Truncated, reader.Position, "the public key is empty");
        return new DnskeyData(flags, protocol, algorithm, reader.ReadRest().ToArray(), type);
    }

    internal static DnskeyData Parse(PresentationTokens tokens, RecordType type) => new(
        tokens.NextUInt16("the flags"),
        tokens.NextByte("the protocol"),
        DnssecAlgorithmNames.Next(tokens, "the algorithm"),
        RdataText.RemainingBase64(tokens, "the public key in base64"),
        type);

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer)
    {
        writer.WriteUInt16(Flags);
        writer.WriteByte(Protocol);
        writer.WriteByte(Algorithm);
        writer.WriteBytes(PublicKey.Span);
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder)
    {
        builder.Append(Flags).Append(' ').Append(Protocol).Append(' ').Append(Algorithm).Append(' ');
        PresentationText.AppendBase64(builder, PublicKey.Span);
    }
}
