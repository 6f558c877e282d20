using System.CommandLine;

namespace SecondaryPortal.Portal.Cli;

/// <summary>
/// Takes the configuration overrides out of a command line before System.CommandLine reads it. An override is
/// <c>--Name=Value</c> where Name is not an option of any verb (<c>--Storage:DataDirectory=DIR</c>,
/// <c>--Dns:Listen:0=127.0.0.1:5353</c>, <c>--urls=http://...</c>); it may stand anywhere before <c>--</c>, also where an
/// option's value is expected. Everything after <c>--</c> is an operand, so a file named <c>--x=y</c> can still be given.
/// </summary>
internal static class CliOverrides
{
    /// <summary>Splits <paramref name="args"/> into the overrides (returned, in order) and the <paramref name="rest"/> for the parser.</summary>
    public static IReadOnlyList<string> Split(IReadOnlyList<string> args, Command root, out IReadOnlyList<string> rest)
    {
        var options = OptionNames(root);
        var overrides = new List<string>();
        var others = new List<string>(args.Count);
        bool operandsOnly = false;
        foreach (string arg in args)
        {
            operandsOnly |= arg == "--";
            if (!operandsOnly && IsOverride(arg, options))
                overrides.Add(arg);
            else
                others.Add(arg);
        }
        rest = others;
        return overrides;
    }

    private static bool IsOverride(string arg, HashSet<string> options)
    {
        int equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 2 && !options.Contains(arg[..equals]);
    }

    /// <summary>Every option name and alias of <paramref name="command"/> and the commands under it.</summary>
    private static HashSet<string> OptionNames(Command command)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Command>([command]);
        while (pending.TryPop(out var next))
        {
            foreach (var option in next.Options)
            {
                names.Add(option.Name);
                names.UnionWith(option.Aliases);
            }
            foreach (var sub in next.Subcommands)
                pending.Push(sub);
        }
        return names;
    }
}
