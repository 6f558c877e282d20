using SecondaryPortal.Dns.Server;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Analytics;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Tests.Support;

namespace SecondaryPortal.Engine.Tests.Analytics;

public sealed class QueryAnalyticsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Report_OverTheLastHalfHour_ReadsMinuteRows_InMinuteBuckets()
    {
        using var store = await TempStore.CreateMigratedAsync();
        await AnalyticsRows.AddAsync(store, (AnalyticsRows.Minute(Now.AddMinutes(-10)), 3), (AnalyticsRows.Minute(Now.AddMinutes(-10), rcode: DnsRcode.NXDomain), 2),
            (AnalyticsRows.Minute(Now.AddMinutes(-5)), 4), (AnalyticsRows.Minute(Now.AddMinutes(-50)), 100));

        var report = await Analytics(store).ReportAsync(new AnalyticsFilter(Now.AddMinutes(-30), Now));

        Assert.Equal((60, 9L), (report.BucketSeconds, report.Total));
        Assert.Equal([(Now.AddMinutes(-10), "NOERROR", 3L), (Now.AddMinutes(-10), "NXDOMAIN", 2L), (Now.AddMinutes(-5), "NOERROR", 4L)],
            report.Series.Select(p => (p.Start, p.Rcode, p.Count)));
    }

    [Fact]
    public async Task Report_OverSevenDays_ReadsHourRows_InHourBuckets()
    {
        using var store = await TempStore.CreateMigratedAsync();
        // Minute rows of days ago are gone (retention); their hour rows remain.
        await AnalyticsRows.WriteAsync(store, new Dictionary<QueryAggregateKey, long>
        {
            [AnalyticsRows.Hour(Now.AddDays(-6))] = 40,
            [AnalyticsRows.Hour(Now.AddDays(-3), type: RecordType.AAAA)] = 2,
        }, new Dictionary<QueryTopNameKey, long>());
        await AnalyticsRows.AddAsync(store, (AnalyticsRows.Minute(Now.AddMinutes(-1)), 5));

        var report = await Analytics(store).ReportAsync(new AnalyticsFilter(Now.AddDays(-7), Now));

        Assert.Equal((3600, 47L), (report.BucketSeconds, report.Total));
        Assert.Equal([("A", 45L), ("AAAA", 2L)], report.ByType.Select(b => (b.Key, b.Count)));
        Assert.All(report.Series, point => Assert.Equal(0, point.Start.ToUnixTimeSeconds() % 3600));
    }

    [Fact]
    public async Task Report_FiltersCombine_NxDomainForAaaaFromOneRegion()
    {
        using var store = await TempStore.CreateMigratedAsync();
        var at = Now.AddMinutes(-3);
        await AnalyticsRows.AddAsync(store,
            (AnalyticsRows.Minute(at, type: RecordType.AAAA, rcode: DnsRcode.NXDomain, client: "eu"), 7),
            (AnalyticsRows.Minute(at, type: RecordType.AAAA, rcode: DnsRcode.NXDomain, client: "us"), 11),
            (AnalyticsRows.Minute(at, type: RecordType.A, rcode: DnsRcode.NXDomain, client: "eu"), 13),
            (AnalyticsRows.Minute(at, type: RecordType.AAAA, rcode: DnsRcode.NoError, client: "eu"), 17));

        var report = await Analytics(store).ReportAsync(new AnalyticsFilter(Now.AddHours(-1), Now, QueryType: RecordType.AAAA, Rcode: DnsRcode.NXDomain, ClientRegion: "eu"));

        Assert.Equal(7, report.Total);
        Assert.Equal([("eu", 7L)], report.ByClientRegion.Select(b => (b.Key, b.Count)));
    }

    [Fact]
    public async Task Report_ByTransportAndIpVersion_ShowsTheirLabels()
    {
        using var store = await TempStore.CreateMigratedAsync();
        var at = Now.AddMinutes(-3);
        await AnalyticsRows.AddAsync(store, (AnalyticsRows.Minute(at, transport: DnsTransport.Tcp, ip: IpVersion.V6), 2), (AnalyticsRows.Minute(at), 5));

        var report = await Analytics(store).ReportAsync(new AnalyticsFilter(Now.AddHours(-1), Now, Transport: DnsTransport.Tcp));

        Assert.Equal([("TCP", 2L)], report.ByTransport.Select(b => (b.Key, b.Count)));
        Assert.Equal([("IPv6", 2L)], report.ByIpVersion.Select(b => (b.Key, b.Count)));
    }

    [Fact]
    public async Task Report_ForSomeZones_LeavesOutOtherZonesAndQueriesForNoZone()
    {
        using var store = await TempStore.CreateMigratedAsync();
        var at = Now.AddMinutes(-3);
        await AnalyticsRows.AddAsync(store, (AnalyticsRows.Minute(at, zone: "mine.example."), 3), (AnalyticsRows.Minute(at, zone: "theirs.example."), 5),
            (AnalyticsRows.Minute(at, zone: AnalyticsKeys.NoZone, rcode: DnsRcode.Refused), 8));
        var analytics = Analytics(store);

        var mine = await analytics.ReportAsync(new AnalyticsFilter(Now.AddHours(-1), Now, Zones: [DnsName.Parse("mine.example.")]));
        var none = await analytics.ReportAsync(new AnalyticsFilter(Now.AddHours(-1), Now, Zones: []));
        var all = await analytics.ReportAsync(new AnalyticsFilter(Now.AddHours(-1), Now));

        Assert.Equal((3L, 0L, 16L), (mine.Total, none.Total, all.Total));
        Assert.Contains(all.ByRcode, b => b.Key == "REFUSED" && b.Count == 8);
    }

    [Fact]
    public async Task Report_TopNames_SumTheHoursOfTheRange_NxDomainNamesApart()
    {
        using var store = await TempStore.CreateMigratedAsync();
        long thisHour = AnalyticsRows.Bucket(Now, 3600), lastHour = thisHour - 3600, longAgo = thisHour - 10 * 3600;
        await AnalyticsRows.WriteAsync(store, new Dictionary<QueryAggregateKey, long>(), new Dictionary<QueryTopNameKey, long>
        {
            [new(3600, thisHour, "example.com.", false, "www.example.com.")] = 5,
            [new(3600, lastHour, "example.com.", false, "www.example.com.")] = 6,
            [new(3600, lastHour, "example.com.", false, "mail.example.com.")] = 8,
            [new(3600, longAgo, "example.com.", false, "old.example.com.")] = 99,
            [new(3600, thisHour, "example.com.", true, "typo.example.com.")] = 4,
        });

        var report = await Analytics(store).ReportAsync(new AnalyticsFilter(Now.AddHours(-2), Now));

        Assert.Equal([("www.example.com.", 11L), ("mail.example.com.", 8L)], report.TopNames.Select(t => (t.Name, t.Count)));
        Assert.Equal([("typo.example.com.", 4L)], report.TopNxDomainNames.Select(t => (t.Name, t.Count)));
    }

    [Fact]
    public async Task Report_OverSevenDays_TakesTopNamesFromTheDailyLists()
    {
        using var store = await TempStore.CreateMigratedAsync();
        long today = AnalyticsRows.Bucket(Now, 86400), fiveDaysAgo = today - 5 * 86400, tenDaysAgo = today - 10 * 86400;
        await AnalyticsRows.WriteAsync(store, new Dictionary<QueryAggregateKey, long>(), new Dictionary<QueryTopNameKey, long>
        {
            [new(86400, today, "example.com.", false, "www.example.com.")] = 30,
            [new(86400, fiveDaysAgo, "example.com.", false, "www.example.com.")] = 20,
            [new(86400, tenDaysAgo, "example.com.", false, "www.example.com.")] = 1000,
            [new(3600, AnalyticsRows.Bucket(Now, 3600), "example.com.", false, "hourly.example.com.")] = 7,
        });

        var report = await Analytics(store).ReportAsync(new AnalyticsFilter(Now.AddDays(-7), Now));

        Assert.Equal([("www.example.com.", 50L)], report.TopNames.Select(t => (t.Name, t.Count)));
    }

    [Fact]
    public async Task Report_MarksTheCoveredZonesTransfersInTheRange()
    {
        using var store = await TempStore.CreateMigratedAsync();
        await using (var context = store.CreateContext())
        {
            var mine = NewZone("mine.example.");
            var theirs = NewZone("theirs.example.");
            context.Zones.AddRange(mine, theirs);
            await context.SaveChangesAsync();
            context.TransferLog.AddRange(
                Line(mine, Now.AddMinutes(-20), TransferLogKind.Ixfr, 5),
                Line(mine, Now.AddMinutes(-10), TransferLogKind.UpToDate, 5),
                Line(mine, Now.AddHours(-3), TransferLogKind.Axfr, 4),
                Line(theirs, Now.AddMinutes(-15), TransferLogKind.Axfr, 9));
            await context.SaveChangesAsync();
        }

        var report = await Analytics(store).ReportAsync(new AnalyticsFilter(Now.AddHours(-1), Now, Zones: [DnsName.Parse("mine.example.")]));

        var mark = Assert.Single(report.Transfers);
        Assert.Equal((Now.AddMinutes(-20), "mine.example.", 5u, "IXFR"), (mark.At, mark.Zone, mark.Serial, mark.Kind));
    }

    [Fact]
    public async Task Report_UntilATimeInABucketsFirstSecond_CountsWhatThatBucketHolds()
    {
        using var store = await TempStore.CreateMigratedAsync();
        await AnalyticsRows.AddAsync(store, (AnalyticsRows.Minute(Now.AddMinutes(-1)), 2), (AnalyticsRows.Minute(Now), 3));

        var untilNow = await Analytics(store).ReportAsync(new AnalyticsFilter(Now.AddMinutes(-30), Now.AddMilliseconds(300)));
        var untilTheMinute = await Analytics(store).ReportAsync(new AnalyticsFilter(Now.AddMinutes(-30), Now));

        Assert.Equal((5L, 2L), (untilNow.Total, untilTheMinute.Total));
    }

    [Fact]
    public async Task Report_ClampsItsRangeToWholeBuckets()
    {
        using var store = await TempStore.CreateMigratedAsync();

        var report = await Analytics(store).ReportAsync(new AnalyticsFilter(Now.AddHours(-24).AddSeconds(17), Now.AddSeconds(17)));

        Assert.Equal(300, report.BucketSeconds);
        Assert.Equal((0L, 0L), (report.Filter.From.ToUnixTimeSeconds() % 300, report.Filter.To.ToUnixTimeSeconds() % 300));
        Assert.Equal(0, report.Total);
        Assert.Empty(report.Series);
    }

    private static QueryAnalytics Analytics(TempStore store) => new(store.Contexts, new AnalyticsOptions(), new FixedClock(Now));

    private static Zone NewZone(string origin) =>
        new() { Origin = origin, Kind = ZoneKind.Secondary, CreatedAt = Now, UpdatedAt = Now };

    private static TransferLogEntry Line(Zone zone, DateTimeOffset at, TransferLogKind kind, long serial) =>
        new() { ZoneId = zone.Id, At = at, Primary = "192.0.2.1:53", Kind = kind, Serial = serial };
}
