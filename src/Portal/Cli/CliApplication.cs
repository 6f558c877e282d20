using Microsoft.EntityFrameworkCore;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Hosting;

namespace SecondaryPortal.Portal.Cli;

/// <summary>
/// The command-line verbs of the same binary: they read the server's configuration, do one thing to the
/// store, print what happened and exit with 0 (success) or 1 (any error).
/// </summary>
public static partial class CliApplication
{
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal) { "zone", "user", "token", "help" };

    /// <summary>True when <paramref name="args"/> name a verb (or ask for help) rather than run the server.</summary>
    public static bool IsCommand(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parsed = CliArguments.Parse(args);
        return parsed.Help || (parsed.Words.Count > 0 && Verbs.Contains(parsed.Words[0]));
    }

    /// <summary>Runs the verb in <paramref name="args"/>, writing results to <paramref name="output"/> and errors to <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var parsed = CliArguments.Parse(args);
        if (parsed.Help || parsed.Words is ["help", ..])
        {
            await output.WriteLineAsync(CliUsage.Text);
            return 0;
        }
        if (ZoneTransferCommands.IsTransferVerb(parsed.Words))
            return await ZoneTransferCommands.RunAsync(args, output, error, cancellationToken);
        if (parsed.UnknownOptions.Count > 0)
            return await Fail(error, $"unknown option {parsed.UnknownOptions[0]} (configuration overrides are written --Key=Value; see --help)");
        if (parsed.Words is not (["zone", _, ..] or ["user", ..] or ["token", ..]))
            return await Fail(error, "expected a verb such as 'zone import', 'zone add', 'zone status', 'zone list' or 'user create' (see --help)");

        ServiceProvider services;
        try
        {
            services = CliServices.Build(PortalConfiguration.BuildForCommandLine(parsed.Overrides));
        }
        catch (InvalidOperationException e)
        {
            return await Fail(error, e.Message); // a configuration error, worded for the operator
        }
        await using (services)
        {
            try
            {
                await services.GetRequiredService<StoreMigrator>().MigrateAsync(cancellationToken);
                if (AccountCommands.Handles(parsed.Words))
                {
                    await new AccountMigrationHostedService(services.GetRequiredService<IDbContextFactory<AccountDbContext>>()).StartAsync(cancellationToken);
                    return await new AccountCommands(services, output, error).RunAsync(parsed.Words, parsed.Options, cancellationToken);
                }
                var words = parsed.Words.Skip(1).ToList();
                if (SecondaryZoneCommands.Handles(words[0]))
                    return await new SecondaryZoneCommands(services, output, error).RunAsync(words, parsed.Options, cancellationToken);
                if (parsed.Options.Count > 0)
                    return await Fail(error, $"--{parsed.Options[0].Key} is an option of 'zone add' only");
                var commands = new ZoneCommands(services, output, error);
                return await commands.RunAsync(words, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The one catch-all of a verb: the details go to the log (stderr), the user gets one plain line.
                LogVerbFailed(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CliApplication)), e, string.Join(' ', parsed.Words.Take(2)));
                return await Fail(error, $"'{string.Join(' ', parsed.Words.Take(2))}' failed: the store at {StorageConfiguration.DataDirectory(services.GetRequiredService<IConfiguration>())} could not be used (details above).");
            }
        }
    }

    internal static async Task<int> Fail(TextWriter error, string message)
    {
        await error.WriteLineAsync("error: " + message);
        return 1;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The command {Verb} failed")]
    private static partial void LogVerbFailed(ILogger logger, Exception exception, string verb);
}
