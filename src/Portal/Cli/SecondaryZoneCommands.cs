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

    /// <summary>True for the sub-verbs this class runs.</summary>
    public static bool Handles(string verb) => verb is "add" or "status" or "refresh" or "remove";

    /// <summary>Runs the sub-verb in <paramref name="words"/> with the verb <paramref name="options"/>.</summary>
    public Task<int> RunAsync(IReadOnlyList<string> words, IReadOnlyList<KeyValuePair<string, string?>> options, CancellationToken cancellationToken)
    {
        if (words is not ["add", ..] && options.Count > 0)
            return CliApplication.Fail(error, $"--{options[0].Key} is an option of 'zone add' only");
        return words switch
        {
            ["add", _, ..] => AddAsync(words.Skip(1).ToArray(), options, cancellationToken),
            ["status", var origin] => StatusAsync(origin, cancellationToken),
            ["refresh", var origin] => RefreshAsync(origin, cancellationToken),
            ["remove", var origin] => RemoveAsync(origin, cancellationToken),
            ["add", ..] => CliApplication.Fail(error, AddUsage),
            _ => CliApplication.Fail(error, $"usage: zone {words[0]} <origin>"),
        };
    }

    /// <summary>Adds one or more secondary zones with the same primaries and key (every name is checked before any is added).</summary>
    private async Task<int> AddAsync(string[] originTexts, IReadOnlyList<KeyValuePair<string, string?>> options, CancellationToken cancellationToken)
    {
        var origins = new List<DnsName>(originTexts.Length);
        foreach (string originText in originTexts)
        {
            if (ParseOrigin(originText) is not { } origin)
                return await CliApplication.Fail(error, $"'{originText}' is not a valid zone name");
            origins.Add(origin);
        }
        if (!options.Any(o => o.Key == "secondary"))
            return await CliApplication.Fail(error, "zone add adds secondary zones: give --secondary (an authoritative zone is added with zone import <origin> <file>)");
        var primaries = new List<IPEndPoint>();
        foreach (var option in options.Where(o => o.Key == "primary"))
        {
            if (!TryParsePrimary(option.Value, out var endpoint, out string? reason))
                return await CliApplication.Fail(error, reason);
            primaries.Add(endpoint);
        }
        if (primaries.Count == 0)
            return await CliApplication.Fail(error, "give at least one --primary ADDR[:PORT]; " + AddUsage);
        if (!TryReadKey(options, out string? keyName, out var key, out string? keyError))
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
    private static bool TryReadKey(IReadOnlyList<KeyValuePair<string, string?>> options, out string? keyName, out TsigKey? key, out string error)
    {
        keyName = Last(options, "tsig");
        string? algorithm = Last(options, "tsig-algorithm"), secret = Last(options, "tsig-secret");
        key = null;
        error = "";
        if (keyName is null)
        {
            if (algorithm is null && secret is null && !options.Any(o => o.Key == "tsig"))
                return true;
            error = options.Any(o => o.Key == "tsig") ? "--tsig needs the key's name" : "--tsig-algorithm and --tsig-secret need --tsig NAME";
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

    private static string? Last(IReadOnlyList<KeyValuePair<string, string?>> options, string name) =>
        options.LastOrDefault(o => o.Key == name).Value;

    private static DnsName? ParseOrigin(string text) =>
        DnsName.TryParse(text, null, out var name, out _) ? name : null;
}
