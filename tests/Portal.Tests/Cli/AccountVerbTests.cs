using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Tests.Support;

namespace SecondaryPortal.Portal.Tests.Cli;

/// <summary>The <c>user create</c> and <c>token create</c> verbs.</summary>
public sealed class AccountVerbTests
{
    [Fact]
    public async Task UserCreate_ThenTokenCreate_PrintsATokenThatAuthenticatesAsThatAccount()
    {
        using var temp = new TempDataDirectory();
        var user = await Support.Cli.RunAsync("user", "create", "--email", "ops@example.com", "--password", "Ops-password-1", "--admin", temp.Override);
        Assert.True(user.ExitCode == 0, user.ToString());
        Assert.Equal("Created the admin account ops@example.com.", user.Output.Trim());

        var token = await Support.Cli.RunAsync("token", "create", "--email", "ops@example.com", "--name", "ci", temp.Override);
        Assert.True(token.ExitCode == 0, token.ToString());
        string printed = token.Output.Trim();
        Assert.StartsWith(ApiTokenService.TokenPrefix, printed, StringComparison.Ordinal);

        await using var portal = await RunningPortal.StartAsync(temp);
        using var http = new HttpClient { BaseAddress = portal.Address };
        string? userId = await portal.Services.GetRequiredService<ApiTokenService>().AuthenticateAsync(printed);
        using var scope = portal.Services.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<AccountService>().FindByEmailAsync("ops@example.com");
        Assert.Equal(account!.Id, userId);
        Assert.Null(await portal.Services.GetRequiredService<ApiTokenService>().AuthenticateAsync(printed + "x"));
    }

    [Fact]
    public async Task UserCreate_Twice_OrWithAWeakPassword_FailsWithTheReason()
    {
        using var temp = new TempDataDirectory();
        await Support.Cli.RunAsync("user", "create", "--email", "a@example.com", "--password", "Good-password-1", temp.Override);

        var twice = await Support.Cli.RunAsync("user", "create", "--email", "a@example.com", "--password", "Good-password-1", temp.Override);
        var weak = await Support.Cli.RunAsync("user", "create", "--email", "b@example.com", "--password", "short", temp.Override);
        var missing = await Support.Cli.RunAsync("user", "create", "--email", "c@example.com", temp.Override);

        Assert.Equal(1, twice.ExitCode);
        Assert.Contains("already exists", twice.Error, StringComparison.Ordinal);
        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("at least 10 characters", weak.Error, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("usage: user create", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenCreate_ForAnUnknownEmail_Fails()
    {
        using var temp = new TempDataDirectory();

        var token = await Support.Cli.RunAsync("token", "create", "--email", "nobody@example.com", temp.Override);

        Assert.Equal(1, token.ExitCode);
        Assert.Contains("no account has the email nobody@example.com", token.Error, StringComparison.Ordinal);
    }
}
