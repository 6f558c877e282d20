using System.Globalization;
using System.Text.Json;
using SecondaryPortal.Engine.Analytics;

namespace SecondaryPortal.Portal.Components.Pages.Analytics;

/// <summary>
/// The numbers a chart draws, as the JSON that wwwroot/js/analytics.js reads from the chart's data-chart attribute (the
/// page carries its data: no second request). The series is filled with zeros for quiet buckets so the stacks line up.
/// </summary>
public static class AnalyticsChartData
{
    /// <summary>Transfers are marked on the account-wide chart only when there are at most this many (the zone view always marks them).</summary>
    public const int MaxMarksAcrossZones = 20;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Queries over time stacked by response code, with <paramref name="marks"/> as vertical lines.</summary>
    public static string Series(AnalyticsReport report, IReadOnlyList<TransferMark> marks)
    {
        ArgumentNullException.ThrowIfNull(report);
        long step = report.BucketSeconds, from = report.Filter.From.ToUnixTimeSeconds(), to = report.Filter.To.ToUnixTimeSeconds();
        var starts = new List<long>();
        for (long t = from; t < to; t += step)
            starts.Add(t);
        var index = starts.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i);
        var series = report.Series.GroupBy(p => p.Rcode).OrderBy(g => RcodeOrder(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var data = new long[starts.Count];
                foreach (var point in g)
                {
                    if (index.TryGetValue(point.Start.ToUnixTimeSeconds(), out int i))
                        data[i] += point.Count;
                }
                return new { name = g.Key, data };
            }).ToList();
        var lines = marks.Select(m => new
        {
            at = m.At.ToUnixTimeMilliseconds(),
            label = $"{m.Kind} {m.Zone} serial {m.Serial.ToString(CultureInfo.InvariantCulture)}",
        });
        return JsonSerializer.Serialize(new { kind = "series", times = starts.Select(t => t * 1000), series, marks = lines }, Json);
    }

    /// <summary>A horizontal bar per value of a breakdown.</summary>
    public static string Bars(IReadOnlyList<Breakdown> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return JsonSerializer.Serialize(new { kind = "bars", labels = rows.Select(r => r.Key), values = rows.Select(r => r.Count) }, Json);
    }

    /// <summary>The usual codes first, in a fixed order, so their colours stay the same from page to page.</summary>
    private static int RcodeOrder(string rcode) => rcode switch
    {
        "NOERROR" => 0,
        "NXDOMAIN" => 1,
        "REFUSED" => 2,
        "SERVFAIL" => 3,
        _ => 4,
    };
}
