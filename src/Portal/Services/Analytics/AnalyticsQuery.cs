using System.Text;

namespace SecondaryPortal.Portal.Services.Analytics;

/// <summary>
/// The analytics filters as a query string carries them; the pages, the CSV download and the API use the same names
/// (range, from, to, zone, type, rcode, transport, ipVersion, clientRegion, nodeRegion), so a URL can be shared.
/// Values are raw text: <see cref="AnalyticsQueryParser"/> checks them.
/// </summary>
public sealed record AnalyticsQuery
{
    /// <summary>30m, 6h, 24h (the default), 7d, 30d or custom.</summary>
    public string? Range { get; init; }

    /// <summary>Start of a custom range, ISO 8601 (UTC when no offset is given).</summary>
    public string? From { get; init; }

    /// <summary>End of a custom range, ISO 8601 (UTC when no offset is given).</summary>
    public string? To { get; init; }

    /// <summary>One zone's name ("example.com" or "example.com.").</summary>
    public string? Zone { get; init; }

    /// <summary>A query type mnemonic ("AAAA"), or OTHER.</summary>
    public string? Type { get; init; }

    /// <summary>A response code mnemonic ("NXDOMAIN"), or OTHER.</summary>
    public string? Rcode { get; init; }

    /// <summary>UDP or TCP.</summary>
    public string? Transport { get; init; }

    /// <summary>4, 6, IPv4 or IPv6.</summary>
    public string? IpVersion { get; init; }

    /// <summary>A client region.</summary>
    public string? ClientRegion { get; init; }

    /// <summary>An answering node's region.</summary>
    public string? NodeRegion { get; init; }

    /// <summary>The query string ("range=7d&amp;type=AAAA", without "?") of the values set, then <paramref name="extra"/>.</summary>
    public string ToQueryString(params (string Name, string? Value)[] extra)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in Pairs().Concat(extra))
        {
            if (string.IsNullOrEmpty(value))
                continue;
            builder.Append(builder.Length == 0 ? "" : "&").Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
        return builder.ToString();
    }

    private IEnumerable<(string, string?)> Pairs() =>
    [
        ("range", Range), ("from", From), ("to", To), ("zone", Zone), ("type", Type), ("rcode", Rcode), ("transport", Transport),
        ("ipVersion", IpVersion), ("clientRegion", ClientRegion), ("nodeRegion", NodeRegion),
    ];
}
