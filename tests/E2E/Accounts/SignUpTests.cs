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
        await Assertions.Expect(page.Locator("#account-nav")).ToContainTextAsync("admin@example.com (admin)");
        await Assertions.Expect(page.Locator("#no-zones")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("dashboard");
        // The theme choice is remembered: dark after a click, still dark on the next page (a static one, rendered with it).
        await page.ClickAsync("button[aria-label='Switch to the dark theme']");
        await Assertions.Expect(page.Locator("button[aria-label='Switch to the light theme']")).ToBeVisibleAsync();
        await page.GotoAsync("/keys");
        await Assertions.Expect(page.Locator("button[aria-label='Switch to the light theme']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#no-keys")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("keys-dark");
        await page.GotoAsync("/account/password"); // a static page: rendered dark from the cookie, its button falls back to portal.js
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", "dark");
        await page.ClickAsync("[data-theme-toggle]");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", "light");

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

        await Assertions.Expect(page.Locator("#account-nav")).ToContainTextAsync("customer@example.com");
        Assert.DoesNotContain("(admin)", await page.Locator("#account-nav").InnerTextAsync(), StringComparison.Ordinal);
    }
}
