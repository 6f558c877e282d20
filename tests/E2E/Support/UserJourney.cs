using Microsoft.Playwright;

namespace SecondaryPortal.E2E.Tests.Support;

/// <summary>Steps every journey starts with: the fresh install's admin, then a customer who signs up.</summary>
public static class UserJourney
{
    public const string Password = "Journey-pass-1";

    /// <summary>Creates the admin on the set-up page, signs out, and signs <paramref name="email"/> up as a customer.</summary>
    public static async Task SignUpCustomerAsync(IPage page, string email)
    {
        await page.GotoAsync("/setup");
        await FillAccountAsync(page, "admin@example.com");
        await Assertions.Expect(page.Locator("#account-nav")).ToContainTextAsync("(admin)");
        await page.ClickAsync("text=Sign out");
        await page.GotoAsync("/account/register");
        await FillAccountAsync(page, email);
        await Assertions.Expect(page.Locator("#account-nav")).ToContainTextAsync(email);
    }

    /// <summary>Asks <c>dig</c> our responder for <paramref name="name"/>'s A records until <paramref name="expected"/> is the answer (10 s at most).</summary>
    public static Task<string> DigUntilAsync(System.Net.IPEndPoint dns, string name, string expected) => DigUntilAsync(dns, name, "A", expected);

    /// <summary>
    /// Asks <c>dig +short</c> our responder for <paramref name="name"/>'s <paramref name="type"/> records until the answer, or
    /// the part <paramref name="pick"/> takes of it, is <paramref name="expected"/> (10 s at most); returns the last seen.
    /// </summary>
    public static async Task<string> DigUntilAsync(System.Net.IPEndPoint dns, string name, string type, string expected, Func<string, string>? pick = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        string answer;
        do
        {
            answer = (await DigAsync(dns, name, type, "+short", "+time=1")).Trim();
            if (answer.Length > 0 && pick is not null)
                answer = pick(answer);
            if (answer == expected)
                return answer;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        return answer;
    }

    /// <summary>Sends one query with <c>dig</c> (one try, no retry) and returns what it printed.</summary>
    public static async Task<string> DigAsync(System.Net.IPEndPoint dns, string name, string type, params string[] options)
    {
        var dig = await ExternalTool.RunAsync("dig", null, null, [$"@{dns.Address}", "-p", dns.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            name, type, "+tries=1", .. options]);
        return dig.Output;
    }

    /// <summary>Creates an authoritative zone from <paramref name="zoneFile"/> in the Add Site wizard and finishes it (the zone page opens).</summary>
    public static async Task CreateAuthoritativeZoneAsync(IPage page, string domain, string zoneFile)
    {
        await page.GotoAsync("/sites/new");
        await page.FillAsync("#domain", domain);
        await page.CheckAsync("input[name='Form.Kind'][value=Authoritative]");
        await page.ClickAsync("button.btn-primary:has-text('Next')");
        await page.CheckAsync("#source-file");
        await page.FillAsync("#zone-text", zoneFile);
        await page.ClickAsync("#create-authoritative");
        await Assertions.Expect(page.Locator("#records")).ToBeVisibleAsync();
        await page.ClickAsync("#finish-site button[type=submit]");
        await Assertions.Expect(page.Locator("#zone-name")).ToContainTextAsync(domain);
    }

    private static async Task FillAccountAsync(IPage page, string email)
    {
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.FillAsync("#confirm", Password);
        await page.ClickAsync("button[type=submit]");
    }
}
