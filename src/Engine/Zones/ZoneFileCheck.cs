using System.Globalization;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Dns.ZoneFiles;

namespace SecondaryPortal.Engine.Zones;

/// <summary>
/// Checks a zone file pasted or uploaded in the browser: parses it for the zone (RFC 1035 §5; $INCLUDE is refused,
/// as the text has no folder), builds the zone as an import would, and gathers the errors with their line numbers
/// and the warnings a review shows. Stores nothing.
/// </summary>
public static class ZoneFileCheck
{
    /// <summary>The most records a pasted zone may hold ($GENERATE included).</summary>
    public const int MaxRecords = 1_000_000;

    /// <summary>Checks <paramref name="text"/> as the zone <paramref name="origin"/>.</summary>
    public static ZoneFileCheckResult Check(DnsName origin, string text)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(text);
        var parserWarnings = new List<string>();
        var options = new ZoneFileOptions
        {
            AllowInclude = false,
            Warning = w => parserWarnings.Add(string.Create(CultureInfo.InvariantCulture, $"line {w.Line}: {w.Message}")),
        };
        List<DnsRecord> records;
        try
        {
            records = [.. ZoneFileParser.Read(new StringReader(text), "zone", origin, options).Take(MaxRecords + 1)];
        }
        catch (ZoneFileException e)
        {
            // The parser's reason is its own wording, with no path in it (the source is named "zone").
            return new ZoneFileCheckResult([], [string.Create(CultureInfo.InvariantCulture, $"line {e.Line}: {e.Reason}")], [], 0);
        }
        if (records.Count > MaxRecords)
            return new ZoneFileCheckResult([], [$"The zone holds more than {MaxRecords:N0} records; import it from the command line instead."], [], 0);
        var built = ZoneSnapshot.Build(origin, records);
        if (built.Snapshot is not { } snapshot)
            return new ZoneFileCheckResult([], built.Errors, [], 0);
        var warnings = ZoneWarnings.Analyze(origin, records, built.Warnings).ToList();
        warnings.AddRange(parserWarnings.Select(w => new ZoneWarning(ZoneWarningKind.Other, w, 1, [])));
        return new ZoneFileCheckResult(records, [], warnings, snapshot.Serial);
    }
}
