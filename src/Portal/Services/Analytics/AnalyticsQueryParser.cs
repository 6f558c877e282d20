using System.Globalization;
using SecondaryPortal.Dns.Analytics;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Analytics;

namespace SecondaryPortal.Portal.Services.Analytics;

/// <summary>
/// Checks an <see cref="AnalyticsQuery"/> and turns it into an <see cref="AnalyticsFilter"/> (zones left to the caller,
/// who knows the account): each bad value gets a message under its parameter's name, worded for the person who typed it.
/// </summary>
public static class AnalyticsQueryParser
{
    /// <summary>The longest region name accepted (regions are short labels such as "eu-west").</summary>
    public const int MaxRegionLength = 64;

    /// <summary>The type mnemonics a filter accepts: the types counted one by one, and OTHER.</summary>
    public static IReadOnlyList<string> TypeLabels { get; } =
        [.. QueryCounters.TrackedTypes.Select(t => AnalyticsKeys.TypeLabel((int)t)), AnalyticsKeys.TypeLabel((int)AnalyticsKeys.OtherType)];

    /// <summary>The response code mnemonics a filter accepts: the codes counted one by one, and OTHER.</summary>
    public static IReadOnlyList<string> RcodeLabels { get; } =
        [.. QueryCounters.TrackedRcodes.Select(r => AnalyticsKeys.RcodeLabel((int)r)), AnalyticsKeys.RcodeLabel((int)AnalyticsKeys.OtherRcode)];

    /// <summary>Parses <paramref name="query"/> with the preset ranges ending at <paramref name="now"/>.</summary>
    public static AnalyticsParse Parse(AnalyticsQuery query, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var (range, from, to) = ParseRange(query, now, errors);
        var type = ParseType(query.Type, errors);
        var rcode = ParseRcode(query.Rcode, errors);
        var transport = ParseTransport(query.Transport, errors);
        var ipVersion = ParseIpVersion(query.IpVersion, errors);
        string? client = ParseRegion("clientRegion", query.ClientRegion, errors), node = ParseRegion("nodeRegion", query.NodeRegion, errors);
        var filter = errors.Count > 0 ? null : new AnalyticsFilter(from, to, null, type, rcode, transport, ipVersion, client, node);
        return new AnalyticsParse(filter, range, errors);
    }

    private static (string Range, DateTimeOffset From, DateTimeOffset To) ParseRange(AnalyticsQuery query, DateTimeOffset now, Dictionary<string, string> errors)
    {
        // From and to without a range mean a custom one (the API's usual form); a preset ignores them.
        string range = Blank(query.Range) ?? (Blank(query.From) is null && Blank(query.To) is null ? AnalyticsRange.Default : AnalyticsRange.Custom);
        if (AnalyticsRange.Length(range) is { } length)
            return (range.ToLowerInvariant(), now - length, now);
        if (!string.Equals(range, AnalyticsRange.Custom, StringComparison.OrdinalIgnoreCase))
        {
            errors["range"] = $"Choose one of {string.Join(", ", AnalyticsRange.Presets.Select(p => p.Key))} or custom.";
            return (AnalyticsRange.Default, now - TimeSpan.FromDays(1), now);
        }
        var from = ParseTime("from", query.From, errors);
        var to = ParseTime("to", query.To, errors);
        if (from is { } start && to is { } end)
        {
            if (start >= end)
                errors["to"] = "The end must come after the start.";
            else if (end - start > AnalyticsRange.MaxCustom)
                errors["to"] = $"A custom range covers at most {AnalyticsRange.MaxCustom.TotalDays:0} days.";
        }
        return (AnalyticsRange.Custom, from ?? now, to ?? now);
    }

    private static DateTimeOffset? ParseTime(string field, string? text, Dictionary<string, string> errors)
    {
        if (Blank(text) is not { } value)
        {
            errors[field] = field == "from" ? "Enter the start of the range." : "Enter the end of the range.";
            return null;
        }
        // A browser's datetime-local input sends "2026-12-04T10:30" without an offset: the page labels it UTC.
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            return time;
        errors[field] = "Enter a date and time such as 2026-12-04T10:30 (UTC) or 2026-12-04T10:30:00+01:00.";
        return null;
    }

    private static RecordType? ParseType(string? text, Dictionary<string, string> errors)
    {
        if (Blank(text) is not { } value)
            return null;
        if (value.Equals("OTHER", StringComparison.OrdinalIgnoreCase))
            return AnalyticsKeys.OtherType;
        if (RecordTypeNames.TryParse(value, out var type) && QueryCounters.TrackedTypes.Contains(type))
            return type;
        errors["type"] = RecordTypeNames.TryParse(value, out _)
            ? $"{value.ToUpperInvariant()} is not counted on its own; its queries are under OTHER."
            : $"{value} is not a query type; use a mnemonic such as A, AAAA, MX or OTHER.";
        return null;
    }

    private static DnsRcode? ParseRcode(string? text, Dictionary<string, string> errors)
    {
        if (Blank(text) is not { } value)
            return null;
        if (value.Equals("OTHER", StringComparison.OrdinalIgnoreCase))
            return AnalyticsKeys.OtherRcode;
        foreach (var rcode in QueryCounters.TrackedRcodes)
        {
            if (AnalyticsKeys.RcodeLabel((int)rcode).Equals(value, StringComparison.OrdinalIgnoreCase))
                return rcode;
        }
        errors["rcode"] = $"{value} is not a response code; use one of {string.Join(", ", RcodeLabels)}.";
        return null;
    }

    private static DnsTransport? ParseTransport(string? text, Dictionary<string, string> errors)
    {
        switch (Blank(text)?.ToUpperInvariant())
        {
            case null:
                return null;
            case "UDP":
                return DnsTransport.Udp;
            case "TCP":
                return DnsTransport.Tcp;
            default:
                errors["transport"] = "Use UDP or TCP.";
                return null;
        }
    }

    private static IpVersion? ParseIpVersion(string? text, Dictionary<string, string> errors)
    {
        switch (Blank(text)?.ToUpperInvariant())
        {
            case null:
                return null;
            case "4" or "IPV4" or "V4":
                return IpVersion.V4;
            case "6" or "IPV6" or "V6":
                return IpVersion.V6;
            default:
                errors["ipVersion"] = "Use IPv4 or IPv6 (or 4 or 6).";
                return null;
        }
    }

    private static string? ParseRegion(string field, string? text, Dictionary<string, string> errors)
    {
        if (Blank(text) is not { } value)
            return null;
        if (value.Length <= MaxRegionLength && !value.Any(char.IsControl))
            return value;
        errors[field] = $"A region name has at most {MaxRegionLength} characters.";
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
