using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>A message digest over the whole zone (RFC 8976 §2).</summary>
public sealed class ZonemdData : RecordData
{
    /// <summary>Scheme 1: SIMPLE (RFC 8976 §2.2.2).</summary>
    public const byte SimpleScheme = 1;

    /// <summary>Hash algorithm 1: SHA-384.</summary>
    public const byte Sha384 = 1;

    /// <summary>Hash algorithm 2: SHA-512.</summary>
    public const byte Sha512 = 2;

    /// <summary>ZONEMD data; the digest has at least 12 octets and the hash's length for SHA-384 and SHA-512.</summary>
    public ZonemdData(uint serial, byte scheme, byte hashAlgorithm, byte[] digest)
    {
        if (CheckDigest(hashAlgorithm, digest.Length) is { } problem)
            throw new ArgumentException(problem, nameof(digest));
        Serial = serial;
        Scheme = scheme;
        HashAlgorithm = hashAlgorithm;
        Digest = digest;
    }

    /// <summary>The SOA serial of the zone the digest was computed for.</summary>
    public uint Serial { get; }

    /// <summary>How the zone's records are fed to the hash.</summary>
    public byte Scheme { get; }

    /// <summary>The hash algorithm.</summary>
    public byte HashAlgorithm { get; }

    /// <summary>The digest octets.</summary>
    public ReadOnlyMemory<byte> Digest { get; }

    /// <inheritdoc/>
    public override RecordType Type => RecordType.ZONEMD;

    internal static ZonemdData ReadRdata(ref DnsReader reader)
    {
        uint serial = reader.ReadUInt32();
        byte scheme = reader.ReadByte();
        byte algorithm = reader.ReadByte();
        int at = reader.Position;
        var digest = reader.ReadRest();
        if (CheckDigest(algorithm, digest.Length) is { } problem)
            throw new DnsFormatException(digest.Length < 12 ? DnsFormatError.Truncated : DnsFormatError.BadRdata, at, problem);
        return new ZonemdData(serial, scheme, algorithm, digest.ToArray());
    }

    internal static ZonemdData Parse(PresentationTokens tokens)
    {
        uint serial = tokens.NextUInt32("the serial");
        byte scheme = tokens.NextByte("the scheme");
        byte algorithm = tokens.NextByte("the hash algorithm");
        var at = tokens.Peek();
        var digest = RdataText.RemainingHex(tokens, "the digest in hexadecimal");
        if (CheckDigest(algorithm, digest.Length) is { } problem)
            throw tokens.Error(problem, at);
        return new ZonemdData(serial, scheme, algorithm, digest);
    }

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer)
    {
        writer.WriteUInt32(Serial);
        writer.WriteByte(Scheme);
        writer.WriteByte(HashAlgorithm);
        writer.WriteBytes(Digest.Span);
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder)
    {
        builder.Append(Serial).Append(' ').Append(Scheme).Append(' ').Append(HashAlgorithm).Append(' ');
        PresentationText.AppendHex(builder, Digest.Span);
    }

    /// <summary>
    /// Why a digest of this length is not valid, or null. RFC 8976 §2.2.4: at least 12 octets; the known
    /// hashes have their own length (BIND checks both).
    /// </summary>
    private static string? CheckDigest(byte algorithm, int length) => (algorithm, length) switch
    {
        (Sha384, not 48) => "a SHA-384 digest is 48 octets",
        (Sha512, not 64) => "a SHA-512 digest is 64 octets",
        (_, < 12) => "a ZONEMD digest is at least 12 octets",
        _ => null,
    };
}
