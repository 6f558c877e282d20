using System.CommandLine;
using System.Globalization;
using System.Net;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Portal.Cli;

/// <summary>
/// The <c>zone</c> verbs of secondary zones: add (with primaries and a TSIG key), status, refresh, remove. They write
/// the store and exit; a running server notices within a second (it polls the store's settings version).
/// </summary>
internal sealed class SecondaryZoneCommands(IServiceProvider services, TextWriter output, TextWriter error)
{
    private const string AddUsage = "usage: zone add <origin> [<origin> ...] --secondary --primary ADDR[:PORT] [--primary ...] [--tsig NAME --tsig-algorithm ALG --tsig-secret BASE64]";

    private SecondaryZoneCatalog Catalog => services.GetRequiredService<SecondaryZoneCatalog>();

    /// <summary><c>zone add</c>, <c>zone status</c>, <c>zone refresh</c> and <c>zone remove</c>, run through <paramref name="runner"/>.</summary>
    public static IEnumerable<Command> Create(CliVerbRunner runner)
    {
        yield return CreateAdd(runner);
        yield return CreateOnOrigin(runner, "status", "Show a zone's state, serials, primaries, last transfers and error, next refresh.", (commands, origin, ct) => commands.StatusAsync(origin, ct));
        yield return CreateOnOrigin(runner, "refresh", "Check a secondary zone's primaries now.", (commands, origin, ct) => commands.RefreshAsync(origin, ct));
        yield return CreateOnOrigin(runner, "remove", "Stop serving a zone and delete it.", (commands, origin, ct) => commands.RemoveAsync(origin, ct));
    }

    private static Command CreateAdd(CliVerbRunner runner)
    {
        var origins = new Argument<string[]>("origin") { Arity = ArgumentArity.OneOrMore, Description = "The zones' names; every name is checked before any zone is added." };
        var secondary = new Option<bool>("--secondary") { Description = "Required: the zones are secondary zones (an authoritative zone is added with zone import)." };
        var primaries = new Option<string[]>("--primary") { HelpName = "ADDR[:PORT]", Description = "A primary to transfer from (repeat it; tried in order; port 53 by default)." };
        var tsig = new Option<string?>("--tsig") { HelpName = "NAME", Description = "The TSIG key that signs SOA queries, transfers and NOTIFY (alone: a stored key)." };
        var algorithm = new Option<string?>("--tsig-algorithm") { HelpName = "ALG", Description = "The key's algorithm (hmac-sha256 by default)." };
        var secret = new Option<string?>("--tsig-secret") { HelpName = "BASE64", Description = "The key's secret, base64." };
        var add = new Command("add", "Add secondary zones transferred from their primaries.") { origins, secondary, primaries, tsig, algorithm, secret };
        add.SetAction((result, cancellationToken) => runner.RunAsync(result, (services, output, error) =>
            new SecondaryZoneCommands(services, output, error).AddAsync(
                result.GetRequiredValue(origins), result.GetValue(secondary), result.GetValue(primaries) ?? [],
                new TsigKeyOptions(result.GetValue(tsig), result.GetValue(algorithm), result.GetValue(secret)), cancellationToken), false, cancellationToken));
        return add;
    }

    private static Command CreateOnOrigin(CliVerbRunner runner, string name, string description, Func<SecondaryZoneCommands, string, CancellationToken, Task<int>> verb)
    {
        var origin = CliOperands.Origin();
        var command = new Command(name, description) { origin };
        command.SetAction((result, cancellationToken) => runner.RunAsync(result, (services, output, error) =>
            verb(new SecondaryZoneCommands(services, output, error), result.GetRequiredValue(origin), cancellationToken), false, cancellationToken));
        return command;
    }

    /// <summary>Adds one or more secondary zones with the same primaries and key (every name is checked before any is added).</summary>
    private async Task<int> AddAsync(string[] originTexts, bool secondary, string[] primaryTexts, TsigKeyOptions keyOptions, CancellationToken cancellationToken)
    {
        var origins = new List<DnsName>(originTexts.Length);
        foreach (string originText in originTexts)
        {
            if (ParseOrigin(originText) is not { } origin)
                return await CliApplication.Fail(error, $"'{originText}' is not a valid zone name");
            origins.Add(origin);
        }
        if (!secondary)
            return await CliApplication.Fail(error, "zone add adds secondary zones: give --secondary (an authoritative zone is added with zone import <origin> <file>)");
        var primaries = new List<IPEndPoint>();
        foreach (string primaryText in primaryTexts)
        {
            if (!TryParsePrimary(primaryText, out var endpoint, out string? reason))
                return await CliApplication.Fail(error, reason);
            primaries.Add(endpoint);
        }
        if (primaries.Count == 0)
            return await CliApplication.Fail(error, "give at least one --primary ADDR[:PORT]; " + AddUsage);
        if (!TryReadKey(keyOptions, out string? keyName, out var key, out string? keyError))
            return await CliApplication.Fail(error, keyError);
        int failed = 0;
        foreach (var origin in origins)
        {
            var result = await Catalog.AddAsync(origin, primaries, keyName, key, cancellationToken);
            if (result.Succeeded)
            {
                await output.WriteLineAsync(result.Message);
            }
            else
            {
                await CliApplication.Fail(error, result.Message); // says "error: ..."; the other zones are still added
                failed++;
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private async Task<int> StatusAsync(string originText, CancellationToken cancellationToken)
    {
        if (ParseOrigin(originText) is not { } origin)
            return await CliApplication.Fail(error, $"'{originText}' is not a valid zone name");
        var report = await Catalog.GetReportAsync(origin, cancellationToken: cancellationToken);
        if (report is null)
            return await CliApplication.Fail(error, $"No zone {ZoneStore.OriginKey(origin)} is stored.");
        await output.WriteAsync(ZoneStatusText.Format(report));
        return 0;
    }

    private async Task<int> RefreshAsync(string originText, CancellationToken cancellationToken)
    {
        if (ParseOrigin(originText) is not { } origin)
            return await CliApplication.Fail(error, $"'{originText}' is not a valid zone name");
        var result = await Catalog.RequestRefreshAsync(origin, cancellationToken);
        if (!result.Succeeded)
            return await CliApplication.Fail(error, result.Message);
        await output.WriteLineAsync(result.Message);
        return 0;
    }

    private async Task<int> RemoveAsync(string originText, CancellationToken cancellationToken)
    {
        if (ParseOrigin(originText) is not { } origin)
            return await CliApplication.Fail(error, $"'{originText}' is not a valid zone name");
        string key = ZoneStore.OriginKey(origin);
        if (!await services.GetRequiredService<ZoneStore>().RemoveAsync(origin, cancellationToken))
            return await CliApplication.Fail(error, $"No zone {key} is stored.");
        await output.WriteLineAsync($"Removed {key}; a running server stops answering for it within a second.");
        return 0;
    }

    /// <summary>"192.0.2.1" (port 53), "192.0.2.1:5353", "2001:db8::1", "[2001:db8::1]:5353".</summary>
    internal static bool TryParsePrimary(string? text, out IPEndPoint endpoint, out string reason)
    {
        endpoint = null!;
        reason = $"'{text}' is not a primary's address: give ADDR or ADDR:PORT with an IP address, e.g. 192.0.2.1, 192.0.2.1:5353 or [2001:db8::1]:53 (host names are not looked up)";
        if (string.IsNullOrWhiteSpace(text))
        {
            reason = "--primary needs an address: ADDR or ADDR:PORT, e.g. 192.0.2.1 or 192.0.2.1:5353";
            return false;
        }
        if (IPAddress.TryParse(text, out var address) && !text.StartsWith('['))
            endpoint = new IPEndPoint(address, 53);
        else if (IPEndPoint.TryParse(text, out var parsed) && (text.StartsWith('[') || !text.Contains("::", StringComparison.Ordinal)))
            endpoint = parsed.Port == 0 && !text.EndsWith(":0", StringComparison.Ordinal) ? new IPEndPoint(parsed.Address, 53) : parsed;
        else
            return false;
        if (endpoint.Port == 0)
        {
            reason = $"'{text}': port 0 is not a port a primary listens on";
            return false;
        }
        return true;
    }

    /// <summary>Reads --tsig, --tsig-algorithm and --tsig-secret: none, a stored key's name alone, or a whole key (the algorithm defaults to hmac-sha256).</summary>
    private static bool TryReadKey(TsigKeyOptions options, out string? keyName, out TsigKey? key, out string error)
    {
        (keyName, string? algorithm, string? secret) = options;
        key = null;
        error = "";
        if (keyName is null)
        {
            if (algorithm is null && secret is null)
                return true;
            error = "--tsig-algorithm and --tsig-secret need --tsig NAME";
            return false;
        }
        if (secret is null)
        {
            if (algorithm is not null)
            {
                error = $"--tsig-algorithm needs --tsig-secret (the base64 secret of key {keyName})";
                return false;
            }
            if (DnsName.TryParse(keyName, null, out _, out string nameError))
                return true; // a stored key, reused
            error = $"the TSIG key name '{keyName}' is not a valid domain name: {nameError}";
            return false;
        }
        if (!TsigKey.TryCreate(keyName, algorithm ?? "hmac-sha256", secret, out key, out string? reason))
        {
            error = reason;
            return false;
        }
        return true;
    }

    private static DnsName? ParseOrigin(string text) =>
        DnsName.TryParse(text, null, out var name, out _) ? name : null;
}
