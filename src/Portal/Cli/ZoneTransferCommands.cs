using System.Diagnostics.CodeAnalysis;
using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Outbound;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Portal.Hosting;

namespace SecondaryPortal.Portal.Cli;

/// <summary>
/// The <c>zone</c> verbs that set our authoritative zones up as a primary: who may transfer them
/// (<c>allow-transfer</c>, <c>deny-transfer</c>), which secondaries are notified of changes (<c>notify-add</c>,
/// <c>notify-remove</c>), and <c>transfers</c> to show both. They take the option <c>--key NAME</c>, which the
/// other verbs do not, so they read the command line themselves.
/// </summary>
public static partial class ZoneTransferCommands
{
    /// <summary>The help lines of these verbs, for the usage text.</summary>
    public const string Usage =
        """
          zone allow-transfer <origin> ADDR|CIDR|key:NAME     let an address, a network or a TSIG key transfer the zone
          zone deny-transfer <origin> ADDR|CIDR|key:NAME      take that permission back
          zone notify-add <origin> ADDR[:PORT] [--key NAME]   notify a secondary of every change (port 53 by default)
          zone notify-remove <origin> ADDR[:PORT]             stop notifying it
          zone transfers <origin>                             show who may transfer the zone and who is notified
        """;

    private const string KeyOption = "--key";

    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal) { "allow-transfer", "deny-transfer", "notify-add", "notify-remove", "transfers" };

    /// <summary>True when <paramref name="words"/> name one of these verbs ("zone", "allow-transfer", ...).</summary>
    public static bool IsTransferVerb(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words is ["zone", var verb, ..] && Verbs.Contains(verb);
    }

    /// <summary>Runs the verb in <paramref name="args"/>, as <see cref="CliApplication.RunAsync"/> runs the others.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (!TryTakeKey(args, out var rest, out string? keyText, out string? optionError))
            return await CliApplication.Fail(error, optionError);
        var parsed = CliArguments.Parse(rest);
        if (parsed.UnknownOptions.Count > 0)
            return await CliApplication.Fail(error, $"unknown option {parsed.UnknownOptions[0]} (see --help)");
        if (keyText is not null && parsed.Words is not ["zone", "notify-add", ..])
            return await CliApplication.Fail(error, "--key is an option of 'zone notify-add' only");
        ServiceProvider services;
        try
        {
            services = CliServices.Build(PortalConfiguration.BuildForCommandLine(parsed.Overrides));
        }
        catch (InvalidOperationException e)
        {
            return await CliApplication.Fail(error, e.Message);
        }
        await using (services)
        {
            string verb = string.Join(' ', parsed.Words.Take(2));
            try
            {
                await services.GetRequiredService<StoreMigrator>().MigrateAsync(cancellationToken);
                var settings = ActivatorUtilities.CreateInstance<ZoneTransferSettingsStore>(services);
                return await new Runner(settings, output, error).RunAsync(parsed.Words.Skip(1).ToList(), keyText, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The one catch-all of a verb: the details go to the log (stderr), the user gets one plain line.
                LogVerbFailed(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ZoneTransferCommands)), e, verb);
                return await CliApplication.Fail(error, $"'{verb}' failed: the store at {StorageConfiguration.DataDirectory(services.GetRequiredService<IConfiguration>())} could not be used (details above).");
            }
        }
    }

    /// <summary>The lines that describe a zone's settings as a primary (for <c>zone transfers</c> and <c>zone status</c>).</summary>
    public static IEnumerable<string> Describe(ZoneTransferSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        yield return "Transfers allowed to: " + (settings.Acl.Count == 0 ? "nobody" : string.Join(", ", settings.Acl));
        yield return "NOTIFY sent to:       " + (settings.NotifyTargets.Count == 0 ? "nobody" : string.Join(", ", settings.NotifyTargets));
        yield return "IXFR journal:         " + (settings.JournalEntries == 0 ? "empty"
            : $"{settings.JournalEntries} change(s) since serial {settings.JournalOldestSerial}, {settings.JournalBytes} octets");
    }

    /// <summary>Takes "--key NAME" (or "--key=NAME") out of the arguments.</summary>
    private static bool TryTakeKey(IReadOnlyList<string> args, out List<string> rest, out string? key, [NotNullWhen(false)] out string? error)
    {
        rest = [];
        key = null;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg == "--")
            {
                rest.AddRange(args.Skip(i));
                break;
            }
            if (arg != KeyOption && !arg.StartsWith(KeyOption + "=", StringComparison.Ordinal))
            {
                rest.Add(arg);
                continue;
            }
            if (key is not null)
            {
                error = "--key is given twice";
                return false;
            }
            key = arg == KeyOption ? (i + 1 < args.Count ? args[++i] : "") : arg[(KeyOption.Length + 1)..];
            if (key.Length == 0 || key.StartsWith('-'))
            {
                error = "--key must be followed by a TSIG key name, as in --key transfer.example.";
                return false;
            }
        }
        error = null;
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The command {Verb} failed")]
    private static partial void LogVerbFailed(ILogger logger, Exception exception, string verb);

    /// <summary>Runs one verb against the store.</summary>
    private sealed class Runner(ZoneTransferSettingsStore settings, TextWriter output, TextWriter error)
    {
        public async Task<int> RunAsync(IReadOnlyList<string> words, string? keyText, CancellationToken cancellationToken)
        {
            switch (words)
            {
                case ["allow-transfer" or "deny-transfer", var origin, var entryText]:
                    if (ParseOrigin(origin) is not { } zone)
                        return await CliApplication.Fail(error, $"'{origin}' is not a valid zone name");
                    if (!TransferAclEntry.TryParse(entryText, out var entry, out string? entryError))
                        return await CliApplication.Fail(error, entryError);
                    return await ReportAsync(zone, words[0] == "allow-transfer"
                        ? await settings.AllowTransferAsync(zone, entry, cancellationToken)
                        : await settings.DenyTransferAsync(zone, entry, cancellationToken), cancellationToken);
                case ["notify-add" or "notify-remove", var origin, var targetText]:
                    return await NotifyAsync(words[0], origin, targetText, keyText, cancellationToken);
                case ["transfers", var origin]:
                    if (ParseOrigin(origin) is not { } shown)
                        return await CliApplication.Fail(error, $"'{origin}' is not a valid zone name");
                    return await ShowAsync(shown, cancellationToken);
                default:
                    return await CliApplication.Fail(error, "usage:\n" + Usage.TrimEnd());
            }
        }

        private async Task<int> NotifyAsync(string verb, string origin, string targetText, string? keyText, CancellationToken cancellationToken)
        {
            if (ParseOrigin(origin) is not { } zone)
                return await CliApplication.Fail(error, $"'{origin}' is not a valid zone name");
            if (!NotifyTargetSetting.TryParseEndPoint(targetText, out var target, out string? targetError))
                return await CliApplication.Fail(error, targetError);
            DnsName? key = null;
            if (keyText is not null && (key = ParseOrigin(keyText)) is null)
                return await CliApplication.Fail(error, $"'{keyText}' is not a valid TSIG key name");
            var change = verb == "notify-add"
                ? await settings.AddNotifyTargetAsync(zone, target, key, cancellationToken)
                : await settings.RemoveNotifyTargetAsync(zone, target, cancellationToken);
            return await ReportAsync(zone, change, cancellationToken);
        }

        private async Task<int> ReportAsync(DnsName zone, TransferSettingsChange change, CancellationToken cancellationToken)
        {
            if (!change.Succeeded)
                return await CliApplication.Fail(error, change.Message);
            await output.WriteLineAsync(change.Message);
            return await ShowAsync(zone, cancellationToken);
        }

        private async Task<int> ShowAsync(DnsName zone, CancellationToken cancellationToken)
        {
            if (await settings.GetAsync(zone, cancellationToken) is not { } current)
                return await CliApplication.Fail(error, $"No zone {zone.ToLowerCase()} is stored.");
            foreach (string line in Describe(current))
                await output.WriteLineAsync(line);
            return 0;
        }

        private static DnsName? ParseOrigin(string text) =>
            DnsName.TryParse(text.EndsWith('.') ? text : text + ".", null, out var name, out _) ? name : null;
    }
}
