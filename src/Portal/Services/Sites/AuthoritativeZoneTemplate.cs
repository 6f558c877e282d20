using System.Globalization;

namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>
/// The zone file of a new authoritative zone started empty: a SOA and two NS records with sensible defaults, which the
/// customer edits afterwards. Timers follow RFC 1912 §2.2 (refresh 1 h, retry 15 min, expire 2 weeks) and RFC 2308 §5
/// (negative caching 1 h); the serial is the date form YYYYMMDDnn that RFC 1912 §2.2 suggests.
/// </summary>
public static class AuthoritativeZoneTemplate
{
    /// <summary>The default TTL of the records, one hour.</summary>
    public const int DefaultTtl = 3600;

    /// <summary>The zone file text for <paramref name="origin"/> (lowercase, final dot) created at <paramref name="now"/>.</summary>
    public static string Text(string origin, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(origin);
        string serial = now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "01";
        return $"""
            $ORIGIN {origin}
            $TTL {DefaultTtl}
            @ IN SOA ns1.{origin} hostmaster.{origin} (
                    {serial} ; serial
                    3600       ; refresh (1 hour)
                    900        ; retry (15 minutes)
                    1209600    ; expire (2 weeks)
                    3600 )     ; negative caching (1 hour)
            @ IN NS ns1.{origin}
            @ IN NS ns2.{origin}

            """;
    }
}
