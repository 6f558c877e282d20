using System.Globalization;
using Microsoft.Playwright;
using SecondaryPortal.E2E.Tests.Support;

namespace SecondaryPortal.E2E.Tests.Analytics;

/// <summary>A customer's zone gets known traffic from dig; the analytics page then shows exactly those counts in its tables.</summary>
public sealed class AnalyticsPageTests
{
    private const string ZoneFile = """
        $ORIGIN stats.example.
        $TTL 300
        @       IN SOA ns1 hostmaster 1 7200 900 1209600 300
                IN NS  ns1
        ns1     IN A   192.0.2.53
        www     IN A   192.0.2.10
                IN MX  10 www
        """;

    [Fact]
    public async Task KnownTraffic_ShowsItsCountsInTheTables_AndFiltersCombine()
    {
        await using var portal = await PortalProcess.StartAsync(null, "--Analytics:FlushInterval=00:00:01", "--Dns:Region=e2e-node");
        await using var browser = await BrowserSession.StartAsync(portal.Address, nameof(AnalyticsPageTests));
        var page = browser.Page;
        await UserJourney.SignUpCustomerAsync(page, "stats@example.com");
        await UserJourney.CreateAuthoritativeZoneAsync(page, "stats.example", ZoneFile);
        // Probed with SOA queries, which the assertions below leave aside.
        Assert.Equal("1", await UserJourney.DigUntilAsync(portal.DnsEndPoint, "stats.example.", "SOA", "1", answer => answer.Split(' ')[2]));

        for (int i = 0; i < 5; i++)
            await UserJourney.DigAsync(portal.DnsEndPoint, "www.stats.example.", "A");
        for (int i = 0; i < 3; i++)
            await UserJourney.DigAsync(portal.DnsEndPoint, "nope.stats.example.", "AAAA");
        for (int i = 0; i < 2; i++)
            await UserJourney.DigAsync(portal.DnsEndPoint, "stats.example.", "MX", "+tcp");

        // The MX queries went last: once a fold has them, it has every query sent before them.
        await OpenUntilCountedAsync(page, "/analytics?range=30m", "#breakdown-type", "MX", 2);
        Assert.Equal(5, await CountAsync(page, "#breakdown-type", "A"));
        Assert.Equal(3, await CountAsync(page, "#breakdown-type", "AAAA"));
        Assert.Equal(3, await CountAsync(page, "#breakdown-rcode", "NXDOMAIN"));
        Assert.Equal(2, await CountAsync(page, "#breakdown-transport", "TCP"));
        Assert.True(await CountAsync(page, "#breakdown-noderegion", "e2e-node") >= 10);
        await Assertions.Expect(page.Locator("#breakdown-topnames, [id^=topnames]").First).ToContainTextAsync("www.stats.example.");
        await page.Locator(".analytics-chart canvas").First.WaitForAsync();
        await browser.ScreenshotAsync("analytics-account");

        await page.GotoAsync("/analytics?range=30m&type=AAAA&rcode=NXDOMAIN");
        await Assertions.Expect(page.Locator("#analytics-total")).ToHaveTextAsync("3");
        await page.Locator(".analytics-chart canvas").First.WaitForAsync();
        await browser.ScreenshotAsync("analytics-filtered");
    }

    /// <summary>Opens <paramref name="path"/> until the table in <paramref name="section"/> counts <paramref name="expected"/> for <paramref name="key"/> (the aggregator folds every second).</summary>
    private static async Task OpenUntilCountedAsync(IPage page, string path, string section, string key, long expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        long counted;
        do
        {
            await page.GotoAsync(path);
            counted = await CountAsync(page, section, key);
            if (counted == expected)
                return;
            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"{section} counts {counted} for {key} after 20 s, expected {expected}");
    }

    /// <summary>The number in the table row of <paramref name="key"/> in <paramref name="section"/>, 0 without that row.</summary>
    private static async Task<long> CountAsync(IPage page, string section, string key)
    {
        var row = page.Locator($"{section} tbody tr").Filter(new LocatorFilterOptions { Has = page.Locator("th", new PageLocatorOptions { HasTextString = key }) });
        foreach (var candidate in await row.AllAsync())
        {
            if ((await candidate.Locator("th").InnerTextAsync()).Trim() == key)
                return long.Parse((await candidate.Locator("td").First.InnerTextAsync()).Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        }
        return 0;
    }
}
