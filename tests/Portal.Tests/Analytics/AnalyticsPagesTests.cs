using System.Net;
using AngleSharp.Html.Dom;
using SecondaryPortal.Portal.DnsListeners;
using SecondaryPortal.Portal.Tests.Support;
using SecondaryPortal.Portal.Tests.Zones;
using Microsoft.Extensions.DependencyInjection;

namespace SecondaryPortal.Portal.Tests.Analytics;

/// <summary>The analytics pages through a browser without JavaScript: totals, filters, validation, scope, empty state.</summary>
public sealed class AnalyticsPagesTests
{
    [Fact]
    public async Task AccountPage_OfAnAdmin_SpansEveryAccountAndTheQueriesForNoZone()
    {
        await using var portal = await RunningPortal.StartAsync();
        await PortalSession.CreateAccountAsync(portal, "admin@example.com", admin: true);
        await AnalyticsSeed.TwoAccountsAsync(portal.Services);
        using var admin = await PortalSession.SignInAsync(portal, "admin@example.com");

        var page = await admin.PageAsync("/analytics");

        Assert.Equal("164", Total(page));
        Assert.Equal([("NOERROR", "140"), ("NXDOMAIN", "15"), ("REFUSED", "9")], Rows(page, "rcode"));
        Assert.Contains("Last 24 hours", page.QuerySelector("#range option[selected]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("nav a[href='analytics']"));
        Assert.Equal("Top names, last 24 hours (estimates summed per hour)", page.QuerySelector("#topnames caption")!.TextContent.Trim());
    }

    [Fact]
    public async Task AccountPage_FiltersCombine_NxDomainInOneRegionForAaaa()
    {
        await using var portal = await RunningPortal.StartAsync();
        await PortalSession.CreateAccountAsync(portal, "admin@example.com", admin: true);
        await AnalyticsSeed.TwoAccountsAsync(portal.Services);
        using var admin = await PortalSession.SignInAsync(portal, "admin@example.com");

        var page = await admin.PageAsync("/analytics?range=6h&rcode=NXDOMAIN&clientRegion=ap-south&type=AAAA");

        Assert.Equal("7", Total(page));
        Assert.Equal([("AAAA", "7")], Rows(page, "type"));
        Assert.Equal([("IPv6", "7")], Rows(page, "ipversion"));
        Assert.Equal("ap-south", page.QuerySelector("#clientRegion option[selected]")!.GetAttribute("value"));
        Assert.Equal("6h", page.QuerySelector("#range option[selected]")!.GetAttribute("value"));
        Assert.Contains("table=type", page.QuerySelector("#breakdown-type a[download]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("clientRegion=ap-south", page.QuerySelector("#breakdown-type a[download]")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountPage_OfACustomer_ShowsOnlyTheirZones_AndAnotherAccountsZoneIs404()
    {
        await using var portal = await RunningPortal.StartAsync();
        string alice = await PortalSession.CreateAccountAsync(portal, "alice@example.com");
        long aliceZone = await PortalSession.ImportAsync(portal, "alice.example.", alice);
        long bobZone = await PortalSession.ImportAsync(portal, "bob.example.", "bob-id");
        await AnalyticsSeed.TwoAccountsAsync(portal.Services);
        using var browser = await PortalSession.SignInAsync(portal, "alice@example.com");

        var page = await browser.PageAsync("/analytics");
        var zonePage = await browser.PageAsync($"/zones/{aliceZone}/analytics");
        using var other = await browser.GetAsync($"/zones/{bobZone}/analytics");
        using var byName = await browser.GetAsync("/analytics?zone=bob.example");

        Assert.Equal("115", Total(page));
        Assert.DoesNotContain("bob.example", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("115", Total(zonePage));
        Assert.Equal("Analytics", zonePage.QuerySelector("#zone-tabs a.active")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byName.StatusCode);
    }

    [Fact]
    public async Task CustomRange_EndingBeforeItStarts_OrLongerThan90Days_SaysSoBesideTheField()
    {
        await using var portal = await RunningPortal.StartAsync();
        await PortalSession.CreateAccountAsync(portal, "admin@example.com", admin: true);
        using var admin = await PortalSession.SignInAsync(portal, "admin@example.com");

        var backwards = await admin.PageAsync("/analytics?range=custom&from=2026-12-05T10:00&to=2026-12-04T10:00");
        var tooLong = await admin.PageAsync("/analytics?range=custom&from=2026-01-01T00:00&to=2026-06-01T00:00");
        var missing = await admin.PageAsync("/analytics?range=custom&to=2026-06-01T00:00");
        var fine = await admin.PageAsync("/analytics?range=custom&from=2026-05-01T00:00&to=2026-06-01T00:00");

        Assert.Equal("The end must come after the start.", backwards.QuerySelector("#to-error")!.TextContent);
        Assert.Equal("to-error", backwards.QuerySelector("#to")!.GetAttribute("aria-describedby"));
        Assert.Null(backwards.QuerySelector("#analytics-summary"));
        Assert.Equal("A custom range covers at most 90 days.", tooLong.QuerySelector("#to-error")!.TextContent);
        Assert.Equal("Enter the start of the range.", missing.QuerySelector("#from-error")!.TextContent);
        Assert.Null(fine.QuerySelector(".invalid-feedback"));
        Assert.Contains("2026-05-01 00:00 to 2026-06-01 00:00 UTC", fine.QuerySelector("#analytics-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ZonePage_WithoutQueries_ShowsTheEmptyStateWithADigCommandForTheZone()
    {
        await using var portal = await RunningPortal.StartAsync();
        string alice = await PortalSession.CreateAccountAsync(portal, "alice@example.com");
        long zone = await PortalSession.ImportAsync(portal, "quiet.example.", alice);
        using var browser = await PortalSession.SignInAsync(portal, "alice@example.com");

        var page = await browser.PageAsync($"/zones/{zone}/analytics");

        var udp = portal.Services.GetRequiredService<DnsServerHostedService>().UdpEndpoints[0];
        Assert.Contains("No queries in this range.", page.QuerySelector("#analytics-empty")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"dig @127.0.0.1 -p {udp.Port} www.quiet.example. A", page.QuerySelector("#dig-hint")!.TextContent);
        Assert.Null(page.QuerySelector("#series"));
    }

    private static string Total(IHtmlDocument page) => page.QuerySelector("#analytics-total")!.TextContent.Replace(",", "", StringComparison.Ordinal);

    private static List<(string, string)> Rows(IHtmlDocument page, string table) =>
        page.QuerySelectorAll($"#breakdown-{table} tbody tr")
            .Select(row => (row.QuerySelector("th")!.TextContent.Trim(), row.QuerySelector("td")!.TextContent.Replace(",", "", StringComparison.Ordinal)))
            .ToList();
}
