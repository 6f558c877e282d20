using System.Globalization;
using System.Text;
using SecondaryPortal.Engine.Analytics;

namespace SecondaryPortal.Portal.Services.Analytics;

/// <summary>
/// One table of a report as CSV for a spreadsheet (RFC 4180: comma-separated, CRLF line ends, a field with a comma,
/// quote or line break in quotes, quotes doubled). A text field starting with =, +, -, @ or a tab gets a leading
/// apostrophe, so a spreadsheet shows it instead of running it as a formula (OWASP "CSV injection").
/// </summary>
public static class AnalyticsCsv
{
    /// <summary>The tables one can download, in the order the page shows them.</summary>
    public static IReadOnlyList<string> Tables { get; } =
        ["series", "type", "rcode", "transport", "ipversion", "clientregion", "noderegion", "topnames", "nxdomainnames"];

    /// <summary>The CSV text of <paramref name="table"/> of <paramref name="report"/>, or null when there is no such table.</summary>
    public static string? Write(AnalyticsReport report, string table)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        switch (table.ToLowerInvariant())
        {
            case "series": WriteSeries(csv, report); break;
            case "type": WriteBreakdown(csv, "type", report.ByType); break;
            case "rcode": WriteBreakdown(csv, "rcode", report.ByRcode); break;
            case "transport": WriteBreakdown(csv, "transport", report.ByTransport); break;
            case "ipversion": WriteBreakdown(csv, "ip_version", report.ByIpVersion); break;
            case "clientregion": WriteBreakdown(csv, "client_region", report.ByClientRegion); break;
            case "noderegion": WriteBreakdown(csv, "node_region", report.ByNodeRegion); break;
            case "topnames": WriteNames(csv, report.TopNames); break;
            case "nxdomainnames": WriteNames(csv, report.TopNxDomainNames); break;
            default: return null;
        }
        return csv.ToString();
    }

    /// <summary>The download's file name: "analytics-example.com-type-20261204T1000Z-20261205T1000Z.csv" ("all" for every zone).</summary>
    public static string FileName(AnalyticsReport report, string? zone, string table)
    {
        ArgumentNullException.ThrowIfNull(report);
        string scope = zone is null ? "all" : zone.TrimEnd('.');
        return $"analytics-{scope}-{table.ToLowerInvariant()}-{Stamp(report.Filter.From)}-{Stamp(report.Filter.To)}.csv";
    }

    private static void WriteSeries(StringBuilder csv, AnalyticsReport report)
    {
        // One row per bucket with a column per response code: the shape a spreadsheet charts directly.
        var rcodes = report.Series.Select(p => p.Rcode).Distinct().Order(StringComparer.Ordinal).ToList();
        Row(csv, ["start_utc", .. rcodes, "total"]);
        foreach (var bucket in report.Series.GroupBy(p => p.Start).OrderBy(g => g.Key))
        {
            var counts = rcodes.Select(r => bucket.Where(p => p.Rcode == r).Sum(p => p.Count)).ToList();
            Row(csv, [bucket.Key.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), .. counts.Select(Number), Number(counts.Sum())]);
        }
    }

    private static void WriteBreakdown(StringBuilder csv, string column, IReadOnlyList<Breakdown> rows)
    {
        Row(csv, [column, "queries"]);
        foreach (var row in rows)
            Row(csv, [Text(row.Key), Number(row.Count)]);
    }

    private static void WriteNames(StringBuilder csv, IReadOnlyList<TopName> rows)
    {
        Row(csv, ["zone", "name", "queries"]);
        foreach (var row in rows)
            Row(csv, [Text(row.Zone), Text(row.Name), Number(row.Count)]);
    }

    private static void Row(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static string Text(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);
}
