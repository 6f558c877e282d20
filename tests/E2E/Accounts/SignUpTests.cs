using Microsoft.Playwright;
using SecondaryPortal.E2E.Tests.Support;

namespace SecondaryPortal.E2E.Tests.Accounts;

/// <summary>A fresh install in a real browser: the first visit creates the admin, then a customer signs up.</summary>
public sealed class SignUpTests
{
    [Fact]
    public async Task FreshInstall_FirstVisitCreatesTheAdmin_ThenACustomerSignsUp_AndSeesOnlyTheirOwnName()
    {
        await using var portal = await PortalProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync(portal.Address, nameof(SignUpTests));
        var page = browser.Page;

        await page.GotoAsync("/");
        Assert.EndsWith("/setup", page.Url, StringComparison.Ordinal);
        await browser.ScreenshotAsync("setup");
        await page.FillAsync("#email", "admin@example.com");
        await page.FillAsync("#password", "Admin-password-1");
        await page.FillAsync("#confirm", "Admin-password-1");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("nav")).ToContainTextAsync("admin@example.com (admin)");
        await browser.ScreenshotAsync("dashboard");

        await page.ClickAsync("text=Sign out");
        await page.ClickAsync("text=Sign up");
        await page.FillAsync("#email", "customer@example.com");
        await page.FillAsync("#password", "Customer-pass-1");
        await page.FillAsync("#confirm", "Customer-pass-2");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("form")).ToContainTextAsync("The two passwords differ.");
        await browser.ScreenshotAsync("sign-up-error");
        await page.FillAsync("#password", "Customer-pass-1");
        await page.FillAsync("#confirm", "Customer-pass-1");
        await page.ClickAsync("button[type=submit]");

        await Assertions.Expect(page.Locator("nav")).ToContainTextAsync("customer@example.com");
        Assert.DoesNotContain("(admin)", await page.Locator("nav").InnerTextAsync(), StringComparison.Ordinal);
    }
}
