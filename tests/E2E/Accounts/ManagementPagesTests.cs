using Microsoft.Playwright;
using SecondaryPortal.E2E.Tests.Support;

namespace SecondaryPortal.E2E.Tests.Accounts;

/// <summary>
/// The interactive keys, primaries, tokens and accounts pages in a real browser (over the circuit): every input found by
/// its label, confirmations in dialogs, and an account the admin disables cannot sign in.
/// </summary>
public sealed class ManagementPagesTests
{
    [Fact]
    public async Task Customer_CreatesAKeyAPrimaryAndAToken_ThenTheAdminDisablesTheAccount_WhichCannotSignIn()
    {
        await using var portal = await PortalProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync(portal.Address, nameof(ManagementPagesTests));
        var page = browser.Page;
        await UserJourney.SignUpCustomerAsync(page, "alice@example.com");

        // TSIG key: the secret is checked as typed, Generate fills a valid one, the key is listed.
        await OpenAsync(page, "/keys");
        await Assertions.Expect(page.Locator("#no-keys")).ToBeVisibleAsync();
        await page.GetByLabel("Name").FillAsync("alice-transfer");
        await page.GetByLabel("Secret (base64)").FillAsync("abc$");
        await Assertions.Expect(page.Locator("#create-key")).ToContainTextAsync("'$' at position 4");
        await browser.ScreenshotAsync("keys-bad-secret");
        await page.ClickAsync("#generate-secret");
        await Assertions.Expect(page.Locator("#create-key")).ToContainTextAsync("32 octets of valid base64");
        await page.ClickAsync("#create-key-button");
        await Assertions.Expect(page.Locator("td[data-key='alice-transfer.']")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("keys");

        // Saved primary: a bad address is refused beside its field, then saved with the key.
        await OpenAsync(page, "/primaries");
        await page.GetByLabel("Name").FillAsync("office");
        await page.GetByLabel("IP address").FillAsync("not-an-address");
        await page.ClickAsync("#add-primary-button");
        await Assertions.Expect(page.Locator("#add-primary .mud-input-error").First).ToBeVisibleAsync();
        await browser.ScreenshotAsync("primaries-bad-address");
        await page.GetByLabel("IP address").FillAsync("192.0.2.1");
        await page.ClickAsync("#add-primary-button");
        await Assertions.Expect(page.Locator("td[data-primary='office']")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("primaries");

        // API token: shown once in a dialog, then revoked after a confirmation.
        await OpenAsync(page, "/account/tokens");
        await page.GetByLabel("Name").FillAsync("ci");
        await page.ClickAsync("#create-token-button");
        var token = page.GetByLabel("Your new token");
        await Assertions.Expect(token).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^sp_"));
        await browser.ScreenshotAsync("token-created");
        await page.ClickAsync("#token-done");
        await Assertions.Expect(page.Locator("td[data-token='ci']")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("tokens");
        await page.ClickAsync("button[aria-label='Revoke token ci']");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("Revoke token ci?");
        await page.ClickAsync(".mud-dialog button:has-text('Revoke')");
        await Assertions.Expect(page.Locator("#no-tokens")).ToBeVisibleAsync();

        // The admin disables the account after a dialog; its sign-in is refused.
        await page.ClickAsync("text=Sign out");
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", "admin@example.com");
        await page.FillAsync("#password", UserJourney.Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#account-nav")).ToContainTextAsync("(admin)");
        await OpenAsync(page, "/admin/accounts");
        await Assertions.Expect(page.Locator("td[data-account='alice@example.com']")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("accounts");
        await page.ClickAsync("button[aria-label='Disable alice@example.com']");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("Disable alice@example.com?");
        await browser.ScreenshotAsync("accounts-disable-dialog");
        await page.ClickAsync(".mud-dialog button:has-text('Disable')");
        await Assertions.Expect(page.Locator("tr:has(td[data-account='alice@example.com']) td[data-status]")).ToHaveAttributeAsync("data-status", "disabled");
        await browser.ScreenshotAsync("accounts-disabled");

        await page.ClickAsync("text=Sign out");
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", "alice@example.com");
        await page.FillAsync("#password", UserJourney.Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("until an admin enables it again");
    }

    /// <summary>
    /// Opens an interactive page and waits for its circuit: prerendered, the layout's theme button carries the static
    /// fallback (data-theme-toggle); rendered over the circuit it does not, and typing reaches the page from then on.
    /// </summary>
    private static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await Assertions.Expect(page.Locator("[data-theme-toggle]")).ToHaveCountAsync(0);
    }
}
