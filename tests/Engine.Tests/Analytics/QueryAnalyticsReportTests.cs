using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Analytics;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Tests.Support;

namespace SecondaryPortal.Engine.Tests.Analytics;

/// <summary>Reports from stored rows: which resolution is read, how wide a bucket is, filters that combine, series and breakdowns agreeing.</summary>
public sealed class QueryAnalyticsReportTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private readonly TempStore _store = TempStore.CreateMigratedAsync().GetAwaiter().GetResult();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Report_WithinTheMinuteRetention_ReadsMinuteRows_InFiveMinuteBucketsOverADay()
    {
        await AddAsync(60, Now.AddMinutes(-7), "a.example.", 1, 0, 4);
        await AddAsync(60, Now.AddMinutes(-3), "a.example.", 1, 0, 6);
        await AddAsync(3600, Now.AddHours(-1), "a.example.", 1, 0, 10); // the hour row of the same queries: not read

        var report = await Analytics().ReportAsync(new AnalyticsFilter(Now.AddDays(-1), Now));

        Assert.Equal(300, report.BucketSeconds);
        Assert.Equal(10, report.Total);
        Assert.Equal([new SeriesPoint(Now.AddMinutes(-10), "NOERROR", 4), new SeriesPoint(Now.AddMinutes(-5), "NOERROR", 6)], report.Series);
    }

    [Fact]
    public async Task Report_BeyondTheMinuteRetention_ReadsHourRows_InHourBucketsOverAWeek()
    {
        await AddAsync(60, Now.AddMinutes(-3), "a.example.", 1, 0, 6); // minute row: not read
        await AddAsync(3600, Now.AddHours(-1), "a.example.", 1, 0, 6);
        await AddAsync(3600, Now.AddDays(-5), "a.example.", 28, 3, 2);

        var report = await Analytics().ReportAsync(new AnalyticsFilter(Now.AddDays(-7), Now));

        Assert.Equal(3600, report.BucketSeconds);
        Assert.Equal(8, report.Total);
        Assert.Equal(report.Total, report.Series.Sum(p => p.Count));
        Assert.Equal([new Breakdown("NOERROR", 6), new Breakdown("NXDOMAIN", 2)], report.ByRcode);
        Assert.Equal([new Breakdown("A", 6), new Breakdown("AAAA", 2)], report.ByType);
    }

    [Fact]
    public async Task Report_FiltersCombine_AndTheZoneListLeavesOutOtherZonesAndNoZone()
    {
        await AddAsync(60, Now.AddMinutes(-3), "a.example.", 28, 3, 5, client: "ap-south", ip: 6);
        await AddAsync(60, Now.AddMinutes(-3), "a.example.", 28, 3, 7, client: "eu-west", ip: 6);
        await AddAsync(60, Now.AddMinutes(-3), "a.example.", 1, 3, 11, client: "ap-south");
        await AddAsync(60, Now.AddMinutes(-3), "b.example.", 28, 3, 13, client: "ap-south", ip: 6);
        await AddAsync(60, Now.AddMinutes(-3), AnalyticsKeys.NoZone, 28, 3, 17, client: "ap-south", ip: 6);

        var combined = await Analytics().ReportAsync(new AnalyticsFilter(Now.AddHours(-1), Now, [DnsName.Parse("a.example.")],
            RecordType.AAAA, DnsRcode.NXDomain, ClientRegion: "ap-south"));
        var everything = await Analytics().ReportAsync(new AnalyticsFilter(Now.AddHours(-1), Now, IpVersion: IpVersion.V6));

        Assert.Equal(5, combined.Total);
        Assert.Equal([new Breakdown("IPv6", 5)], combined.ByIpVersion);
        Assert.Equal(5 + 7 + 13 + 17, everything.Total);
    }

    private QueryAnalytics Analytics() => new(_store.Contexts, new AnalyticsOptions(), new FixedClock(Now));

    private async Task AddAsync(int resolution, DateTimeOffset at, string zone, int type, int rcode, long count, string client = "eu-west", int ip = 4)
    {
        long seconds = at.ToUnixTimeSeconds();
        await using var context = _store.CreateContext();
        context.QueryAggregates.Add(new QueryAggregate
        {
            Resolution = resolution, BucketStart = seconds - seconds % resolution, Zone = zone, QueryType = type, Rcode = rcode,
            Transport = (int)DnsTransport.Udp, IpVersion = ip, ClientRegion = client, NodeRegion = "eu-central", Count = count,
        });
        await context.SaveChangesAsync();
    }
}
