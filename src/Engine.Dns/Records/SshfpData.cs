using System.Text;
using SecondaryPortal.Dns.Presentation;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Records;

/// <summary>An SSH host key fingerprint (RFC 4255 §3.1; SHA-256 from RFC 6594).</summary>
public sealed class SshfpData : RecordData
{
    /// <summary>SSHFP data; the fingerprint is not empty and has the digest's length for SHA-1 (20) and SHA-256 (32).</summary>
    public SshfpData(byte algorithm, byte fingerprintType, byte[] fingerprint)
    {
        if (CheckFingerprint(fingerprintType, fingerprint.Length) is { } problem)
            throw new ArgumentException(problem, nameof(fingerprint));
        Algorithm = algorithm;
        FingerprintType = fingerprintType;
        Fingerprint = fingerprint;
    }

    /// <summary>The public key algorithm (1 RSA, 2 DSA, 3 ECDSA, 4 Ed25519 ...).</summary>
    public byte Algorithm { get; }

    /// <summary>The digest (1 SHA-1, 2 SHA-256).</summary>
    public byte FingerprintType { get; }

    /// <summary>The fingerprint octets.</summary>
    public ReadOnlyMemory<byte> Fingerprint { get; }

    /// <inheritdoc/>
    public override RecordType Type => RecordType.SSHFP;

    internal static SshfpData ReadRdata(ref DnsReader reader)
    {
        byte algorithm = reader.ReadByte();
        byte type = reader.ReadByte();
        int at = reader.Position;
        var fingerprint = reader.ReadRest();
        if (CheckFingerprint(type, fingerprint.Length) is { } problem)
            throw new DnsFormatException(fingerprint.IsEmpty ? DnsFormatError.Truncated : DnsFormatError.BadRdata, at, problem);
        return new SshfpData(algorithm, type, fingerprint.ToArray());
    }

    internal static SshfpData Parse(PresentationTokens tokens)
    {
        byte algorithm = tokens.NextByte("the algorithm");
        byte type = tokens.NextByte("the fingerprint type");
        var at = tokens.Peek();
        var fingerprint = RdataText.RemainingHex(tokens, "the fingerprint in hexadecimal");
        if (CheckFingerprint(type, fingerprint.Length) is { } problem)
            throw tokens.Error(problem, at);
        return new SshfpData(algorithm, type, fingerprint);
    }

    /// <inheritdoc/>
    public override void WriteRdata(ref DnsWriter writer)
    {
        writer.WriteByte(Algorithm);
        writer.WriteByte(FingerprintType);
        writer.WriteBytes(Fingerprint.Span);
    }

    /// <inheritdoc/>
    public override void AppendPresentation(StringBuilder builder)
    {
        builder.Append(Algorithm).Append(' ').Append(FingerprintType).Append(' ');
        PresentationText.AppendHex(builder, Fingerprint.Span);
    }

    /// <summary>Why a fingerprint of this length is not valid (BIND applies the same rule), or null.</summary>
    private static string? CheckFingerprint(byte type, int length) => (type, length) switch
    {
        (_, 0) => "the fingerprint is empty",
        (1, not 20) => "a SHA-1 fingerprint is 20 octets",
        (2, not 32) => "a SHA-256 fingerprint is 32 octets",
        _ => null,
    };
}
