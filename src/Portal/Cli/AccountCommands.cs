using System.CommandLine;
using SecondaryPortal.Portal.Accounts;

namespace SecondaryPortal.Portal.Cli;

/// <summary>
/// <c>user create --email E --password P [--admin]</c> and <c>token create --email E [--name N]</c>: accounts and API
/// tokens from the command line, for operators and scripts (the token is printed once, alone on its line).
/// </summary>
internal sealed class AccountCommands(IServiceProvider services, TextWriter output, TextWriter error)
{
    /// <summary><c>user create --email E --password P [--admin]</c>, run through <paramref name="runner"/>.</summary>
    public static Command CreateUser(CliVerbRunner runner)
    {
        var email = new Option<string?>("--email") { HelpName = "E", Description = "The account's email, its login." };
        var password = new Option<string?>("--password") { HelpName = "P", Description = "Its password (at least 10 characters)." };
        var admin = new Option<bool>("--admin") { Description = "An admin sees every account's zones." };
        var create = new Command("create", "Create a portal account.") { email, password, admin };
        create.SetAction((result, cancellationToken) => runner.RunAsync(result, (services, output, error) =>
            new AccountCommands(services, output, error).CreateUserAsync(result.GetValue(email), result.GetValue(password), result.GetValue(admin)), true, cancellationToken));
        return new Command("user", "Portal accounts.") { create };
    }

    /// <summary><c>token create --email E [--name N]</c>, run through <paramref name="runner"/>.</summary>
    public static Command CreateToken(CliVerbRunner runner)
    {
        var email = new Option<string?>("--email") { HelpName = "E", Description = "The account the token acts as." };
        var name = new Option<string?>("--name") { HelpName = "N", Description = "A name to tell the token apart." };
        var create = new Command("create", "Print a new API token of an account (shown once).") { email, name };
        create.SetAction((result, cancellationToken) => runner.RunAsync(result, (services, output, error) =>
            new AccountCommands(services, output, error).CreateTokenAsync(result.GetValue(email), result.GetValue(name), cancellationToken), true, cancellationToken));
        return new Command("token", "API tokens.") { create };
    }

    private async Task<int> CreateUserAsync(string? email, string? password, bool admin)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
            return await CliApplication.Fail(error, "usage: user create --email E --password P [--admin]");
        using var scope = services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, password, admin);
        if (!created.Succeeded)
            return await CliApplication.Fail(error, created.Message);
        await output.WriteLineAsync(created.Message);
        return 0;
    }

    private async Task<int> CreateTokenAsync(string? email, string? name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email))
            return await CliApplication.Fail(error, "usage: token create --email E [--name N]");
        using var scope = services.CreateScope();
        if (await scope.ServiceProvider.GetRequiredService<AccountService>().FindByEmailAsync(email) is not { } user)
            return await CliApplication.Fail(error, $"no account has the email {email.Trim()}");
        var created = await services.GetRequiredService<ApiTokenService>().CreateAsync(user.Id, name, cancellationToken);
        if (created.Token is null)
            return await CliApplication.Fail(error, created.Message);
        await output.WriteLineAsync(created.Token);
        return 0;
    }
}
