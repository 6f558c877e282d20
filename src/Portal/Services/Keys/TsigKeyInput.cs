using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Portal.Services.Keys;

/// <summary>
/// Checks the three parts of a TSIG key as a person types them (name, algorithm, base64 secret) with one precise message
/// each, and makes strong secrets. Used by the key page, the Add Site wizard and the API alike.
/// </summary>
public static class TsigKeyInput
{
    /// <summary>The algorithms offered, the recommended one first (RFC 8945 §6: HMAC-SHA256 is mandatory to implement).</summary>
    public static IReadOnlyList<TsigAlgorithm> Algorithms { get; } =
        [TsigAlgorithm.HmacSha256, TsigAlgorithm.HmacSha512, TsigAlgorithm.HmacSha384, TsigAlgorithm.HmacSha224, TsigAlgorithm.HmacSha1, TsigAlgorithm.HmacMd5];

    /// <summary>The algorithm offered by default.</summary>
    public static TsigAlgorithm DefaultAlgorithm => TsigAlgorithm.HmacSha256;

    /// <summary>Parses a key name; on failure <paramref name="error"/> says what is wrong with it.</summary>
    public static bool TryParseName(string? text, [NotNullWhen(true)] out DnsName? name, [NotNullWhen(false)] out string? error)
    {
        name = null;
        string trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            error = "Enter a key name, such as transfer-key.example.com.";
            return false;
        }
        if (trimmed == ".")
        {
            error = "The root name cannot name a key; use a name such as transfer-key.example.com.";
            return false;
        }
        if (!DnsName.TryParse(trimmed, null, out var parsed, out string nameError))
        {
            error = $"\"{trimmed}\" is not a valid DNS name: {nameError}.";
            return false;
        }
        name = parsed.ToLowerCase();
        error = null;
        return true;
    }

    /// <summary>Parses an algorithm mnemonic; on failure <paramref name="error"/> lists those supported.</summary>
    public static bool TryParseAlgorithm(string? text, [NotNullWhen(true)] out TsigAlgorithm? algorithm, [NotNullWhen(false)] out string? error)
    {
        if (TsigAlgorithm.TryParse((text ?? "").Trim(), out algorithm))
        {
            error = null;
            return true;
        }
        error = $"Choose one of the supported algorithms: {string.Join(", ", Algorithms.Select(a => a.Mnemonic))}.";
        return false;
    }

    /// <summary>
    /// Decodes a base64 secret for <paramref name="algorithm"/>. RFC 8945 §6 asks for a secret at least half as long as
    /// the hash output (16 octets for HMAC-SHA256); a shorter one, or text that is not base64, is refused with the reason.
    /// </summary>
    public static bool TryDecodeSecret(string? text, TsigAlgorithm algorithm, [NotNullWhen(true)] out byte[]? secret, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        secret = null;
        string trimmed = string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c)));
        if (trimmed.Length == 0)
        {
            error = "Enter the secret in base64, or generate one.";
            return false;
        }
        var buffer = new byte[trimmed.Length];
        if (!Convert.TryFromBase64String(trimmed, buffer, out int length))
        {
            error = BadBase64(trimmed);
            return false;
        }
        int minimum = MinimumSecretOctets(algorithm);
        if (length < minimum)
        {
            error = $"The secret is too short for {algorithm.Mnemonic}: {length} octets, at least {minimum} are needed (half the hash length, RFC 8945 §6).";
            return false;
        }
        secret = buffer[..length];
        error = null;
        return true;
    }

    /// <summary>The shortest secret accepted for <paramref name="algorithm"/>: half its hash output, in octets.</summary>
    public static int MinimumSecretOctets(TsigAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        return algorithm.MacSize / 2;
    }

    /// <summary>A new random secret as long as the algorithm's hash output (RFC 8945 §6 recommends that), in base64.</summary>
    public static string GenerateSecret(TsigAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        return Convert.ToBase64String(RandomNumberGenerator.GetBytes(algorithm.MacSize));
    }

    private static string BadBase64(string text)
    {
        int bad = text.IndexOfAny(['-', '_']);
        if (bad >= 0)
            return $"The secret is not base64: '{text[bad]}' at position {bad + 1} belongs to base64url; use standard base64 (A-Z, a-z, 0-9, + and /).";
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '='))
                return $"The secret is not base64: '{c}' at position {i + 1} is not a base64 character (A-Z, a-z, 0-9, + and /).";
        }
        return text.Length % 4 != 0
            ? $"The secret is not base64: its length ({text.Length} characters) is not a multiple of 4; is a character or the '=' padding missing?"
            : "The secret is not base64: the '=' padding is misplaced.";
    }
}
