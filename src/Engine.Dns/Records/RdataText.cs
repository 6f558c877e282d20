using System.Text;
using SecondaryPortal.Dns.Presentation;

namespace SecondaryPortal.Dns.Records;

/// <summary>Presentation-format fields that several record types share beyond what <see cref="PresentationTokens"/> reads.</summary>
internal static class RdataText
{
    /// <summary>
    /// Reads one field as octets, escapes decoded, with no 255-octet limit: the CAA value (RFC 8659 §4.1.1)
    /// and the URI target (RFC 7553 §4.4) are the rest of the RDATA, not &lt;character-string&gt;s.
    /// </summary>
    public static byte[] NextOctets(PresentationTokens tokens, string field, bool requireQuotes)
    {
        var token = tokens.Next(field);
        if (requireQuotes && !token.Quoted)
            throw tokens.Error($"expected {field} in double quotes, found '{token.Text}'", token);
        return PresentationText.Unescape(token.Text) ?? throw tokens.Error($"bad escape in {field}", token);
    }

    /// <summary>Reads the remaining fields as hexadecimal (blanks allowed, as BIND prints long values), at least one octet.</summary>
    public static byte[] RemainingHex(PresentationTokens tokens, string field)
    {
        var bytes = tokens.RemainingHex(field);
        if (bytes.Length == 0)
            throw tokens.Error($"expected {field}");
        return bytes;
    }

    /// <summary>Reads the remaining fields as base64 (blanks allowed, RFC 4034 §2.2), at least one octet.</summary>
    public static byte[] RemainingBase64(PresentationTokens tokens, string field)
    {
        var bytes = tokens.RemainingBase64(field);
        if (bytes.Length == 0)
            throw tokens.Error($"expected {field}");
        return bytes;
    }

    /// <summary>Reads an NSEC3 salt: hexadecimal, or "-" for none (RFC 5155 §3.3), at most 255 octets.</summary>
    public static byte[] NextSalt(PresentationTokens tokens)
    {
        var token = tokens.Peek();
        var salt = tokens.NextHex("the salt (hexadecimal, or - for none)", dashIsEmpty: true);
        if (salt.Length > 255)
            throw tokens.Error("the salt is longer than 255 octets", token);
        return salt;
    }

    /// <summary>Appends an NSEC3 salt: hexadecimal, or "-" when empty.</summary>
    public static void AppendSalt(StringBuilder builder, ReadOnlySpan<byte> salt)
    {
        if (salt.IsEmpty)
            builder.Append('-');
        else
            PresentationText.AppendHex(builder, salt);
    }
}
