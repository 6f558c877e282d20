using Microsoft.Playwright;
using SecondaryPortal.E2E.Tests.Support;

namespace SecondaryPortal.E2E.Tests.Sites;

/// <summary>An authoritative zone created from a pasted zone file, then a record edited in the browser.</summary>
public sealed class AuthoritativeWizardTests
{
    private const string ZoneFile = """
        $ORIGIN blog.example.
        $TTL 300
        @       IN SOA ns1 hostmaster 1 7200 900 1209600 300
                IN NS  ns1
        ns1     IN A   192.0.2.53
        www     IN A   192.0.2.10
        """;

    [Fact]
    public async Task PastedZoneFile_IsReviewedAndServed_ThenAnEditedRecordChangesTheServedAnswer()
    {
        await using var portal = await PortalProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync(portal.Address, nameof(AuthoritativeWizardTests));
        var page = browser.Page;
        await UserJourney.SignUpCustomerAsync(page, "blog@example.com");

        await page.GotoAsync("/sites/new");
        await page.FillAsync("#domain", "blog.example");
        await page.CheckAsync("input[name='Form.Kind'][value=Authoritative]");
        await page.ClickAsync("button.btn-primary:has-text('Next')");
        await page.CheckAsync("#source-file");
        await page.FillAsync("#zone-text", ZoneFile.Replace("192.0.2.10", "192.0.2.300", StringComparison.Ordinal));
        await page.ClickAsync("#create-authoritative");
        await Assertions.Expect(page.Locator("#zone-file-errors")).ToContainTextAsync("line 6");
        await browser.ScreenshotAsync("zone-file-error");
        await page.FillAsync("#zone-text", ZoneFile);
        await page.ClickAsync("#create-authoritative");
        await Assertions.Expect(page.Locator("#records")).ToContainTextAsync("192.0.2.10");
        await browser.ScreenshotAsync("review");
        await page.ClickAsync("#finish-site button[type=submit]");
        await Assertions.Expect(page.Locator("#zone-name")).ToContainTextAsync("blog.example");
        Assert.Equal("192.0.2.10", await UserJourney.DigUntilAsync(portal.DnsEndPoint, "www.blog.example.", "192.0.2.10"));

        await page.ClickAsync("#zone-tabs a:has-text('Records')");
        await page.ClickAsync("button[aria-label^='Edit www'][aria-label$=' A']");
        await page.FillAsync("#edit-data", "192.0.2.11");
        await browser.ScreenshotAsync("edit-record");
        await page.ClickAsync("#edit-save");
        await Assertions.Expect(page.Locator("#records")).ToContainTextAsync("192.0.2.11");
        await browser.ScreenshotAsync("edited");

        Assert.Equal("192.0.2.11", await UserJourney.DigUntilAsync(portal.DnsEndPoint, "www.blog.example.", "192.0.2.11"));
    }
}
