using System.CommandLine;
using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Outbound;

namespace SecondaryPortal.Portal.Cli;

/// <summary>
/// The <c>zone</c> verbs that set our authoritative zones up as a primary: who may transfer them
/// (<c>allow-transfer</c>, <c>deny-transfer</c>), which secondaries are notified of changes (<c>notify-add</c>,
/// <c>notify-remove</c>), and <c>transfers</c> to show both.
/// </summary>
internal sealed class ZoneTransferCommands(ZoneTransferSettingsStore settings, TextWriter output, TextWriter error)
{
    /// <summary>The five verbs, run through <paramref name="runner"/>.</summary>
    public static IEnumerable<Command> Create(CliVerbRunner runner)
    {
        const string Entry = "ADDR|CIDR|key:NAME";
        yield return CreateVerb(runner, "allow-transfer", "Let an address, a network or a TSIG key transfer an authoritative zone from us.", Entry,
            (commands, zone, entry, _, ct) => commands.ChangeAclAsync(zone, entry, allow: true, ct));
        yield return CreateVerb(runner, "deny-transfer", "Take that permission back.", Entry,
            (commands, zone, entry, _, ct) => commands.ChangeAclAsync(zone, entry, allow: false, ct));
        var key = new Option<string?>("--key") { HelpName = "NAME", Description = "The TSIG key that signs the NOTIFY." };
        yield return CreateVerb(runner, "notify-add", "Notify a secondary of every change (port 53 by default).", "ADDR[:PORT]",
            (commands, zone, target, result, ct) => commands.NotifyAsync(zone, target, result.GetValue(key), add: true, ct), key);
        yield return CreateVerb(runner, "notify-remove", "Stop notifying it.", "ADDR[:PORT]",
            (commands, zone, target, _, ct) => commands.NotifyAsync(zone, target, null, add: false, ct));
        var origin = CliOperands.Origin();
        var transfers = new Command("transfers", "Show who may transfer a zone and who is notified.") { origin };
        transfers.SetAction((result, cancellationToken) => Run(runner, result, commands => commands.ShowAsync(result.GetRequiredValue(origin), cancellationToken), cancellationToken));
        yield return transfers;
    }

    /// <summary>The lines that describe a zone's settings as a primary (for <c>zone transfers</c>).</summary>
    public static IEnumerable<string> Describe(ZoneTransferSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        yield return "Transfers allowed to: " + (settings.Acl.Count == 0 ? "nobody" : string.Join(", ", settings.Acl));
        yield return "NOTIFY sent to:       " + (settings.NotifyTargets.Count == 0 ? "nobody" : string.Join(", ", settings.NotifyTargets));
        yield return "IXFR journal:         " + (settings.JournalEntries == 0 ? "empty"
            : $"{settings.JournalEntries} change(s) since serial {settings.JournalOldestSerial}, {settings.JournalBytes} octets");
    }

    /// <summary>A verb of an origin and a second operand named <paramref name="operand"/>, with the <paramref name="options"/> given.</summary>
    private static Command CreateVerb(CliVerbRunner runner, string name, string description, string operand,
        Func<ZoneTransferCommands, string, string, ParseResult, CancellationToken, Task<int>> verb, params Option[] options)
    {
        var origin = CliOperands.Origin();
        var second = new Argument<string>(operand);
        var command = new Command(name, description) { origin, second };
        foreach (var option in options)
            command.Add(option);
        command.SetAction((result, cancellationToken) => Run(runner, result,
            commands => verb(commands, result.GetRequiredValue(origin), result.GetRequiredValue(second), result, cancellationToken), cancellationToken));
        return command;
    }

    private static Task<int> Run(CliVerbRunner runner, ParseResult result, Func<ZoneTransferCommands, Task<int>> verb, CancellationToken cancellationToken) =>
        runner.RunAsync(result, (services, output, error) =>
            verb(new ZoneTransferCommands(ActivatorUtilities.CreateInstance<ZoneTransferSettingsStore>(services), output, error)), false, cancellationToken);

    private async Task<int> ChangeAclAsync(string origin, string entryText, bool allow, CancellationToken cancellationToken)
    {
        if (ParseOrigin(origin) is not { } zone)
            return await CliApplication.Fail(error, $"'{origin}' is not a valid zone name");
        if (!TransferAclEntry.TryParse(entryText, out var entry, out string? entryError))
            return await CliApplication.Fail(error, entryError);
        return await ReportAsync(zone, allow
            ? await settings.AllowTransferAsync(zone, entry, cancellationToken)
            : await settings.DenyTransferAsync(zone, entry, cancellationToken), cancellationToken);
    }

    private async Task<int> NotifyAsync(string origin, string targetText, string? keyText, bool add, CancellationToken cancellationToken)
    {
        if (ParseOrigin(origin) is not { } zone)
            return await CliApplication.Fail(error, $"'{origin}' is not a valid zone name");
        if (!NotifyTargetSetting.TryParseEndPoint(targetText, out var target, out string? targetError))
            return await CliApplication.Fail(error, targetError);
        DnsName? key = null;
        if (keyText is not null && (key = ParseOrigin(keyText)) is null)
            return await CliApplication.Fail(error, $"'{keyText}' is not a valid TSIG key name");
        var change = add
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

    private async Task<int> ShowAsync(string origin, CancellationToken cancellationToken) =>
        ParseOrigin(origin) is { } zone ? await ShowAsync(zone, cancellationToken) : await CliApplication.Fail(error, $"'{origin}' is not a valid zone name");

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
