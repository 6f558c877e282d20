using System.Text;

namespace SecondaryPortal.Dns.Records;

/// <summary>
/// The "base32hex" alphabet of RFC 4648 §7 without padding, as NSEC3 writes hashed owner names
/// (RFC 5155 §1.3, §3.3). Decoding ignores case and rejects padding, foreign characters and
/// non-zero bits left over after the last whole octet.
/// </summary>
public static class Base32Hex
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUV";

    /// <summary>Encodes <paramref name="bytes"/> in uppercase base32hex without padding.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder((bytes.Length * 8 + 4) / 5);
        Append(builder, bytes);
        return builder.ToString();
    }

    /// <summary>Appends <paramref name="bytes"/> in uppercase base32hex without padding.</summary>
    public static void Append(StringBuilder builder, ReadOnlySpan<byte> bytes)
    {
        int buffer = 0, bits = 0;
        foreach (byte b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                builder.Append(Alphabet[(buffer >> bits) & 0x1F]);
            }
        }
        if (bits > 0)
            builder.Append(Alphabet[(buffer << (5 - bits)) & 0x1F]);
    }

    /// <summary>Decodes unpadded base32hex text (either case); false when it is not exactly that.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        // Lengths 1, 3 and 6 (mod 8) cannot end on an octet boundary (RFC 4648 §6).
        if ((text.Length % 8) is 1 or 3 or 6)
            return false;
        var result = new byte[text.Length * 5 / 8];
        int buffer = 0, bits = 0, count = 0;
        foreach (char c in text)
        {
            int value = DigitValue(c);
            if (value < 0)
                return false;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                result[count++] = (byte)(buffer >> bits);
            }
            buffer &= (1 << bits) - 1;
        }
        if (buffer != 0)
            return false;
        bytes = result;
        return true;
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'V' => c - 'A' + 10,
        >= 'a' and <= 'v' => c - 'a' + 10,
        _ => -1,
    };
}
