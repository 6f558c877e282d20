using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>
/// A certificate association: TLSA (RFC 6698 §2.1) and SMIMEA (RFC 8162 §2, the same layout), chosen by
/// the type given at construction.
/// </summary>
public sealed class TlsaData : RecordData
{
    private readonly RecordType _type;

    /// <summary>Association data (not empty; RFC 6698 §2.1.3 does not fix its length on the wire).</summary>
    public TlsaData(byte usage, byte selector, byte matchingType, byte[] data, RecordType type = RecordType.TLSA)
    {
        if (type is not (RecordType.TLSA or RecordType.SMIMEA))
            throw new ArgumentException("TLSA data is of type TLSA or SMIMEA", nameof(type));
        if (CheckData(matchingType, data.Length) is { } problem)
            throw new ArgumentException(problem, nameof(data));
        Usage = usage;
        Selector = selector;
        MatchingType = matchingType;
        Data = data;
        _type = type;
    }

    /// <summary>Certificate usage (0 PKIX-TA, 1 PKIX-EE, 2 DANE-TA, 3 DANE-EE).</summary>
    public byte Usage { get; }

    /// <summary>0: the full certificate, 1: the SubjectPublicKeyInfo.</summary>
    public byte Selector { get; }

    /// <summary>0: exact match, 1: SHA-256, 2: SHA-512.</summary>
    public byte MatchingType { get; }

    /// <summary>The certificate association data.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <inheritdoc/>
    public override RecordType Type => _type;

    internal static TlsaData ReadRdata(ref DnsReader reader, RecordType type)
    {
        byte usage = reader.ReadByte();
        byte selector = reader.ReadByte();
        byte matching = reader.ReadByte();
        int at = reader.Position;
        var data = reader.ReadRest();
        if (CheckData(matching, data.Length) is { } problem)
            throw new DnsFormatException(data.IsEmpty ? DnsFormatError.Truncated : DnsFormatError.BadRdata, at, problem);
        return new TlsaData(usage, selector, matching, data.ToArray(), type);
    }

    internal static TlsaData Parse(PresentationTokens tokens, RecordType type)
    {
        byte usage = tokens.NextByte("the certificate usage");
        byte selector = tokens.NextByte("the selector");
        byte matching = tokens.NextByte("the matching type");
        var at = tokens.Peek();
        var data = RdataText.RemainingHex(tokens, "the certificate association data in hexadecimal");
        if (CheckData(matching, data.Length) is { } problem)
            throw tokens.Error(problem, at);
        return new TlsaData(usage, selector, matching, data, type);
    }

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer)
    {
        writer.WriteByte(Usage);
        writer.WriteByte(Selector);
        writer.WriteByte(MatchingType);
        writer.WriteBytes(Data.Span);
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder)
    {
        builder.Append(Usage).Append(' ').Append(Selector).Append(' ').Append(MatchingType).Append(' ');
        PresentationText.AppendHex(builder, Data.Span);
    }

    /// <summary>
    /// Why association data of this length is not valid, or null. Only emptiness is refused: like BIND we
    /// do not tie the length to the matching type, so a zone BIND serves transfers to us too.
    /// </summary>
    private static string? CheckData(byte matchingType, int length) =>
        length == 0 ? $"the certificate association data (matching type {matchingType}) is empty" : null;
}
