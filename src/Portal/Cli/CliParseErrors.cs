using System.CommandLine;
using System.CommandLine.Parsing;

namespace SecondaryPortal.Portal.Cli;

/// <summary>
/// Writes System.CommandLine's parse errors as "error: ..." lines that name what was wrong: a missing operand or option
/// value, an unknown option (or one of another verb), an unknown verb, an extra operand.
/// </summary>
internal static class CliParseErrors
{
    /// <summary>Writes the errors of <paramref name="result"/> to <paramref name="error"/>.</summary>
    /// <returns>The exit code of a usage error, 1.</returns>
    public static async Task<int> WriteAsync(ParseResult result, TextWriter error)
    {
        var command = result.CommandResult.Command;
        string verb = CliCommandLine.VerbName(command);
        string see = verb.Length == 0 ? "see --help" : $"see '{verb} --help'";
        var messages = new List<string>();
        foreach (string token in result.UnmatchedTokens)
            messages.Add(Unmatched(token, result.RootCommandResult.Command, command, verb, see));
        // Errors of an operand or an option (missing, too many, a bad value) name it; the command's own errors are the
        // unmatched tokens above, or a group without its verb.
        messages.AddRange(result.Errors.Where(e => e.SymbolResult is not CommandResult).Select(e => e.Message));
        if (messages.Count == 0 && command.Subcommands.Count > 0)
            messages.Add($"{(verb.Length == 0 ? "expected a verb" : $"'{verb}' needs a verb")}: {Names(command)} ({see})");
        if (messages.Count == 0)
            messages.AddRange(result.Errors.Select(e => e.Message));
        foreach (string message in messages)
            await CliApplication.Fail(error, message);
        return 1;
    }

    private static string Unmatched(string token, Command root, Command command, string verb, string see)
    {
        if (command.Subcommands.Count > 0)
            return $"unknown verb '{(verb + " " + token).Trim()}'; the {(verb.Length == 0 ? "" : verb + " ")}verbs are {Names(command)} ({see})";
        if (!token.StartsWith('-') || token == "-")
            return $"unexpected operand '{token}' for '{verb}' ({see})";
        string name = token.Split('=', 2)[0];
        var owners = Owners(root, name).ToList();
        return owners.Count > 0
            ? $"{name} is an option of {string.Join(" and ", owners.Select(o => $"'{o}'"))} only"
            : $"unknown option {token} (configuration overrides are written --Key=Value; {see})";
    }

    /// <summary>The verbs under <paramref name="root"/> that take the option <paramref name="name"/>.</summary>
    private static IEnumerable<string> Owners(Command root, string name)
    {
        if (root.Options.Any(o => o.Name == name || o.Aliases.Contains(name)))
            yield return CliCommandLine.VerbName(root);
        foreach (string owner in root.Subcommands.SelectMany(sub => Owners(sub, name)))
            yield return owner;
    }

    private static string Names(Command command) =>
        string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
}
