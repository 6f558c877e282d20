using System.CommandLine;
using System.CommandLine.Help;

namespace SecondaryPortal.Portal.Cli;

/// <summary>The verbs as a System.CommandLine tree: <c>zone ...</c>, <c>user create</c>, <c>token create</c>, and help.</summary>
internal static class CliCommandLine
{
    /// <summary>The text above the usage in the root's help.</summary>
    private const string Description = "SecondaryPortal: secondary and authoritative DNS with a web portal. Without a verb the binary runs the server (web portal and DNS).";

    /// <summary>
    /// Builds the tree with <see cref="Create"/>, gives <paramref name="runner"/> the configuration overrides in
    /// <paramref name="args"/> and parses the rest. Response files (<c>@file</c>) are not expanded: an operand is a path as typed.
    /// </summary>
    public static ParseResult Parse(IReadOnlyList<string> args, CliVerbRunner runner)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(runner);
        var root = Create(runner);
        runner.Overrides = CliOverrides.Split(args, root, out var rest);
        return root.Parse(rest, new ParserConfiguration { ResponseFileTokenReplacer = null });
    }

    /// <summary>The root command with every verb; each verb's action runs through <paramref name="runner"/>.</summary>
    public static RootCommand Create(CliVerbRunner runner)
    {
        var root = new RootCommand(Description);
        var zone = new Command("zone", "Stored zones: authoritative (imported) and secondary (transferred from primaries).");
        foreach (var verb in ZoneCommands.Create(runner).Concat(SecondaryZoneCommands.Create(runner)).Concat(ZoneTransferCommands.Create(runner)))
            zone.Add(verb);
        root.Add(zone);
        root.Add(AccountCommands.CreateUser(runner));
        root.Add(AccountCommands.CreateToken(runner));
        root.Add(CreateHelp(root));
        root.Options.Remove(root.Options.OfType<VersionOption>().Single()); // --version stays a host switch, as before
        root.Directives.Clear(); // "[suggest]" and the like are not verbs
        var help = root.Options.OfType<HelpOption>().Single();
        help.Aliases.Remove("/h"); // "/h" and "/?" are paths on Linux
        help.Aliases.Remove("/?");
        help.Action = new CliHelpAction((HelpAction)help.Action!);
        return root;
    }

    /// <summary>The verb's words without the binary's name: "zone add", "user create".</summary>
    public static string VerbName(Command command)
    {
        var words = new List<string>();
        for (var next = command; next is not null and not RootCommand; next = next.Parents.OfType<Command>().FirstOrDefault())
            words.Insert(0, next.Name);
        return string.Join(' ', words);
    }

    /// <summary><c>help [verb ...]</c>: the same text as <c>[verb ...] --help</c> (hidden from the help itself).</summary>
    private static Command CreateHelp(RootCommand root)
    {
        var topic = new Argument<string[]>("verb") { Arity = ArgumentArity.ZeroOrMore };
        var help = new Command("help", "Show this text, or a verb's.") { Hidden = true };
        help.Add(topic);
        help.SetAction(result => root.Parse([.. result.GetValue(topic) ?? [], "--help"]).Invoke(result.InvocationConfiguration));
        return help;
    }
}
