using System.Globalization;
using System.Text;
using SecondaryPortal.Dns.Presentation;

namespace SecondaryPortal.Dns.Records;

/// <summary>
/// The presentation form of LOC (RFC 1876 §3):
/// "d1 [m1 [s1]] N|S d2 [m2 [s2]] E|W alt[m] [siz[m] [hp[m] [vp[m]]]]", printed and rounded as BIND does
/// so that each side reads what the other writes.
/// </summary>
internal static class LocText
{
    private const long MaxLatitude = 90L * 3_600_000;
    private const long MaxLongitude = 180L * 3_600_000;

    /// <summary>Why these wire fields are not a valid LOC, or null (BIND applies the same checks).</summary>
    public static string? CheckWire(byte size, byte horizontal, byte vertical, uint latitude, uint longitude)
    {
        foreach (byte precision in (ReadOnlySpan<byte>)[size, horizontal, vertical])
        {
            if (precision >> 4 > 9 || (precision & 0x0F) > 9)
                return "a LOC size or precision has a mantissa or exponent above 9";
        }
        if (Math.Abs((long)latitude - LocData.Equator) > MaxLatitude)
            return "the LOC latitude is beyond 90 degrees";
        if (Math.Abs((long)longitude - LocData.Equator) > MaxLongitude)
            return "the LOC longitude is beyond 180 degrees";
        return null;
    }

    public static LocData Parse(PresentationTokens tokens)
    {
        uint latitude = NextAngle(tokens, "latitude", 90, 'N', 'S');
        uint longitude = NextAngle(tokens, "longitude", 180, 'E', 'W');
        var altitudeToken = tokens.Next("the altitude");
        if (!TryParseCentimetres(altitudeToken.Text, allowNegative: true, out long altitude)
            || altitude < -(long)LocData.AltitudeBase || altitude > uint.MaxValue - LocData.AltitudeBase)
            throw tokens.Error($"expected the altitude in metres (-100000.00 to 42849672.95), found '{altitudeToken.Text}'", altitudeToken);
        // RFC 1876 §3: the size defaults to 1 m, the horizontal precision to 10 km, the vertical to 10 m.
        byte size = NextPrecision(tokens, "the size", 0x12);
        byte horizontal = NextPrecision(tokens, "the horizontal precision", 0x16);
        byte vertical = NextPrecision(tokens, "the vertical precision", 0x13);
        return new LocData(size, horizontal, vertical, latitude, longitude, (uint)(altitude + LocData.AltitudeBase));
    }

    public static void Append(StringBuilder builder, LocData loc)
    {
        AppendAngle(builder, loc.Latitude, 'N', 'S');
        builder.Append(' ');
        AppendAngle(builder, loc.Longitude, 'E', 'W');
        long altitude = (long)loc.Altitude - LocData.AltitudeBase;
        builder.Append(' ').Append(altitude < 0 ? "-" : "")
            .Append((Math.Abs(altitude) / 100).ToString(CultureInfo.InvariantCulture)).Append('.')
            .Append((Math.Abs(altitude) % 100).ToString("D2", CultureInfo.InvariantCulture)).Append('m');
        foreach (byte precision in (ReadOnlySpan<byte>)[loc.Size, loc.HorizontalPrecision, loc.VerticalPrecision])
        {
            long mantissa = precision >> 4;
            int exponent = precision & 0x0F;
            builder.Append(' ');
            if (exponent >= 2)
                builder.Append((mantissa * (long)Math.Pow(10, exponent - 2)).ToString(CultureInfo.InvariantCulture)).Append('m');
            else
                builder.Append("0.").Append((mantissa * (long)Math.Pow(10, exponent)).ToString("D2", CultureInfo.InvariantCulture)).Append('m');
        }
    }

    private static void AppendAngle(StringBuilder builder, uint value, char positive, char negative)
    {
        long offset = (long)value - LocData.Equator;
        long angle = Math.Abs(offset);
        builder.Append(angle / 3_600_000).Append(' ').Append(angle / 60_000 % 60).Append(' ')
            .Append(angle / 1000 % 60).Append('.').Append((angle % 1000).ToString("D3", CultureInfo.InvariantCulture))
            .Append(' ').Append(offset < 0 ? negative : positive);
    }

    /// <summary>Reads "d [m [s.sss]] H", the hemisphere letter closing the angle.</summary>
    private static uint NextAngle(PresentationTokens tokens, string field, int maxDegrees, char positive, char negative)
    {
        var first = tokens.Peek();
        long degrees = (long)tokens.NextNumber($"the {field} degrees", (ulong)maxDegrees);
        long minutes = 0, milliseconds = 0;
        if (!IsHemisphere(tokens, positive, negative))
        {
            minutes = (long)tokens.NextNumber($"the {field} minutes", 59);
            if (!IsHemisphere(tokens, positive, negative))
            {
                var secondsToken = tokens.Next($"the {field} seconds");
                if (!TryParseFixed(secondsToken.Text, 3, out milliseconds) || milliseconds < 0 || milliseconds >= 60_000)
                    throw tokens.Error($"expected the {field} seconds (0 to 59.999), found '{secondsToken.Text}'", secondsToken);
            }
        }
        var hemisphere = tokens.Next($"{positive} or {negative}");
        char h = hemisphere.Text.Length == 1 ? char.ToUpperInvariant(hemisphere.Text[0]) : '\0';
        if (hemisphere.Quoted || (h != positive && h != negative))
            throw tokens.Error($"expected {positive} or {negative}, found '{hemisphere.Text}'", hemisphere);
        long value = degrees * 3_600_000 + minutes * 60_000 + milliseconds;
        if (value > maxDegrees * 3_600_000L)
            throw tokens.Error($"the {field} is beyond {maxDegrees} degrees", first);
        return (uint)(LocData.Equator + (h == positive ? value : -value));
    }

    private static bool IsHemisphere(PresentationTokens tokens, char positive, char negative) =>
        tokens.Peek() is { Text.Length: 1 } token && char.ToUpperInvariant(token.Text[0]) is var c && (c == positive || c == negative);

    /// <summary>Reads an optional size or precision in metres and encodes it the way BIND does (truncating to one digit).</summary>
    private static byte NextPrecision(PresentationTokens tokens, string field, byte fallback)
    {
        if (tokens.AtEnd)
            return fallback;
        var token = tokens.Next(field);
        if (!TryParseCentimetres(token.Text, allowNegative: false, out long centimetres) || centimetres > 9_000_000_000)
            throw tokens.Error($"expected {field} in metres (0 to 90000000.00), found '{token.Text}'", token);
        int exponent = 0;
        while (exponent < 9 && centimetres >= (long)Math.Pow(10, exponent + 1))
            exponent++;
        long mantissa = centimetres / (long)Math.Pow(10, exponent);
        return (byte)((int)(mantissa << 4) | exponent);
    }

    /// <summary>Parses metres with up to two decimals and an optional "m", giving centimetres.</summary>
    private static bool TryParseCentimetres(string text, bool allowNegative, out long centimetres)
    {
        var span = text.AsSpan();
        if (span.EndsWith("m", StringComparison.OrdinalIgnoreCase))
            span = span[..^1];
        bool negative = allowNegative && span.StartsWith('-');
        if (negative)
            span = span[1..];
        bool ok = TryParseFixed(span, 2, out centimetres);
        if (negative)
            centimetres = -centimetres;
        return ok;
    }

    /// <summary>Parses "digits[.digits]" with at most <paramref name="decimals"/> decimals as an integer scaled by 10^decimals.</summary>
    private static bool TryParseFixed(ReadOnlySpan<char> text, int decimals, out long value)
    {
        value = 0;
        int dot = text.IndexOf('.');
        var whole = dot < 0 ? text : text[..dot];
        ReadOnlySpan<char> fraction = dot < 0 ? [] : text[(dot + 1)..];
        if (whole.IsEmpty || whole.Length > 10 || fraction.Length > decimals || (dot >= 0 && fraction.IsEmpty)
            || whole.ContainsAnyExceptInRange('0', '9') || fraction.ContainsAnyExceptInRange('0', '9'))
            return false;
        value = long.Parse(whole, NumberStyles.None, CultureInfo.InvariantCulture);
        for (int i = 0; i < decimals; i++)
            value = value * 10 + (i < fraction.Length ? fraction[i] - '0' : 0);
        return true;
    }
}
