using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Hosting;

namespace SecondaryPortal.Portal.Cli;

/// <summary>
/// Runs a parsed verb: builds the services with the server's configuration and the command line's overrides, brings the
/// store up to date, runs the verb and turns any failure into one plain error line (the details go to the log, stderr).
/// </summary>
internal sealed partial class CliVerbRunner
{
    /// <summary>The <c>--Key=Value</c> configuration overrides of the command line, in order (set by <see cref="CliCommandLine.Parse"/>).</summary>
    public IReadOnlyList<string> Overrides { get; set; } = [];

    /// <summary>
    /// Runs <paramref name="verb"/> with the services, the output and the error writer of <paramref name="result"/>'s invocation;
    /// <paramref name="accounts"/> also brings the account store up to date.
    /// </summary>
    /// <returns>The verb's exit code, or 1 when the configuration or the store could not be used.</returns>
    public async Task<int> RunAsync(ParseResult result, Func<IServiceProvider, TextWriter, TextWriter, Task<int>> verb, bool accounts, CancellationToken cancellationToken)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        string name = CliCommandLine.VerbName(result.CommandResult.Command);
        ServiceProvider services;
        try
        {
            services = CliServices.Build(PortalConfiguration.BuildForCommandLine(Overrides));
        }
        catch (InvalidOperationException e)
        {
            return await CliApplication.Fail(error, e.Message); // a configuration error, worded for the operator
        }
        await using (services)
        {
            try
            {
                await services.GetRequiredService<StoreMigrator>().MigrateAsync(cancellationToken);
                if (accounts)
                    await new AccountMigrationHostedService(services.GetRequiredService<IDbContextFactory<AccountDbContext>>()).StartAsync(cancellationToken);
                return await verb(services, output, error);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The one catch-all of a verb: the details go to the log (stderr), the user gets one plain line.
                LogVerbFailed(services.GetRequiredService<ILoggerFactory>().CreateLogger<CliVerbRunner>(), e, name);
                return await CliApplication.Fail(error, $"'{name}' failed: the store at {StorageConfiguration.DataDirectory(services.GetRequiredService<IConfiguration>())} could not be used (details above).");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The command {Verb} failed")]
    private static partial void LogVerbFailed(ILogger logger, Exception exception, string verb);
}
