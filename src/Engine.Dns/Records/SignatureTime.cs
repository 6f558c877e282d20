using System.Globalization;

namespace SecondaryPortal.Dns.Records;

/// <summary>
/// RRSIG inception and expiration times in presentation form (RFC 4034 §3.2): "YYYYMMDDHHmmSS" in UTC,
/// or plain decimal seconds since 1970. On the wire the times are 32-bit serial numbers (RFC 4034
/// §3.1.5), so a date past 2106 wraps around, as BIND computes it too.
/// </summary>
public static class SignatureTime
{
    /// <summary>"YYYYMMDDHHmmSS" for <paramref name="seconds"/> after 1970-01-01T00:00:00Z.</summary>
    public static string ToText(uint seconds) =>
        DateTime.UnixEpoch.AddSeconds(seconds).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses the date form (exactly 14 digits, year 1970 to 9999) or decimal seconds up to 2^32-1.
    /// RFC 4034 §3.2 tells them apart by length: a 14-digit value is always the date.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out uint seconds)
    {
        seconds = 0;
        if (text.IsEmpty || text.ContainsAnyExceptInRange('0', '9'))
            return false;
        if (text.Length != 14)
            return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seconds);
        if (!DateTime.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            || time < DateTime.UnixEpoch)
            return false;
        long total = (long)(time - DateTime.UnixEpoch).TotalSeconds;
        seconds = unchecked((uint)total);
        return true;
    }
}
