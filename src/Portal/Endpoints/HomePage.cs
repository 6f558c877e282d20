using System.Net;
using System.Text;
using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Portal.Hosting;

namespace SecondaryPortal.Portal.Endpoints;

/// <summary>
/// The placeholder home page (the real portal is a later issue): the zones being served, the DNS endpoints,
/// and how to add a zone from the command line. Plain server-rendered HTML, every value encoded.
/// </summary>
public static class HomePage
{
    /// <summary>Renders the page from the live zone table, the bound listeners and the query counters.</summary>
    public static string Render(ZoneTable zones, DnsServerHostedService dns, QueryCounters counters)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(dns);
        ArgumentNullException.ThrowIfNull(counters);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>SecondaryPortal</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}table{border-collapse:collapse}")
            .Append("td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}code,pre{background:#f4f4f4;padding:.1rem .3rem}</style></head>\n<body>\n")
            .Append("<h1>SecondaryPortal</h1>\n");
        AppendZones(html, zones);
        AppendQueries(html, counters);
        AppendEndpoints(html, dns);
        html.Append("<h2>Add a zone</h2>\n<p>With the command line (same configuration; the running server acts within a second): import a master file, or transfer a secondary zone from its primary:</p>\n")
            .Append("<pre>dotnet run --project src/Portal -- zone import example.com. example.com.zone\n")
            .Append("dotnet run --project src/Portal -- zone add example.org. --secondary --primary 192.0.2.1\n")
            .Append("dotnet run --project src/Portal -- zone status example.org.\n")
            .Append("dotnet run --project src/Portal -- zone list\n")
            .Append("dotnet run --project src/Portal -- zone export example.com. [file]</pre>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendZones(StringBuilder html, ZoneTable zones)
    {
        var origins = zones.Origins.OrderBy(origin => origin).ToList();
        html.Append("<h2>Zones served</h2>\n");
        if (origins.Count == 0)
        {
            html.Append("<p id=\"no-zones\">No zones yet.</p>\n");
            return;
        }
        html.Append("<table id=\"zones\">\n<tr><th>Zone</th><th>Serial</th><th>Records</th></tr>\n");
        foreach (var origin in origins)
        {
            html.Append("<tr><td>").Append(Encode(origin)).Append("</td>");
            if (zones.Get(origin) is { } snapshot)
                html.Append("<td>").Append(snapshot.Serial).Append("</td><td>").Append(snapshot.RecordCount).Append("</td></tr>\n");
            else
                html.Append("<td colspan=\"2\">not loaded (answers SERVFAIL)</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    /// <summary>Queries answered since the start, per zone and response code (the analytics issue stores them over time).</summary>
    private static void AppendQueries(StringBuilder html, QueryCounters counters)
    {
        var totals = counters.Snapshot()
            .GroupBy(c => (Zone: c.Zone?.ToString() ?? "(no zone)", Rcode: c.Rcode is { } rcode ? rcode.ToString().ToUpperInvariant() : "OTHER"))
            .Select(g => (g.Key.Zone, g.Key.Rcode, Count: g.Sum(c => c.Count)))
            .Where(t => t.Count > 0)
            .OrderBy(t => t.Zone, StringComparer.Ordinal).ThenBy(t => t.Rcode, StringComparer.Ordinal)
            .ToList();
        html.Append("<h2>Queries answered since start</h2>\n");
        if (totals.Count == 0)
        {
            html.Append("<p id=\"no-queries\">None yet.</p>\n");
            return;
        }
        html.Append("<table id=\"queries\">\n<tr><th>Zone</th><th>Response code</th><th>Queries</th></tr>\n");
        foreach (var (zone, rcode, count) in totals)
        {
            html.Append("<tr><td>").Append(WebUtility.HtmlEncode(zone)).Append("</td><td>").Append(rcode)
                .Append("</td><td>").Append(count).Append("</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    private static void AppendEndpoints(StringBuilder html, DnsServerHostedService dns)
    {
        html.Append("<h2>DNS</h2>\n<ul id=\"dns-endpoints\">\n");
        foreach (var endpoint in dns.UdpEndpoints)
            html.Append("<li>UDP ").Append(WebUtility.HtmlEncode(endpoint.ToString())).Append("</li>\n");
        foreach (var endpoint in dns.TcpEndpoints)
            html.Append("<li>TCP ").Append(WebUtility.HtmlEncode(endpoint.ToString())).Append("</li>\n");
        html.Append("</ul>\n");
    }

    private static string Encode(DnsName name) => WebUtility.HtmlEncode(name.ToString());
}
