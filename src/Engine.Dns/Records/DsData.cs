using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>
/// A delegation signer: the digest of a child zone's DNSKEY (RFC 4034 §5). Also the layout of CDS
/// (RFC 7344 §3.1), chosen by the type given at construction.
/// </summary>
public sealed class DsData : RecordData
{
    private readonly RecordType _type;

    /// <summary>DS data; the digest is not empty and has the digest type's length for SHA-1, SHA-256 and SHA-384.</summary>
    public DsData(ushort keyTag, byte algorithm, byte digestType, byte[] digest, RecordType type = RecordType.DS)
    {
        if (type is not (RecordType.DS or RecordType.CDS))
            throw new ArgumentException("DS data is of type DS or CDS", nameof(type));
        if (CheckDigest(digestType, digest.Length) is { } problem)
            throw new ArgumentException(problem, nameof(digest));
        KeyTag = keyTag;
        Algorithm = algorithm;
        DigestType = digestType;
        Digest = digest;
        _type = type;
    }

    /// <summary>The key tag of the DNSKEY digested (RFC 4034 Appendix B).</summary>
    public ushort KeyTag { get; }

    /// <summary>The DNSKEY's algorithm number.</summary>
    public byte Algorithm { get; }

    /// <summary>The digest algorithm (1 SHA-1, 2 SHA-256, 4 SHA-384; 0 in a CDS delete request, RFC 8078 §4).</summary>
    public byte DigestType { get; }

    /// <summary>The digest octets.</summary>
    public ReadOnlyMemory<byte> Digest { get; }

    /// <inheritdoc/>
    public override RecordType Type => _type;

    internal static DsData ReadRdata(ref DnsReader reader, RecordType type)
    {
        ushort keyTag = reader.ReadUInt16();
        byte algorithm = reader.ReadByte();
        byte digestType = reader.ReadByte();
        int at = reader.Position;
        var digest = reader.ReadRest();
        if (CheckDigest(digestType, digest.Length) is { } problem)
            throw new DnsFormatException(digest.IsEmpty ? DnsFormatError.Truncated : DnsFormatError.BadRdata, at, problem);
        return new DsData(keyTag, algorithm, digestType, digest.ToArray(), type);
    }

    internal static DsData Parse(PresentationTokens tokens, RecordType type)
    {
        ushort keyTag = tokens.NextUInt16("the key tag");
        byte algorithm = DnssecAlgorithmNames.Next(tokens, "the algorithm");
        // RFC 4034 §5.3: the digest type is a decimal number; the digest is hexadecimal, blanks allowed.
        byte digestType = tokens.NextByte("the digest type");
        var at = tokens.Peek();
        var digest = RdataText.RemainingHex(tokens, "the digest in hexadecimal");
        if (CheckDigest(digestType, digest.Length) is { } problem)
            throw tokens.Error(problem, at);
        return new DsData(keyTag, algorithm, digestType, digest, type);
    }

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer)
    {
        writer.WriteUInt16(KeyTag);
        writer.WriteByte(Algorithm);
        writer.WriteByte(DigestType);
        writer.WriteBytes(Digest.Span);
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder)
    {
        builder.Append(KeyTag).Append(' ').Append(Algorithm).Append(' ').Append(DigestType).Append(' ');
        PresentationText.AppendHex(builder, Digest.Span);
    }

    /// <summary>
    /// Why a digest of this length is not valid, or null: never empty, and the digest's own length for
    /// SHA-1 (RFC 4034 §5.1.4), SHA-256 (RFC 4509 §2.2) and SHA-384 (RFC 6605 §2), which BIND enforces too.
    /// </summary>
    private static string? CheckDigest(byte digestType, int length) => (digestType, length) switch
    {
        (_, 0) => "the digest is empty",
        (1, not 20) => "a SHA-1 digest is 20 octets",
        (2, not 32) => "a SHA-256 digest is 32 octets",
        (4, not 48) => "a SHA-384 digest is 48 octets",
        _ => null,
    };
}
