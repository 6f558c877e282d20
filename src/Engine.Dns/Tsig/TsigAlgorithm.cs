using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tsig;

/// <summary>
/// A TSIG MAC algorithm (RFC 8945 §6): its name on the wire, its mnemonic, and the length of its MAC.
/// There is one instance per algorithm, so instances compare by reference.
/// </summary>
public sealed class TsigAlgorithm
{
    private readonly string _nameWithoutDot;

    private TsigAlgorithm(string mnemonic, string wireName, int macSize, HashAlgorithmName hash)
    {
        Mnemonic = mnemonic;
        _nameWithoutDot = wireName[..^1];
        Name = DnsName.Parse(wireName);
        MacSize = macSize;
        Hash = hash;
    }

    /// <summary>HMAC-MD5, named hmac-md5.sig-alg.reg.int. (RFC 8945 §6: optional, deprecated).</summary>
    public static TsigAlgorithm HmacMd5 { get; } = new("hmac-md5", "hmac-md5.sig-alg.reg.int.", 16, HashAlgorithmName.MD5);

    /// <summary>HMAC-SHA1 (RFC 8945 §6: mandatory).</summary>
    public static TsigAlgorithm HmacSha1 { get; } = new("hmac-sha1", "hmac-sha1.", 20, HashAlgorithmName.SHA1);

    /// <summary>HMAC-SHA224 (RFC 8945 §6: optional); computed by this library, .NET has no SHA-224.</summary>
    public static TsigAlgorithm HmacSha224 { get; } = new("hmac-sha224", "hmac-sha224.", 28, default);

    /// <summary>HMAC-SHA256 (RFC 8945 §6: mandatory, the recommended default).</summary>
    public static TsigAlgorithm HmacSha256 { get; } = new("hmac-sha256", "hmac-sha256.", 32, HashAlgorithmName.SHA256);

    /// <summary>HMAC-SHA384 (RFC 8945 §6: optional).</summary>
    public static TsigAlgorithm HmacSha384 { get; } = new("hmac-sha384", "hmac-sha384.", 48, HashAlgorithmName.SHA384);

    /// <summary>HMAC-SHA512 (RFC 8945 §6: recommended).</summary>
    public static TsigAlgorithm HmacSha512 { get; } = new("hmac-sha512", "hmac-sha512.", 64, HashAlgorithmName.SHA512);

    /// <summary>Every supported algorithm.</summary>
    public static IReadOnlyList<TsigAlgorithm> All { get; } = [HmacMd5, HmacSha1, HmacSha224, HmacSha256, HmacSha384, HmacSha512];

    /// <summary>The short name operators write ("hmac-sha256"), as in BIND's and Knot's key files.</summary>
    public string Mnemonic { get; }

    /// <summary>The algorithm name carried in the TSIG record.</summary>
    public DnsName Name { get; }

    /// <summary>Length of the untruncated MAC in octets (the hash output length).</summary>
    public int MacSize { get; }

    /// <summary>
    /// Shortest MAC that may be sent or accepted: the larger of 10 octets and half the hash output
    /// (RFC 8945 §5.2.2.1, case 3); anything shorter is a FORMERR.
    /// </summary>
    public int MinimumMacSize => Math.Max(10, (MacSize + 1) / 2);

    /// <summary>The .NET hash behind the HMAC; default for SHA-224, which has none.</summary>
    internal HashAlgorithmName Hash { get; }

    /// <summary>
    /// Parses a mnemonic or a wire name: "hmac-sha256", "hmac-sha256.", "HMAC-SHA256", and for MD5 also
    /// "hmac-md5.sig-alg.reg.int" with or without the final dot.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out TsigAlgorithm? algorithm)
    {
        if (text.EndsWith("."))
            text = text[..^1];
        foreach (var candidate in All)
        {
            if (text.Equals(candidate.Mnemonic, StringComparison.OrdinalIgnoreCase)
                || text.Equals(candidate._nameWithoutDot, StringComparison.OrdinalIgnoreCase))
            {
                algorithm = candidate;
                return true;
            }
        }
        algorithm = null;
        return false;
    }

    /// <summary>Parses an algorithm like <see cref="TryParse"/>.</summary>
    /// <exception cref="FormatException">The text names no supported algorithm.</exception>
    public static TsigAlgorithm Parse(string text) => TryParse(text, out var algorithm)
        ? algorithm
        : throw new FormatException($"'{text}' is not a supported TSIG algorithm (expected one of hmac-md5, hmac-sha1, hmac-sha224, hmac-sha256, hmac-sha384, hmac-sha512)");

    /// <summary>Finds the algorithm a TSIG record names; names compare without case (RFC 4343).</summary>
    public static bool TryFromName(DnsName name, [NotNullWhen(true)] out TsigAlgorithm? algorithm)
    {
        foreach (var candidate in All)
        {
            if (candidate.Name == name)
            {
                algorithm = candidate;
                return true;
            }
        }
        algorithm = null;
        return false;
    }

    /// <summary>The mnemonic.</summary>
    public override string ToString() => Mnemonic;
}
