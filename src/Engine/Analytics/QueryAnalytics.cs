using Microsoft.EntityFrameworkCore;
using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Engine.Analytics;

/// <summary>
/// Reports on the stored query counts for an <see cref="AnalyticsFilter"/>: the minute rows when the range lies within
/// <see cref="AnalyticsOptions.MinuteRetention"/>, the hour rows otherwise, in buckets wide enough to give at most a few
/// hundred points. One grouped read (by stored bucket and every dimension but the zone, the order of the table's key, so
/// SQLite sums as it reads) serves the series and the breakdowns, which are summed from it in memory. Top names come from
/// the hourly lists within the minute retention and from the daily lists beyond it.
/// </summary>
public sealed class QueryAnalytics(IDbContextFactory<StoreDbContext> contexts, AnalyticsOptions options, TimeProvider time)
{
    /// <summary>The widths a bucket may have, in seconds; the narrowest giving at most <see cref="MaxPoints"/> points is used.</summary>
    private static readonly int[] BucketWidths =
        [AnalyticsKeys.MinuteRows, 300, 900, 1800, AnalyticsKeys.HourRows, 3 * 3600, 6 * 3600, 12 * 3600, AnalyticsKeys.DayRows];

    private const int MaxPoints = 360, TopNamesShown = 10, TransfersShown = 200;

    /// <summary>The report for <paramref name="filter"/>.</summary>
    public async Task<AnalyticsReport> ReportAsync(AnalyticsFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        int resolution = filter.From >= time.GetUtcNow() - options.MinuteRetention ? AnalyticsKeys.MinuteRows : AnalyticsKeys.HourRows;
        int topNamesResolution = resolution == AnalyticsKeys.MinuteRows ? AnalyticsKeys.HourRows : AnalyticsKeys.DayRows;
        long span = Math.Max(1, (long)(filter.To - filter.From).TotalSeconds);
        int bucket = BucketWidths.FirstOrDefault(width => width >= resolution && span / width <= MaxPoints, BucketWidths[^1]);
        // The end is rounded up from its exact time, not from its whole seconds: a report "until now" taken in a minute's first
        // second would otherwise leave out what was filed in that minute so far. A range ending on a bucket's start ends there.
        long from = Floor(filter.From.ToUnixTimeSeconds(), bucket), to = Ceiling(CeilingSeconds(filter.To), bucket);
        var used = filter with { From = DateTimeOffset.FromUnixTimeSeconds(from), To = DateTimeOffset.FromUnixTimeSeconds(to) };

        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = Matching(context, used, resolution);
        // One grouped read serves the series and every breakdown: its rows are stored buckets times the combinations seen
        // (a few thousand), while each further scan of the stored rows would cost as much as this one. The grouping is the
        // key's order (zone left out), so SQLite needs no sort; the report's wider buckets are summed here.
        var groups = await rows
            .GroupBy(row => new { row.BucketStart, row.QueryType, row.Rcode, row.Transport, row.IpVersion, row.NodeRegion, row.ClientRegion })
            .Select(g => new { g.Key, Count = g.Sum(row => row.Count) })
            .ToListAsync(cancellationToken);

        var points = groups.GroupBy(g => (Bucket: g.Key.BucketStart / bucket, g.Key.Rcode)).OrderBy(p => p.Key.Bucket).ThenBy(p => p.Key.Rcode)
            .Select(p => new SeriesPoint(DateTimeOffset.FromUnixTimeSeconds(p.Key.Bucket * bucket), AnalyticsKeys.RcodeLabel(p.Key.Rcode), p.Sum(g => g.Count))).ToList();
        return new AnalyticsReport(used, bucket, groups.Sum(g => g.Count), points,
            Breakdown(groups, g => AnalyticsKeys.TypeLabel(g.Key.QueryType), g => g.Count),
            Breakdown(groups, g => AnalyticsKeys.RcodeLabel(g.Key.Rcode), g => g.Count),
            Breakdown(groups, g => AnalyticsKeys.TransportLabel(g.Key.Transport), g => g.Count),
            Breakdown(groups, g => AnalyticsKeys.IpVersionLabel(g.Key.IpVersion), g => g.Count),
            Breakdown(groups, g => g.Key.ClientRegion, g => g.Count),
            Breakdown(groups, g => g.Key.NodeRegion, g => g.Count),
            await TopNamesAsync(context, used, topNamesResolution, nxDomain: false, cancellationToken),
            await TopNamesAsync(context, used, topNamesResolution, nxDomain: true, cancellationToken),
            await TransfersAsync(context, used, cancellationToken));
    }

    private static IQueryable<QueryAggregate> Matching(StoreDbContext context, AnalyticsFilter filter, int resolution)
    {
        long from = filter.From.ToUnixTimeSeconds(), to = filter.To.ToUnixTimeSeconds();
        var rows = context.QueryAggregates.AsNoTracking().Where(row => row.Resolution == resolution && row.BucketStart >= from && row.BucketStart < to);
        if (ZoneKeys(filter) is { } zones)
            rows = rows.Where(row => zones.Contains(row.Zone));
        if (filter.QueryType is { } type)
            rows = rows.Where(row => row.QueryType == (int)type);
        if (filter.Rcode is { } rcode)
            rows = rows.Where(row => row.Rcode == (int)rcode);
        if (filter.Transport is { } transport)
            rows = rows.Where(row => row.Transport == (int)transport);
        if (filter.IpVersion is { } version)
            rows = rows.Where(row => row.IpVersion == (int)version);
        if (filter.ClientRegion is { } client)
            rows = rows.Where(row => row.ClientRegion == client);
        if (filter.NodeRegion is { } node)
            rows = rows.Where(row => row.NodeRegion == node);
        return rows;
    }

    private static List<string>? ZoneKeys(AnalyticsFilter filter) => filter.Zones?.Select(zone => zone.ToString()).ToList();

    private static IReadOnlyList<Breakdown> Breakdown<T>(IEnumerable<T> groups, Func<T, string> key, Func<T, long> count) =>
        groups.GroupBy(key).Select(g => new Breakdown(g.Key, g.Sum(count))).OrderByDescending(b => b.Count).ThenBy(b => b.Key, StringComparer.Ordinal).ToList();

    /// <summary>The names most queried in the hours (<paramref name="resolution"/> 3600) or days (86400) the range touches.</summary>
    private static async Task<IReadOnlyList<TopName>> TopNamesAsync(StoreDbContext context, AnalyticsFilter filter, int resolution, bool nxDomain,
        CancellationToken cancellationToken)
    {
        long from = Floor(filter.From.ToUnixTimeSeconds(), resolution), to = filter.To.ToUnixTimeSeconds();
        var rows = context.QueryTopNames.AsNoTracking()
            .Where(row => row.Resolution == resolution && row.BucketStart >= from && row.BucketStart < to && row.NxDomain == nxDomain);
        if (ZoneKeys(filter) is { } zones)
            rows = rows.Where(row => zones.Contains(row.Zone));
        var top = await rows.GroupBy(row => new { row.Zone, row.Name })
            .Select(g => new { g.Key.Zone, g.Key.Name, Count = g.Sum(row => row.Count) })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Name).Take(TopNamesShown)
            .ToListAsync(cancellationToken);
        return top.Select(t => new TopName(t.Zone, t.Name, t.Count)).ToList();
    }

    private static async Task<IReadOnlyList<TransferMark>> TransfersAsync(StoreDbContext context, AnalyticsFilter filter, CancellationToken cancellationToken)
    {
        var zones = context.Zones.AsNoTracking();
        if (ZoneKeys(filter) is { } covered)
            zones = zones.Where(zone => covered.Contains(zone.Origin));
        var lines = from line in context.TransferLog.AsNoTracking()
                    join zone in zones on line.ZoneId equals zone.Id
                    where line.Kind == TransferLogKind.Ixfr || line.Kind == TransferLogKind.Axfr
                    orderby line.Id descending
                    select new { line.At, zone.Origin, line.Serial, line.Kind };
        // The log keeps the last few hundred lines per zone; the range is applied here, as SQLite cannot compare the stored offsets.
        var recent = await lines.Take(TransfersShown * 4).ToListAsync(cancellationToken);
        return recent.Where(line => line.At >= filter.From && line.At < filter.To).Take(TransfersShown)
            .OrderBy(line => line.At)
            .Select(line => new TransferMark(line.At, line.Origin, (uint)(line.Serial ?? 0), line.Kind.ToString().ToUpperInvariant()))
            .ToList();
    }

    private static long Floor(long seconds, long width) => seconds - (((seconds % width) + width) % width);

    private static long Ceiling(long seconds, long width) => Floor(seconds + width - 1, width);

    private static long CeilingSeconds(DateTimeOffset time) =>
        time.ToUnixTimeSeconds() + (time.UtcTicks % TimeSpan.TicksPerSecond == 0 ? 0 : 1);

}
