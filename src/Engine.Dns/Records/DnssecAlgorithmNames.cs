using System.Collections.Frozen;
using SecondaryPortal.Dns.Presentation;

namespace SecondaryPortal.Dns.Records;

/// <summary>
/// DNSSEC algorithm numbers in presentation form: RFC 4034 §2.2, §3.2 and §5.3 allow an unsigned
/// decimal number or the mnemonic of Appendix A.1 (the IANA "DNS Security Algorithm Numbers" registry).
/// We always print the number, which every parser reads.
/// </summary>
internal static class DnssecAlgorithmNames
{
    private static readonly FrozenDictionary<string, byte> ByName = new Dictionary<string, byte>
    {
        ["RSAMD5"] = 1,
        ["DH"] = 2,
        ["DSA"] = 3,
        ["RSASHA1"] = 5,
        ["DSA-NSEC3-SHA1"] = 6,
        ["RSASHA1-NSEC3-SHA1"] = 7,
        ["RSASHA256"] = 8,
        ["RSASHA512"] = 10,
        ["ECC-GOST"] = 12,
        ["ECDSAP256SHA256"] = 13,
        ["ECDSAP384SHA384"] = 14,
        ["ED25519"] = 15,
        ["ED448"] = 16,
        ["INDIRECT"] = 252,
        ["PRIVATEDNS"] = 253,
        ["PRIVATEOID"] = 254,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads an algorithm field: a number from 0 to 255 or a mnemonic.</summary>
    public static byte Next(PresentationTokens tokens, string field)
    {
        if (tokens.Peek() is { Quoted: false } token && ByName.TryGetValue(token.Text, out byte value))
        {
            tokens.Next(field);
            return value;
        }
        return tokens.NextByte(field);
    }
}
