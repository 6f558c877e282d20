using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Tests.Support;
using AccountsPage = SecondaryPortal.Portal.Components.Pages.Admin.Accounts;

using static SecondaryPortal.Portal.Tests.Support.InteractivePageHost;

namespace SecondaryPortal.Portal.Tests.Accounts;

/// <summary>The admin's interactive accounts page in bUnit, on the real server's services.</summary>
public sealed class AccountsPageTests : IAsyncLifetime
{
    private InteractivePageHost _host = default!;

    public async Task InitializeAsync() => _host = await InteractivePageHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Accounts_AreListedByEmail_WithRoleAndStatus_AndTheAdminsOwnRowHasNoActions()
    {
        var (context, _) = _host.Context(admin: true);

        var page = context.Render<AccountsPage>();

        page.WaitForAssertion(() => Assert.Equal(["admin@example.com", "alice@example.com"], Emails(page)), Wait);
        Assert.Equal(["admin", "customer"], page.FindAll("td[data-role]").Select(td => td.GetAttribute("data-role")!));
        Assert.Equal(["active", "active"], page.FindAll("td[data-status]").Select(td => td.GetAttribute("data-status")!));
        Assert.Equal("2 of 2 accounts", page.Find("#account-count").TextContent.Trim());
        var own = page.FindAll("#accounts tbody tr")[0];
        Assert.Empty(own.QuerySelectorAll("button[data-action]"));
        Assert.Contains("another admin can change it", own.TextContent, StringComparison.Ordinal);
        Assert.Equal(["promote", "disable", "delete"], page.FindAll("#accounts tbody tr")[1].QuerySelectorAll("button[data-action]").Select(b => b.GetAttribute("data-action")!));
    }

    [Fact]
    public async Task Search_PagesInTheDatabase_AndNoMatchSaysSo()
    {
        for (int i = 0; i < 3; i++)
            await _host.CreateAccountAsync($"shop{i}@example.net", admin: false);
        var (context, _) = _host.Context(admin: true);
        var page = context.Render<AccountsPage>();
        page.WaitForAssertion(() => Assert.Equal(5, Emails(page).Count), Wait);

        page.Find("#account-search").Input("SHOP");
        page.WaitForAssertion(() => Assert.Equal(["shop0@example.net", "shop1@example.net", "shop2@example.net"], Emails(page)), Wait);
        Assert.Equal("3 of 5 accounts", page.Find("#account-count").TextContent.Trim());

        page.Find("#account-search").Input("nobody");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#no-matches")), Wait);
    }

    [Fact]
    public void Invite_WithABadEmail_SaysSoBesideTheField_AndAGoodOneShowsTheFirstPasswordOnce()
    {
        var (context, _) = _host.Context(admin: true);
        var page = context.Render<AccountsPage>();

        page.Find("#invite-email").Input("not an email");
        page.Find("#invite-button").Click();
        page.WaitForAssertion(() => Assert.Contains("Enter an email address such as name@example.com.", page.Find("#invite").TextContent, StringComparison.Ordinal), Wait);

        page.Find("#invite-email").Input("new@example.com");
        page.Find("#invite-button").Click();

        page.WaitForAssertion(() => Assert.Equal(20, page.Find("[data-testid=invited-password]").TextContent.Trim().Length), Wait);
        page.WaitForAssertion(() => Assert.Contains("new@example.com", Emails(page)), Wait);
    }

    [Fact]
    public async Task Disable_AsksFirst_CancelChangesNothing_ConfirmDisables_ThenEnableGivesItBack()
    {
        var (context, dialogs) = _host.Context(admin: true);
        var page = context.Render<AccountsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, Emails(page).Count), Wait);

        page.Find("button[aria-label='Disable alice@example.com']").Click();
        Assert.Contains("Disable alice@example.com?", Answer(dialogs, "Cancel"), StringComparison.Ordinal);
        Assert.False(await IsDisabledAsync(_host.CustomerId));

        page.Find("button[aria-label='Disable alice@example.com']").Click();
        Answer(dialogs, "Disable");
        page.WaitForAssertion(() => Assert.Equal("disabled", page.FindAll("td[data-status]")[1].GetAttribute("data-status")), Wait);
        Assert.True(await IsDisabledAsync(_host.CustomerId));
        Assert.Contains("alice@example.com is disabled: it cannot sign in and its API tokens are refused.", Snackbars(context));

        page.Find("button[aria-label='Enable alice@example.com']").Click();
        Answer(dialogs, "Enable");
        page.WaitForAssertion(() => Assert.Equal("active", page.FindAll("td[data-status]")[1].GetAttribute("data-status")), Wait);
        Assert.False(await IsDisabledAsync(_host.CustomerId));
    }

    [Fact]
    public void MakeAdmin_ThenRemoveAdmin_ChangeTheRole_AfterTheirDialogs()
    {
        var (context, dialogs) = _host.Context(admin: true);
        var page = context.Render<AccountsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, Emails(page).Count), Wait);

        page.Find("button[aria-label='Make an admin of alice@example.com']").Click();
        Answer(dialogs, "Make admin");
        page.WaitForAssertion(() => Assert.Equal("admin", page.FindAll("td[data-role]")[1].GetAttribute("data-role")), Wait);

        page.Find("button[aria-label='Take the admin role from alice@example.com']").Click();
        Answer(dialogs, "Remove admin");
        page.WaitForAssertion(() => Assert.Equal("customer", page.FindAll("td[data-role]")[1].GetAttribute("data-role")), Wait);
    }

    [Fact]
    public void Delete_Confirmed_RemovesTheAccountFromTheList()
    {
        var (context, dialogs) = _host.Context(admin: true);
        var page = context.Render<AccountsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, Emails(page).Count), Wait);

        page.Find("button[aria-label='Delete alice@example.com']").Click();
        Answer(dialogs, "Delete");

        page.WaitForAssertion(() => Assert.Equal(["admin@example.com"], Emails(page)), Wait);
        Assert.Contains(Snackbars(context), m => m.StartsWith("alice@example.com is deleted", StringComparison.Ordinal));
    }

    private async Task<bool> IsDisabledAsync(string id)
    {
        using var scope = _host.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<AccountService>().ListAsync()).Single(a => a.Id == id).IsDisabled;
    }

    private static List<string> Emails(IRenderedComponent<AccountsPage> page) =>
        page.FindAll("td[data-account]").Select(cell => cell.GetAttribute("data-account")!).ToList();
}
