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
/// <param name="UnknownOptions">Options that are neither help, a verb's option nor <c>--Key=Value</c>.</param>
/// <param name="Options">
/// The verb options of <see cref="VerbOptions"/> in order, repeats kept (<c>--primary A --primary B</c>); each
/// with its value (<c>--primary 192.0.2.1</c> or <c>--primary=192.0.2.1</c>), or null for a flag (<c>--secondary</c>).
/// </param>
public sealed record CliArguments(IReadOnlyList<string> Words, IReadOnlyList<string> Overrides, bool Help, IReadOnlyList<string> UnknownOptions,
    IReadOnlyList<KeyValuePair<string, string?>> Options)
{
    /// <summary>The options verbs take, and whether each takes a value; any other <c>--name=value</c> is a configuration override.</summary>
    public static IReadOnlyDictionary<string, bool> VerbOptions { get; } = new Dictionary<string, bool>(StringComparer.Ordinal)
    {
        ["secondary"] = false,
        ["primary"] = true,
        ["tsig"] = true,
        ["tsig-algorithm"] = true,
        ["tsig-secret"] = true,
        ["email"] = true,
        ["password"] = true,
        ["admin"] = false,
        ["name"] = true,
    };

    /// <summary>Splits <paramref name="args"/>.</summary>
    public static CliArguments Parse(IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var words = new List<string>();
        var overrides = new List<string>();
        var unknown = new List<string>();
        var options = new List<KeyValuePair<string, string?>>();
        bool help = false;
        bool operandsOnly = false;
        using var items = args.GetEnumerator();
        while (items.MoveNext())
        {
            string arg = items.Current;
            if (operandsOnly || arg == "-" || !arg.StartsWith('-'))
                words.Add(arg);
            else if (arg == "--")
                operandsOnly = true; // the usual "end of options": a file named "--x=y" can still be given
            else if (arg is "--help" or "-h" or "-?")
                help = true;
            else if (TryVerbOption(arg, items, out var option))
                options.Add(option);
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) > 2)
                overrides.Add(arg);
            else
                unknown.Add(arg);
        }
        return new CliArguments(words, overrides, help, unknown, options);
    }

    /// <summary>Reads <c>--name</c>, <c>--name value</c> or <c>--name=value</c> when name is one of <see cref="VerbOptions"/>.</summary>
    private static bool TryVerbOption(string arg, IEnumerator<string> items, out KeyValuePair<string, string?> option)
    {
        option = default;
        if (!arg.StartsWith("--", StringComparison.Ordinal))
            return false;
        int equals = arg.IndexOf('=', StringComparison.Ordinal);
        string name = equals < 0 ? arg[2..] : arg[2..equals];
        if (!VerbOptions.TryGetValue(name, out bool takesValue))
            return false;
        string? value = equals >= 0 ? arg[(equals + 1)..] : null;
        if (takesValue && value is null && items.MoveNext())
            value = items.Current; // a missing value stays null; the verb says what is missing
        option = new KeyValuePair<string, string?>(name, value);
        return true;
    }
}
