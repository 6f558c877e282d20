using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Tests.Support;

namespace SecondaryPortal.Portal.Tests.Sites;

/// <summary>Accounts for the wizard's tests: created through the account service, signed in through the real sign-in form.</summary>
internal static class SiteAccounts
{
    public const string Password = "Correct-horse-9";

    /// <summary>Creates the account (the first one on a fresh store is created as the admin, so that customers come after it).</summary>
    public static async Task<AccountScope> CreateAsync(RunningPortal portal, string email, bool admin = false)
    {
        using var scope = portal.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var created = await accounts.CreateAsync(email, Password, admin);
        Assert.True(created.Succeeded, created.Message);
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email);
        return new AccountScope(user!.Id, admin);
    }

    /// <summary>A customer account signed in in a new browser; an admin is created first when the store has none.</summary>
    public static async Task<(PortalClient Browser, AccountScope Scope)> SignedInCustomerAsync(RunningPortal portal, string email)
    {
        using (var scope = portal.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>();
            if (!users.Users.Any())
                await CreateAsync(portal, "admin@example.com", admin: true);
        }
        var account = await CreateAsync(portal, email);
        var browser = portal.Client();
        var login = await browser.PageAsync("/account/login");
        using var signedIn = await browser.SubmitAsync(login, "form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return (browser, account);
    }
}
