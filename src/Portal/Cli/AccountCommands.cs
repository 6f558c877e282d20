using SecondaryPortal.Portal.Accounts;

namespace SecondaryPortal.Portal.Cli;

/// <summary>
/// <c>user create --email E --password P [--admin]</c> and <c>token create --email E [--name N]</c>: accounts and API
/// tokens from the command line, for operators and scripts (the token is printed once, alone on its line).
/// </summary>
internal sealed class AccountCommands(IServiceProvider services, TextWriter output, TextWriter error)
{
    /// <summary>True for the verbs this class runs.</summary>
    public static bool Handles(IReadOnlyList<string> words) => words is ["user", ..] or ["token", ..];

    /// <summary>Runs the verb in <paramref name="words"/> with its <paramref name="options"/>.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> words, IReadOnlyList<KeyValuePair<string, string?>> options, CancellationToken cancellationToken)
    {
        string? Option(string name) => options.LastOrDefault(o => o.Key == name).Value;
        bool Flag(string name) => options.Any(o => o.Key == name);
        var unexpected = options.FirstOrDefault(o => o.Key is not ("email" or "password" or "admin" or "name"));
        if (unexpected.Key is not null)
            return await CliApplication.Fail(error, $"--{unexpected.Key} is not an option of '{string.Join(' ', words)}'");
        return words switch
        {
            ["user", "create"] => await CreateUserAsync(Option("email"), Option("password"), Flag("admin")),
            ["token", "create"] => await CreateTokenAsync(Option("email"), Option("name"), cancellationToken),
            ["user", ..] => await CliApplication.Fail(error, "usage: user create --email E --password P [--admin]"),
            _ => await CliApplication.Fail(error, "usage: token create --email E [--name N]"),
        };
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
