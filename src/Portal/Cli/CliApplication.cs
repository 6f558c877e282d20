using System.CommandLine;
using System.CommandLine.Invocation;

namespace SecondaryPortal.Portal.Cli;

/// <summary>
/// The command-line verbs of the same binary, parsed by System.CommandLine: they read the server's configuration, do one
/// thing to the store, print what happened and exit with 0 (success) or 1 (any error, a usage error included).
/// Configuration overrides (<c>--Key=Value</c>, e.g. <c>--Storage:DataDirectory=DIR</c>) may stand anywhere, before or
/// after the verb; they go to the configuration and nowhere else (<see cref="CliOverrides"/>).
/// </summary>
public static class CliApplication
{
    /// <summary>
    /// True when <paramref name="args"/> name a verb (or ask for help) rather than run the server: anything the verbs do
    /// not recognise at the top level (no arguments, only overrides, host switches such as <c>--urls URL</c>) runs the server.
    /// </summary>
    public static bool IsCommand(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parsed = CliCommandLine.Parse(args, new CliVerbRunner());
        return parsed.Action is CliHelpAction || parsed.CommandResult.Command is not RootCommand;
    }

    /// <summary>Runs the verb in <paramref name="args"/>, writing results and help to <paramref name="output"/> and errors to <paramref name="error"/>.</summary>
    /// <returns>The exit code: 0 on success or help, 1 on a usage error or a failed verb.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var parsed = CliCommandLine.Parse(args, new CliVerbRunner());
        if (parsed.Action is ParseErrorAction)
            return await CliParseErrors.WriteAsync(parsed, error);
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        return await parsed.InvokeAsync(invocation, cancellationToken);
    }

    /// <summary>Writes "error: <paramref name="message"/>" to <paramref name="error"/> and returns the exit code 1.</summary>
    internal static async Task<int> Fail(TextWriter error, string message)
    {
        await error.WriteLineAsync("error: " + message);
        return 1;
    }
}
