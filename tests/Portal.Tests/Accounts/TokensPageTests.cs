using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Components.Pages.Account;
using SecondaryPortal.Portal.Tests.Support;

using static SecondaryPortal.Portal.Tests.Support.InteractivePageHost;

namespace SecondaryPortal.Portal.Tests.Accounts;

/// <summary>The interactive API tokens page in bUnit, on the real server's services.</summary>
public sealed class TokensPageTests : IAsyncLifetime
{
    private InteractivePageHost _host = default!;

    public async Task InitializeAsync() => _host = await InteractivePageHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private ApiTokenService TokenService => _host.Services.GetRequiredService<ApiTokenService>();

    [Fact]
    public void Tokens_WithNone_ShowsTheEmptyState_AndALabelledNameField()
    {
        var (context, _) = _host.Context();

        var page = context.Render<Tokens>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#no-tokens")), Wait);
        Assert.Empty(page.FindAll("#tokens"));
        Assert.Equal("Name", page.Find("label[for=token-name]").TextContent.Trim());
    }

    [Fact]
    public async Task Tokens_OfTheAccount_AreListedNewestFirst_WithTheirPrefix_AndNotAnotherAccounts()
    {
        await TokenService.CreateAsync(_host.CustomerId, "first");
        var second = await TokenService.CreateAsync(_host.CustomerId, "second");
        await TokenService.CreateAsync(_host.AdminId, "the-admins");
        var (context, _) = _host.Context();

        var page = context.Render<Tokens>();

        page.WaitForAssertion(() => Assert.Equal(["second", "first"], Names(page)), Wait);
        Assert.Contains(second.Row!.Prefix + "…", page.Find("#tokens").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(second.Token!, page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("the-admins", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ShowsTheTokenOnceInADialog_WithACopyButton_ThenListsIt()
    {
        var (context, dialogs) = _host.Context();
        var page = context.Render<Tokens>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#no-tokens")), Wait);

        page.Find("#token-name").Input("ci");
        page.Find("#create-token-button").Click();

        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("#new-token")), Wait);
        string token = dialogs.Find("#new-token").GetAttribute("value")!;
        Assert.StartsWith("sp_", token, StringComparison.Ordinal);
        Assert.Equal(_host.CustomerId, await TokenService.AuthenticateAsync(token));
        dialogs.Find("#copy-token").Click();
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("#token-copied")), Wait);
        Assert.Contains(context.JSInterop.Invocations, call => call.Identifier == "navigator.clipboard.writeText" && (string?)call.Arguments[0] == token);
        dialogs.Find("#token-done").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")), Wait);

        page.WaitForAssertion(() => Assert.Equal(["ci"], Names(page)), Wait);
        Assert.DoesNotContain(token, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WithANameTooLong_SaysSoBesideTheField_AndCreatesNothing()
    {
        var (context, dialogs) = _host.Context();
        var page = context.Render<Tokens>();

        page.Find("#token-name").Input(new string('x', 101));
        page.Find("#create-token-button").Click();

        page.WaitForAssertion(() => Assert.Contains("A token name has at most 100 characters.", page.Find("#create-token").TextContent, StringComparison.Ordinal), Wait);
        Assert.Empty(dialogs.FindAll(".mud-dialog"));
        Assert.NotNull(page.Find("#no-tokens"));
    }

    [Fact]
    public async Task Revoke_AsksFirst_CancelKeepsTheToken_ConfirmRevokesIt()
    {
        var created = await TokenService.CreateAsync(_host.CustomerId, "ci");
        var (context, dialogs) = _host.Context();
        var page = context.Render<Tokens>();
        page.WaitForAssertion(() => Assert.Equal(["ci"], Names(page)), Wait);

        page.Find("button[aria-label='Revoke token ci']").Click();
        Assert.Contains("Revoke token ci?", Answer(dialogs, "Cancel"), StringComparison.Ordinal);
        Assert.NotNull(await TokenService.AuthenticateAsync(created.Token!));

        page.Find("button[aria-label='Revoke token ci']").Click();
        Answer(dialogs, "Revoke");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#no-tokens")), Wait);
        Assert.Null(await TokenService.AuthenticateAsync(created.Token!));
        Assert.Contains("The token ci is revoked: requests that use it are refused from now on.", Snackbars(context));
    }

    private static List<string> Names(IRenderedComponent<Tokens> page) =>
        page.FindAll("td[data-token]").Select(cell => cell.GetAttribute("data-token")!).ToList();
}
