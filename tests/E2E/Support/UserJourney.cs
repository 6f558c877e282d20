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
        await Assertions.Expect(page.Locator("nav")).ToContainTextAsync("(admin)");
        await page.ClickAsync("text=Sign out");
        await page.GotoAsync("/account/register");
        await FillAccountAsync(page, email);
        await Assertions.Expect(page.Locator("nav")).ToContainTextAsync(email);
    }

    /// <summary>Asks <c>dig</c> our responder for <paramref name="name"/>'s A records until <paramref name="expected"/> is the answer (10 s at most).</summary>
    public static async Task<string> DigUntilAsync(System.Net.IPEndPoint dns, string name, string expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        string answer;
        do
        {
            var dig = await ExternalTool.RunAsync("dig", null, null, $"@{dns.Address}", "-p", dns.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                name, "A", "+short", "+tries=1", "+time=1");
            answer = dig.Output.Trim();
            if (answer == expected)
                return answer;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        return answer;
    }

    private static async Task FillAccountAsync(IPage page, string email)
    {
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.FillAsync("#confirm", Password);
        await page.ClickAsync("button[type=submit]");
    }
}
