using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>A DNSSEC signature over an RRset (RFC 4034 §3).</summary>
public sealed class RrsigData : RecordData
{
    /// <summary>RRSIG data; <paramref name="signature"/> is not empty.</summary>
    public RrsigData(RecordType typeCovered, byte algorithm, byte labels, uint originalTtl, uint expiration, uint inception,
        ushort keyTag, DnsName signerName, byte[] signature)
    {
        if (signature.Length == 0)
            throw new ArgumentException("the signature is empty", nameof(signature));
        TypeCovered = typeCovered;
        Algorithm = algorithm;
        Labels = labels;
        OriginalTtl = originalTtl;
        Expiration = expiration;
        Inception = inception;
        KeyTag = keyTag;
        SignerName = signerName;
        Signature = signature;
    }

    /// <summary>The type of the RRset signed.</summary>
    public RecordType TypeCovered { get; }

    /// <summary>The algorithm number.</summary>
    public byte Algorithm { get; }

    /// <summary>Labels of the owner name, not counting the root or a leading wildcard (RFC 4034 §3.1.3).</summary>
    public byte Labels { get; }

    /// <summary>The TTL of the RRset as it was signed.</summary>
    public uint OriginalTtl { get; }

    /// <summary>Seconds since 1970 (serial arithmetic, RFC 4034 §3.1.5) after which the signature is invalid.</summary>
    public uint Expiration { get; }

    /// <summary>Seconds since 1970 (serial arithmetic) before which the signature is invalid.</summary>
    public uint Inception { get; }

    /// <summary>The key tag of the DNSKEY that verifies the signature.</summary>
    public ushort KeyTag { get; }

    /// <summary>The zone that signed (owner of the DNSKEY).</summary>
    public DnsName SignerName { get; }

    /// <summary>The signature octets.</summary>
    public ReadOnlyMemory<byte> Signature { get; }

    /// <inheritdoc/>
    public override RecordType Type => RecordType.RRSIG;

    internal static RrsigData ReadRdata(ref DnsReader reader)
    {
        var covered = (RecordType)reader.ReadUInt16();
        byte algorithm = reader.ReadByte();
        byte labels = reader.ReadByte();
        uint ttl = reader.ReadUInt32();
        uint expiration = reader.ReadUInt32();
        uint inception = reader.ReadUInt32();
        ushort keyTag = reader.ReadUInt16();
        var signer = reader.ReadName();
        if (reader.Remaining == 0)
            throw new DnsFormatException(DnsFormatError.Truncated, reader.Position, "the signature is empty");
        return new RrsigData(covered, algorithm, labels, ttl, expiration, inception, keyTag, signer, reader.ReadRest().ToArray());
    }

    internal static RrsigData Parse(PresentationTokens tokens)
    {
        var typeToken = tokens.Next("the type covered");
        if (typeToken.Quoted || !RecordTypeNames.TryParse(typeToken.Text, out var covered))
            throw tokens.Error($"expected the type covered (a type mnemonic), found '{typeToken.Text}'", typeToken);
        return new RrsigData(
            covered,
            DnssecAlgorithmNames.Next(tokens, "the algorithm"),
            tokens.NextByte("the label count"),
            tokens.NextUInt32("the original TTL"),
            NextTime(tokens, "the signature expiration"),
            NextTime(tokens, "the signature inception"),
            tokens.NextUInt16("the key tag"),
            tokens.NextName("the signer's name"),
            RdataText.RemainingBase64(tokens, "the signature in base64"));
    }

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer)
    {
        writer.WriteUInt16((ushort)TypeCovered);
        writer.WriteByte(Algorithm);
        writer.WriteByte(Labels);
        writer.WriteUInt32(OriginalTtl);
        writer.WriteUInt32(Expiration);
        writer.WriteUInt32(Inception);
        writer.WriteUInt16(KeyTag);
        // RFC 4034 §3.1.7: never compressed; §6.2 (kept by RFC 6840 §5.1) lowercases it in canonical form.
        writer.WriteName(SignerName, compress: false);
        writer.WriteBytes(Signature.Span);
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder)
    {
        builder.Append(RecordTypeNames.ToText(TypeCovered)).Append(' ').Append(Algorithm).Append(' ').Append(Labels)
            .Append(' ').Append(OriginalTtl).Append(' ').Append(SignatureTime.ToText(Expiration))
            .Append(' ').Append(SignatureTime.ToText(Inception)).Append(' ').Append(KeyTag).Append(' ');
        SignerName.AppendPresentation(builder);
        builder.Append(' ');
        PresentationText.AppendBase64(builder, Signature.Span);
    }

    private static uint NextTime(PresentationTokens tokens, string field)
    {
        var token = tokens.Next(field);
        if (token.Quoted || !SignatureTime.TryParse(token.Text, out uint seconds))
            throw tokens.Error($"expected {field} (YYYYMMDDHHmmSS or seconds since 1970), found '{token.Text}'", token);
        return seconds;
    }
}
