using System.Net;
using SecondaryPortal.Engine.Analytics;
using SecondaryPortal.Portal.Services.Analytics;
using SecondaryPortal.Portal.Tests.Support;
using SecondaryPortal.Portal.Tests.Zones;

namespace SecondaryPortal.Portal.Tests.Analytics;

/// <summary>The CSV downloads: the same numbers as the page, quoted for a spreadsheet, within the account's scope.</summary>
public sealed class AnalyticsCsvTests
{
    [Fact]
    public async Task Download_OfAZonesRcodeTable_HoldsItsNumbers_WithAFileName()
    {
        await using var portal = await RunningPortal.StartAsync();
        string alice = await PortalSession.CreateAccountAsync(portal, "alice@example.com");
        long zone = await PortalSession.ImportAsync(portal, "alice.example.", alice);
        await AnalyticsSeed.TwoAccountsAsync(portal.Services);
        using var browser = await PortalSession.SignInAsync(portal, "alice@example.com");

        using var response = await browser.GetAsync($"/zones/{zone}/analytics.csv?range=24h&table=rcode");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("analytics-alice.example-rcode-", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        Assert.Equal("rcode,queries\r\nNOERROR,100\r\nNXDOMAIN,15\r\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Download_OfAnotherAccountsZone_Is404_AndAnUnknownTableIs400()
    {
        await using var portal = await RunningPortal.StartAsync();
        await PortalSession.CreateAccountAsync(portal, "alice@example.com");
        long bobZone = await PortalSession.ImportAsync(portal, "bob.example.", "bob-id");
        using var browser = await PortalSession.SignInAsync(portal, "alice@example.com");

        using var byId = await browser.GetAsync($"/zones/{bobZone}/analytics.csv?table=type");
        using var byName = await browser.GetAsync("/analytics.csv?zone=bob.example.&table=type");
        using var badTable = await browser.GetAsync("/analytics.csv?table=zones");
        using var badType = await browser.GetAsync("/analytics.csv?table=type&type=NOPE");

        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byName.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badTable.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        Assert.Contains("type: NOPE is not a query type", await badType.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_QuotesCommasAndQuotes_AndDefusesFormulas()
    {
        var report = Report(byClientRegion: [new Breakdown("eu,west", 3), new Breakdown("say \"hi\"", 2), new Breakdown("=HYPERLINK(1)", 1)]);

        string csv = AnalyticsCsv.Write(report, "clientregion")!;

        Assert.Equal("client_region,queries\r\n\"eu,west\",3\r\n\"say \"\"hi\"\"\",2\r\n'=HYPERLINK(1),1\r\n", csv);
    }

    [Fact]
    public void Write_Series_HasAColumnPerResponseCode_AndATotal()
    {
        var start = new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
        var report = Report(series: [new SeriesPoint(start, "NOERROR", 5), new SeriesPoint(start, "NXDOMAIN", 2), new SeriesPoint(start.AddMinutes(5), "NOERROR", 1)]);

        string csv = AnalyticsCsv.Write(report, "series")!;

        Assert.Equal("start_utc,NOERROR,NXDOMAIN,total\r\n2026-12-04T10:00:00Z,5,2,7\r\n2026-12-04T10:05:00Z,1,0,1\r\n", csv);
        Assert.Null(AnalyticsCsv.Write(report, "zones"));
    }

    private static AnalyticsReport Report(IReadOnlyList<SeriesPoint>? series = null, IReadOnlyList<Breakdown>? byClientRegion = null) =>
        new(new AnalyticsFilter(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1)), 300, 0, series ?? [], [], [], [], [], byClientRegion ?? [], [], [], [], []);
}
