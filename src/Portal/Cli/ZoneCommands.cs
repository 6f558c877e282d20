using System.CommandLine;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneFiles;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Portal.Cli;

/// <summary>The <c>zone</c> verbs of stored zones: import, export, list (secondary zones: <see cref="SecondaryZoneCommands"/>).</summary>
internal sealed class ZoneCommands(IServiceProvider services, TextWriter output, TextWriter error)
{
    private const int MaxErrorsShown = 20;

    private ZoneStore Store => services.GetRequiredService<ZoneStore>();

    /// <summary><c>zone import</c>, <c>zone export</c> and <c>zone list</c>, run through <paramref name="runner"/>.</summary>
    public static IEnumerable<Command> Create(CliVerbRunner runner)
    {
        var importOrigin = CliOperands.Origin();
        var importFile = new Argument<string>("file") { Description = "The master file (RFC 1035 section 5)." };
        var import = new Command("import", "Load or replace an authoritative zone from a master file.") { importOrigin, importFile };
        import.SetAction((result, cancellationToken) => runner.RunAsync(result, (services, output, error) =>
            new ZoneCommands(services, output, error).ImportAsync(result.GetRequiredValue(importOrigin), result.GetRequiredValue(importFile), cancellationToken), false, cancellationToken));

        var exportOrigin = CliOperands.Origin();
        var exportFile = new Argument<string?>("file") { Arity = ArgumentArity.ZeroOrOne, Description = "Where to write it; standard output without it, or with -." };
        var export = new Command("export", "Write a stored zone as a master file.") { exportOrigin, exportFile };
        export.SetAction((result, cancellationToken) => runner.RunAsync(result, (services, output, error) =>
            new ZoneCommands(services, output, error).ExportAsync(result.GetRequiredValue(exportOrigin), result.GetValue(exportFile), cancellationToken), false, cancellationToken));

        var list = new Command("list", "List the stored zones (kind, status, serial).");
        list.SetAction((result, cancellationToken) => runner.RunAsync(result, (services, output, error) =>
            new ZoneCommands(services, output, error).ListAsync(cancellationToken), false, cancellationToken));
        return [import, export, list];
    }

    private async Task<int> ImportAsync(string originText, string file, CancellationToken cancellationToken)
    {
        if (ParseOrigin(originText) is not { } origin)
            return await CliApplication.Fail(error, $"'{originText}' is not a valid zone name");
        var warnings = new List<ZoneFileWarning>();
        IReadOnlyList<DnsRecord> records;
        try
        {
            records = ZoneFileParser.LoadFile(file, origin, new ZoneFileOptions { Warning = warnings.Add });
        }
        catch (ZoneFileException e)
        {
            await PrintWarningsAsync(warnings.Select(w => w.ToString()));
            return await CliApplication.Fail(error, e.Message); // file:line:column: reason
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return await CliApplication.Fail(error, $"cannot read {file}: {e.Message}");
        }
        await PrintWarningsAsync(warnings.Select(w => w.ToString()));

        var result = await Store.ImportAsync(origin, records, cancellationToken);
        await PrintWarningsAsync(result.Warnings);
        if (!result.Succeeded)
        {
            foreach (string reason in result.Errors.Take(MaxErrorsShown))
                await error.WriteLineAsync($"{file}: {reason}");
            if (result.Errors.Count > MaxErrorsShown)
                await error.WriteLineAsync($"{file}: ... and {result.Errors.Count - MaxErrorsShown} more errors");
            return await CliApplication.Fail(error, result.Message);
        }
        await output.WriteLineAsync($"Imported {result.Origin}: serial {result.Serial}, {result.RecordCount} records.");
        return 0;
    }

    private async Task<int> ExportAsync(string originText, string? file, CancellationToken cancellationToken)
    {
        if (ParseOrigin(originText) is not { } origin)
            return await CliApplication.Fail(error, $"'{originText}' is not a valid zone name");
        var result = await Store.ExportAsync(origin, cancellationToken);
        if (!result.Found)
            return await CliApplication.Fail(error, result.Message);
        if (file is null or "-")
        {
            ZoneFileWriter.Write(output, result.Records, origin);
            return 0;
        }
        try
        {
            ZoneFileWriter.WriteFile(file, result.Records, origin);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return await CliApplication.Fail(error, $"cannot write {file}: {e.Message}");
        }
        await output.WriteLineAsync($"Exported {ZoneStore.OriginKey(origin)}: {result.Records.Count} records to {file}.");
        return 0;
    }

    private async Task<int> ListAsync(CancellationToken cancellationToken)
    {
        var zones = await Store.ListAsync(cancellationToken);
        if (zones.Count == 0)
        {
            await output.WriteLineAsync("No zones are stored. Add one with: zone import <origin> <file>, or zone add <origin> --secondary --primary ADDR");
            return 0;
        }
        int width = Math.Max("ORIGIN".Length, zones.Max(z => z.Origin.Length));
        await output.WriteLineAsync($"{"ORIGIN".PadRight(width)}  {"KIND",-13}  {"STATUS",-10}  {"SERIAL",10}  {"RECORDS",9}  UPDATED (UTC)");
        foreach (var zone in zones)
        {
            // A secondary zone's refresh status; an authoritative zone is served as stored.
            string status = zone.Status?.ToString().ToLowerInvariant() ?? "active";
            await output.WriteLineAsync($"{zone.Origin.PadRight(width)}  {zone.Kind,-13}  {status,-10}  {zone.Serial,10}  {zone.RecordCount,9}  {zone.UpdatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}");
        }
        return 0;
    }

    private async Task PrintWarningsAsync(IEnumerable<string> warnings)
    {
        foreach (string warning in warnings)
            await error.WriteLineAsync("warning: " + warning);
    }

    private static DnsName? ParseOrigin(string text) =>
        DnsName.TryParse(text, null, out var name, out _) ? name : null;
}
