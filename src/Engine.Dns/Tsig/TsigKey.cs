using System.Diagnostics.CodeAnalysis;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Tsig;

/// <summary>
/// A shared TSIG secret (RFC 8945 §3): the key name both sides agree on, the algorithm, and the secret
/// octets. <see cref="ToString"/> never shows the secret.
/// </summary>
public sealed class TsigKey
{
    private readonly byte[] _secret;

    /// <summary>A key that signs with full-length MACs and accepts only full-length MACs.</summary>
    /// <exception cref="ArgumentException">The secret is empty.</exception>
    public TsigKey(DnsName name, TsigAlgorithm algorithm, ReadOnlySpan<byte> secret)
        : this(name, algorithm, secret, algorithm.MacSize)
    {
    }

    /// <summary>
    /// A key whose MACs are truncated to <paramref name="macSize"/> octets when signing, and which accepts
    /// no MAC shorter than that (the local truncation policy of RFC 8945 §5.2.4).
    /// </summary>
    /// <exception cref="ArgumentException">The secret is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="macSize"/> is outside what RFC 8945 §5.2.2.1 allows.</exception>
    public TsigKey(DnsName name, TsigAlgorithm algorithm, ReadOnlySpan<byte> secret, int macSize)
    {
        if (secret.IsEmpty)
            throw new ArgumentException("a TSIG secret holds at least one octet", nameof(secret));
        if (macSize < algorithm.MinimumMacSize || macSize > algorithm.MacSize)
            throw new ArgumentOutOfRangeException(nameof(macSize), macSize, $"{algorithm} MACs are {algorithm.MinimumMacSize} to {algorithm.MacSize} octets (RFC 8945 §5.2.2.1)");
        Name = name;
        Algorithm = algorithm;
        _secret = secret.ToArray();
        MacSize = macSize;
    }

    /// <summary>The key name, the owner of the TSIG record.</summary>
    public DnsName Name { get; }

    /// <summary>The MAC algorithm.</summary>
    public TsigAlgorithm Algorithm { get; }

    /// <summary>The shared secret.</summary>
    public ReadOnlyMemory<byte> Secret => _secret;

    /// <summary>Octets of MAC this key sends, and the fewest it accepts (RFC 8945 §5.2.4).</summary>
    public int MacSize { get; }

    /// <summary>
    /// Builds a key from configuration text: a key name, an algorithm ("hmac-sha256", case-insensitive,
    /// final dot optional) and the secret in base64, as BIND's and Knot's key files write it.
    /// On failure <paramref name="error"/> says which part is wrong.
    /// </summary>
    public static bool TryCreate(string name, string algorithm, string secretBase64, [NotNullWhen(true)] out TsigKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (!DnsName.TryParse(name, null, out var keyName, out string nameError))
        {
            error = $"the TSIG key name '{name}' is not a valid domain name: {nameError}";
            return false;
        }
        if (!TsigAlgorithm.TryParse(algorithm, out var keyAlgorithm))
        {
            error = $"'{algorithm}' is not a supported TSIG algorithm (use hmac-sha256, hmac-sha512, hmac-sha384, hmac-sha224, hmac-sha1 or hmac-md5)";
            return false;
        }
        if (!TryDecodeSecret(secretBase64, out var secret, out error))
            return false;
        key = new TsigKey(keyName, keyAlgorithm, secret);
        error = null;
        return true;
    }

    /// <summary>Builds a key like <see cref="TryCreate"/>.</summary>
    /// <exception cref="FormatException">A part is invalid; the message says which (never the secret itself).</exception>
    public static TsigKey Create(string name, string algorithm, string secretBase64) =>
        TryCreate(name, algorithm, secretBase64, out var key, out string? error) ? key : throw new FormatException(error);

    /// <summary>The key name and algorithm, never the secret.</summary>
    public override string ToString() => $"{Name} ({Algorithm})";

    private static bool TryDecodeSecret(string text, [NotNullWhen(true)] out byte[]? secret, [NotNullWhen(false)] out string? error)
    {
        secret = null;
        string trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = "the TSIG secret is empty";
            return false;
        }
        var buffer = new byte[trimmed.Length];
        if (!Convert.TryFromBase64String(trimmed, buffer, out int length))
        {
            error = "the TSIG secret is not valid base64 (RFC 4648 §4)";
            return false;
        }
        if (length == 0)
        {
            error = "the TSIG secret is empty";
            return false;
        }
        secret = buffer[..length];
        error = null;
        return true;
    }
}
