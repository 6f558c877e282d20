using System.Net;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using Microsoft.Playwright;
using SecondaryPortal.E2E.Tests.Support;
using SecondaryPortal.Engine.Tests.Support;
using SecondaryPortal.Engine.Tests.Support.Peers;

namespace SecondaryPortal.E2E.Tests.Sites;

/// <summary>The Add Site wizard in a real browser against a real BIND 9 primary with a TSIG key.</summary>
public sealed class SecondaryWizardTests
{
    private const string Zone = "shop.example.";
    private static readonly InteropKey Key = new("shop-transfer.", "hmac-sha256", Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray()));

    private static string ZoneFile(uint serial) => $"""
        $ORIGIN {Zone}
        $TTL 300
        @       IN SOA ns1 hostmaster {serial} 7200 900 1209600 300
                IN NS  ns1
        ns1     IN A   192.0.2.53
        www     IN A   192.0.2.80
        mail    IN A   192.0.2.25
        @       IN MX  10 mail
        """;

    [Fact]
    public async Task NewCustomer_AddsASecondaryZoneWithATsigKey_SeesTheCheckPass_ReviewsFinishes_AndDigGetsTheAnswer()
    {
        int dnsPort = FreePort.Next();
        await using var bind = await BindPrimary.StartAsync(Zone, ZoneFile(2026120401), dnsPort, Key);
        await using var portal = await PortalProcess.StartAsync(dnsPort);
        await using var browser = await BrowserSession.StartAsync(portal.Address, nameof(SecondaryWizardTests) + "-success");
        var page = browser.Page;
        await UserJourney.SignUpCustomerAsync(page, "shop@example.com");

        await page.GotoAsync("/sites/new");
        await page.FillAsync("#domain", "shop.example");
        await browser.ScreenshotAsync("domain");
        await page.ClickAsync("button.btn-primary:has-text('Next')");
        await FillPrimaryAndKeyAsync(page, bind.Port, Key.SecretBase64);
        await browser.ScreenshotAsync("primaries");
        await page.ClickAsync("#to-check");

        await Assertions.Expect(page.Locator("#check-results [data-testid=serial]").First).ToHaveTextAsync("2026120401");
        await Assertions.Expect(page.Locator("#start-transfer")).ToBeEnabledAsync();
        await browser.ScreenshotAsync("check-passed");
        await page.ClickAsync("#start-transfer");
        await page.Locator("#to-review").WaitForAsync();
        await browser.ScreenshotAsync("transferred");
        await page.ClickAsync("#to-review");
        await Assertions.Expect(page.Locator("#records")).ToContainTextAsync("192.0.2.80");
        await browser.ScreenshotAsync("review");
        await page.ClickAsync("#finish-site button[type=submit]");

        await Assertions.Expect(page.Locator("#zone-name")).ToContainTextAsync("shop.example");
        await browser.ScreenshotAsync("zone-page");
        Assert.Equal("192.0.2.80", await UserJourney.DigUntilAsync(portal.DnsEndPoint, "www.shop.example.", "192.0.2.80"));

        // The interactive zone list (over the circuit): the search filters it, and the zone's name leads to its page.
        await page.GotoAsync("/zones");
        await Assertions.Expect(page.Locator("td[data-zone='shop.example.']")).ToBeVisibleAsync();
        await page.GetByLabel("Search").FillAsync("nothing-like-it");
        await Assertions.Expect(page.Locator("#no-matches")).ToBeVisibleAsync();
        await page.GetByLabel("Search").FillAsync("shop");
        await Assertions.Expect(page.Locator("td[data-zone='shop.example.']")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("zone-list");
        await page.ClickAsync("a.zone-link:has-text('shop.example.')");
        await Assertions.Expect(page.Locator("#zone-name")).ToContainTextAsync("shop.example");
    }

    [Fact]
    public async Task OpenZonePage_ShowsTheNewSerial_WhenARecordChangesAtThePrimary_WithoutAReload()
    {
        int dnsPort = FreePort.Next();
        await using var bind = await BindPrimary.StartAsync(Zone, ZoneFile(2026120401), dnsPort, Key);
        await using var portal = await PortalProcess.StartAsync(dnsPort);
        await using var browser = await BrowserSession.StartAsync(portal.Address, nameof(SecondaryWizardTests) + "-live");
        var page = browser.Page;
        await UserJourney.SignUpCustomerAsync(page, "shop@example.com");
        await page.GotoAsync("/sites/new");
        await page.FillAsync("#domain", "shop.example");
        await page.ClickAsync("button.btn-primary:has-text('Next')");
        await FillPrimaryAndKeyAsync(page, bind.Port, Key.SecretBase64);
        await page.ClickAsync("#to-check");
        await Assertions.Expect(page.Locator("#start-transfer")).ToBeEnabledAsync();
        await page.ClickAsync("#start-transfer");
        await page.Locator("#to-review").WaitForAsync();
        await page.ClickAsync("#to-review");
        await page.ClickAsync("#finish-site button[type=submit]");
        await Assertions.Expect(page.Locator("#zone-status [data-testid=serial]")).ToHaveTextAsync("2026120401");
        await page.Locator("[data-live=true] #zone-status").WaitForAsync(); // interactive and listening: what follows is pushed
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        // A dynamic update at the primary (the zone takes updates, so BIND would not reload it from its file): BIND bumps
        // the serial and sends NOTIFY; the engine transfers the change; the open page is told, not polling.
        var zone = DnsName.Parse(Zone);
        await DnsUpdate.AddAsync(bind.EndPoint, zone, [new DnsRecord(DnsName.Parse("live", zone), 300, new AData(IPAddress.Parse("192.0.2.81")))]);

        await Assertions.Expect(page.Locator("#zone-status [data-testid=serial]")).ToHaveTextAsync("2026120402", new() { Timeout = 5_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await browser.ScreenshotAsync("zone-page-live");
    }

    [Fact]
    public async Task WrongSecret_ShowsBadSigInTheCheck_AndNothingIsCreated()
    {
        int dnsPort = FreePort.Next();
        await using var bind = await BindPrimary.StartAsync(Zone, ZoneFile(7), dnsPort, Key);
        await using var portal = await PortalProcess.StartAsync(dnsPort);
        await using var browser = await BrowserSession.StartAsync(portal.Address, nameof(SecondaryWizardTests) + "-bad-secret");
        var page = browser.Page;
        await UserJourney.SignUpCustomerAsync(page, "shop@example.com");

        await page.GotoAsync("/sites/new");
        await page.FillAsync("#domain", "shop.example");
        await page.ClickAsync("button.btn-primary:has-text('Next')");
        string wrongSecret = Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray());
        await FillPrimaryAndKeyAsync(page, bind.Port, wrongSecret);
        await page.ClickAsync("#to-check");

        await Assertions.Expect(page.Locator("#check-results [data-testid=outcome]").First).ToContainTextAsync("BADSIG");
        await Assertions.Expect(page.Locator("#start-transfer")).ToBeDisabledAsync();
        await browser.ScreenshotAsync("check-failed");
        await page.GotoAsync("/zones");
        Assert.DoesNotContain("shop.example", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/keys");
        Assert.DoesNotContain("shop-transfer", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    private static async Task FillPrimaryAndKeyAsync(IPage page, int port, string secret)
    {
        await page.FillAsync("#primary-0-address", "127.0.0.1");
        await page.FillAsync("#primary-0-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // A new key's fields show only once "A new key" is chosen: typed in with "No key" still chosen, a key was dropped.
        await Assertions.Expect(page.Locator("#new-key-name")).ToBeHiddenAsync();
        await page.CheckAsync("#key-new");
        await Assertions.Expect(page.Locator("#new-key-name")).ToBeVisibleAsync();
        await page.FillAsync("#new-key-name", Key.Name);
        await page.SelectOptionAsync("#new-key-algorithm", Key.Algorithm);
        await page.FillAsync("#new-key-secret", secret);
    }
}
