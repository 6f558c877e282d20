using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace SecondaryPortal.Portal.Cli;

/// <summary>
/// The generated help of System.CommandLine, followed by every verb under the command with its operands (so the root's
/// help lists them all, "zone import &lt;origin&gt; &lt;file&gt;"), the configuration overrides and the exit codes.
/// </summary>
internal sealed class CliHelpAction(HelpAction generated) : SynchronousCommandLineAction
{
    /// <summary>The overrides scripts use; any configuration key can be given the same way.</summary>
    private const string Overrides =
        """
        Configuration overrides (--Key=Value, before or after the verb; environment variables such as Storage__DataDirectory too):
          --Storage:DataDirectory=DIR     the data folder (default ./data)
          --Storage:Provider=Sqlite       the database (Sqlite)
          --ConnectionStrings:Default=CS  a connection string that wins over the data folder
          --Dns:Listen:0=127.0.0.1:5300   a DNS endpoint (address:port; IPv6 as [::1]:5300)
          --Dns:Region=NAME               the region this node reports in query counts
          --urls=http://127.0.0.1:5080    the web portal's address

        Every verb reads the server's configuration, so a running server acts on what a verb stored within a second.
        Exit code: 0 on success, 1 on any error (the message says what and, for a zone file, where: file:line:column).
        """;

    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <summary>Writes the help of the parsed command to the invocation's output.</summary>
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        generated.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        var command = parseResult.CommandResult.Command;
        var verbs = Leaves(command).Where(verb => !verb.Hidden).Select(verb => (Usage: Usage(verb), verb.Description)).ToList();
        if (verbs.Count > 1)
        {
            output.WriteLine("Verbs:");
            int width = verbs.Max(verb => verb.Usage.Length) + 2;
            foreach (var (usage, description) in verbs)
                output.WriteLine($"  {usage.PadRight(width)}{description}");
            output.WriteLine();
        }
        output.WriteLine(Overrides);
        return 0;
    }

    /// <summary>The commands under <paramref name="command"/> that run something, in the order they were added.</summary>
    private static IEnumerable<Command> Leaves(Command command) =>
        command.Subcommands.Count == 0 ? [command] : command.Subcommands.Where(sub => !sub.Hidden).SelectMany(Leaves);

    /// <summary>"zone add &lt;origin&gt;... [options]": the verb's words, its operands, and whether it takes options.</summary>
    private static string Usage(Command verb)
    {
        var parts = new List<string> { CliCommandLine.VerbName(verb) };
        foreach (var argument in verb.Arguments)
        {
            string name = argument.HelpName ?? argument.Name;
            parts.Add(argument.Arity.MinimumNumberOfValues == 0 ? $"[{name}]" : $"<{name}>" + (argument.Arity.MaximumNumberOfValues > 1 ? "..." : ""));
        }
        if (verb.Options.Any(option => option is not HelpOption))
            parts.Add("[options]");
        return string.Join(' ', parts);
    }
}
