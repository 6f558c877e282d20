using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneFiles;
using SecondaryPortal.Engine.Zones;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Tests.Support;

namespace SecondaryPortal.Portal.Tests.Zones;

/// <summary>Accounts and zones on a running portal, and a browser signed in as one of them.</summary>
internal static class PortalSession
{
    public const string Password = "Correct-horse-9";

    /// <summary>Creates an account and returns its user id.</summary>
    public static async Task<string> CreateAccountAsync(RunningPortal portal, string email, bool admin = false)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, Password, admin);
        Assert.True(created.Succeeded, created.Message);
        return created.UserId!;
    }

    /// <summary>A browser signed in as <paramref name="email"/>.</summary>
    public static async Task<PortalClient> SignInAsync(RunningPortal portal, string email)
    {
        var browser = portal.Client();
        var login = await browser.PageAsync("/account/login");
        using var signedIn = await browser.SubmitAsync(login, "form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    /// <summary>Imports an authoritative zone owned by <paramref name="ownerId"/>; returns its id.</summary>
    public static async Task<long> ImportAsync(RunningPortal portal, string origin, string ownerId, uint serial = 1)
    {
        var name = DnsName.Parse(origin);
        var result = await portal.Services.GetRequiredService<ZoneStore>().ImportAsync(name, ZoneFileParser.Parse(ZoneTexts.Simple(origin, serial), name),
            new ZoneImportOptions { OwnerId = ownerId });
        Assert.True(result.Status == ZoneImportStatus.Imported, result.Message);
        return result.ZoneId;
    }
}
