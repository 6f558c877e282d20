namespace SecondaryPortal.Portal.Cli;

/// <summary>
/// A command line split the way the verbs read it: words (the verb and its operands), configuration overrides
/// (<c>--Key=Value</c>, as for the server, e.g. <c>--Storage:DataDirectory=DIR</c>), and the help flag.
/// Overrides may stand anywhere; they go to the configuration and nowhere else, so operands such as
/// "/tmp/zone.db" are never mistaken for configuration keys.
/// </summary>
/// <param name="Words">The verb and operands in order ("zone", "import", "example.com.", "zone.db").</param>
/// <param name="Overrides">The <c>--Key=Value</c> arguments, in order.</param>
/// <param name="Help">True when --help, -h or -? was given.</param>
/// <param name="UnknownOptions">Options that are neither help nor <c>--Key=Value</c>.</param>
public sealed record CliArguments(IReadOnlyList<string> Words, IReadOnlyList<string> Overrides, bool Help, IReadOnlyList<string> UnknownOptions)
{
    /// <summary>Splits <paramref name="args"/>.</summary>
    public static CliArguments Parse(IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var words = new List<string>();
        var overrides = new List<string>();
        var unknown = new List<string>();
        bool help = false;
        bool operandsOnly = false;
        foreach (string arg in args)
        {
            if (operandsOnly || arg == "-" || !arg.StartsWith('-'))
                words.Add(arg);
            else if (arg == "--")
                operandsOnly = true; // the usual "end of options": a file named "--x=y" can still be given
            else if (arg is "--help" or "-h" or "-?")
                help = true;
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) > 2)
                overrides.Add(arg);
            else
                unknown.Add(arg);
        }
        return new CliArguments(words, overrides, help, unknown);
    }
}
