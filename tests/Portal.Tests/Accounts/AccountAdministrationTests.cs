using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneFiles;
using SecondaryPortal.Engine.Zones;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Services.Keys;
using SecondaryPortal.Portal.Tests.Support;

namespace SecondaryPortal.Portal.Tests.Accounts;

/// <summary>An admin disables, re-enables, deletes and promotes accounts (AccountService), and never locks themselves out.</summary>
public sealed class AccountAdministrationTests : IAsyncLifetime
{
    private const string Password = "Account-pass-1";
    private readonly PortalApiFactory _portal = new();
    private string _admin = default!;
    private string _customer = default!;

    public async Task InitializeAsync()
    {
        _ = _portal.Server;
        _admin = await CreateAsync("admin@example.com", admin: true);
        _customer = await CreateAsync("customer@example.com", admin: false);
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Disable_RefusesSignInAndTheApiTokens_AndEnableGivesBothBack()
    {
        var token = (await _portal.Services.GetRequiredService<ApiTokenService>().CreateAsync(_customer, "ci")).Token!;
        Assert.Equal(HttpStatusCode.OK, await MeAsync(token));

        var disabled = await WithAccountsAsync(accounts => accounts.DisableAsync(_admin, _customer));

        Assert.True(disabled.Succeeded, disabled.Message);
        Assert.Equal("customer@example.com is disabled: it cannot sign in and its API tokens are refused.", disabled.Message);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(token));
        Assert.True((await SignInAsync("customer@example.com")).IsLockedOut);
        Assert.True((await ListAsync()).Single(a => a.Id == _customer).IsDisabled);

        var enabled = await WithAccountsAsync(accounts => accounts.EnableAsync(_admin, _customer));

        Assert.True(enabled.Succeeded, enabled.Message);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(token));
        Assert.True((await SignInAsync("customer@example.com")).Succeeded);
        Assert.False((await ListAsync()).Single(a => a.Id == _customer).IsDisabled);
    }

    [Fact]
    public async Task AFewFailedSignIns_LockForMinutes_ButDoNotCountAsDisabled()
    {
        using var scope = _portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByIdAsync(_customer))!;
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddMinutes(5));

        Assert.False(AccountService.IsDisabled(user));
        Assert.False((await ListAsync()).Single(a => a.Id == _customer).IsDisabled);
    }

    [Fact]
    public async Task SetAdmin_PromotesAndDemotes_AndTheRoleShowsInTheList()
    {
        var promoted = await WithAccountsAsync(accounts => accounts.SetAdminAsync(_admin, _customer, admin: true));
        Assert.True(promoted.Succeeded, promoted.Message);
        Assert.True((await ListAsync()).Single(a => a.Id == _customer).IsAdmin);

        var demoted = await WithAccountsAsync(accounts => accounts.SetAdminAsync(_admin, _customer, admin: false));
        Assert.True(demoted.Succeeded, demoted.Message);
        Assert.Equal("customer@example.com is a customer again: it sees only its own zones, keys and primaries.", demoted.Message);
        Assert.False((await ListAsync()).Single(a => a.Id == _customer).IsAdmin);
    }

    [Fact]
    public async Task AnAdmin_CannotDisableDeleteOrDemoteTheirOwnAccount()
    {
        var disable = await WithAccountsAsync(accounts => accounts.DisableAsync(_admin, _admin));
        var delete = await WithAccountsAsync(accounts => accounts.DeleteAsync(_admin, _admin));
        var demote = await WithAccountsAsync(accounts => accounts.SetAdminAsync(_admin, _admin, admin: false));

        Assert.False(disable.Succeeded);
        Assert.Equal("You cannot disable your own account: that would lock you out. Another admin can.", disable.Message);
        Assert.False(delete.Succeeded);
        Assert.Equal("You cannot delete your own account: that would lock you out. Another admin can.", delete.Message);
        Assert.False(demote.Succeeded);
        Assert.Equal("You cannot take the admin role from your own account: that would lock you out. Another admin can.", demote.Message);
        var me = (await ListAsync()).Single(a => a.Id == _admin);
        Assert.True(me.IsAdmin);
        Assert.False(me.IsDisabled);
        Assert.True((await SignInAsync("admin@example.com")).Succeeded);
    }

    [Fact]
    public async Task Delete_IsRefusedWhileTheAccountHoldsZones_ThenRemovesItWithItsTokensAndKeys()
    {
        var tokens = _portal.Services.GetRequiredService<ApiTokenService>();
        var token = (await tokens.CreateAsync(_customer, "ci")).Token!;
        var key = await _portal.Services.GetRequiredService<TsigKeyService>().CreateAsync(new AccountScope(_customer, false), "customer-key.", "hmac-sha256",
            Convert.ToBase64String(new byte[32]));
        Assert.True(key.Succeeded, key.Message);
        var name = DnsName.Parse("held.example.");
        var store = _portal.Services.GetRequiredService<ZoneStore>();
        var imported = await store.ImportAsync(name, ZoneFileParser.Parse(ZoneTexts.Simple("held.example.", 1), name), new ZoneImportOptions { OwnerId = _customer });
        Assert.True(imported.Succeeded, imported.Message);

        var refused = await WithAccountsAsync(accounts => accounts.DeleteAsync(_admin, _customer));

        Assert.False(refused.Succeeded);
        Assert.Equal("customer@example.com still holds 1 zone: delete them first, or disable the account instead.", refused.Message);
        Assert.Contains(await ListAsync(), a => a.Id == _customer);

        Assert.True(await store.RemoveAsync(name));
        var deleted = await WithAccountsAsync(accounts => accounts.DeleteAsync(_admin, _customer));

        Assert.True(deleted.Succeeded, deleted.Message);
        Assert.DoesNotContain(await ListAsync(), a => a.Id == _customer);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(token));
        Assert.Empty(await _portal.Services.GetRequiredService<TsigKeyService>().ListAsync(new AccountScope(_admin, true)));
        var again = await WithAccountsAsync(accounts => accounts.DeleteAsync(_admin, _customer));
        Assert.Equal("That account no longer exists.", again.Message);
    }

    private async Task<string> CreateAsync(string email, bool admin)
    {
        var created = await WithAccountsAsync(accounts => accounts.CreateAsync(email, Password, admin));
        Assert.True(created.Succeeded, created.Message);
        return created.UserId!;
    }

    private Task<IReadOnlyList<AccountInfo>> ListAsync() => WithAccountsAsync(accounts => accounts.ListAsync());

    private async Task<T> WithAccountsAsync<T>(Func<AccountService, Task<T>> action)
    {
        using var scope = _portal.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<AccountService>());
    }

    private async Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(string email)
    {
        using var scope = _portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        // The check sign-in makes before it sets a cookie: a disabled account is locked out before its password is tried.
        return await scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>().CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true);
    }

    private async Task<HttpStatusCode> MeAsync(string token)
    {
        using var client = _portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/api/v1/me");
        return response.StatusCode;
    }
}
