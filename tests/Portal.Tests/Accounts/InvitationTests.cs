using System.Net;
using SecondaryPortal.Portal.Tests.Support;

namespace SecondaryPortal.Portal.Tests.Accounts;

/// <summary>An admin invites a customer, who signs in with the first password and chooses their own.</summary>
public sealed class InvitationTests
{
    [Fact]
    public async Task AdminInvites_InvitedSignsInWithTheFirstPassword_AndChangesIt()
    {
        await using var portal = await RunningPortal.StartAsync();
        await AccountPagesTests.CreateAdminAsync(portal);
        // The admin's accounts page invites through AccountService.InviteAsync (AccountsPageTests shows the page doing it).
        string firstPassword;
        using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(portal.Services))
        {
            var (invited, password) = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<Portal.Accounts.AccountService>(scope.ServiceProvider).InviteAsync("new@example.com");
            Assert.True(invited.Succeeded, invited.Message);
            firstPassword = password!;
        }

        using var customer = portal.Client();
        await SignInAsync(customer, "new@example.com", firstPassword);
        var passwordPage = await customer.PageAsync("/account/password");
        var (_, changed) = await customer.SubmitAndReadAsync(passwordPage, "form[action]:not([action='account/logout'])", new Dictionary<string, string>
        {
            ["Input.Current"] = firstPassword, ["Input.Password"] = "Chosen-by-me-7", ["Input.ConfirmPassword"] = "Chosen-by-me-7",
        });
        Assert.Equal("Your password is changed.", changed!.QuerySelector("[data-testid=form-message]")!.TextContent);

        using var again = portal.Client();
        await SignInAsync(again, "new@example.com", "Chosen-by-me-7");
        using var forbidden = await again.GetAsync("/admin/accounts");
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode); // a customer is sent away from the admin's page
    }

    private static async Task SignInAsync(PortalClient client, string email, string password)
    {
        var login = await client.PageAsync("/account/login");
        using var response = await client.SubmitAsync(login, "form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
