using System.Globalization;
using System.Text;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Portal.Cli;

/// <summary>The text of <c>zone status</c>: one "name: value" line per fact, then the newest transfers.</summary>
internal static class ZoneStatusText
{
    /// <summary>Formats <paramref name="report"/>.</summary>
    public static string Format(SecondaryZoneReport report)
    {
        var text = new StringBuilder();
        var zone = report.Zone;
        Line(text, "zone", zone.Origin);
        Line(text, "kind", zone.Kind.ToString());
        if (report.State is not { } state)
        {
            Line(text, "serial", $"{zone.Serial} ({zone.RecordCount} records)");
            Line(text, "updated", Time(zone.UpdatedAt));
            return text.ToString();
        }
        Line(text, "status", state.Status.ToString().ToLowerInvariant());
        Line(text, "serial served", state.ServedSerial is { } served ? $"{served} ({zone.RecordCount} records)" : "none yet");
        foreach (var (primary, index) in report.Primaries.Select((p, i) => (p, i)))
        {
            string key = primary.KeyName is null ? "" : $", TSIG key {primary.KeyName}";
            string seen = primary.LastSeenSerial is { } serial ? $"; last seen serial {serial} at {Time(primary.LastSeenAt)}" : "; not answered yet";
            Line(text, index == 0 ? "primaries" : "", $"{index + 1}. {primary.Address}{key}{seen}");
        }
        Line(text, "last check", Time(state.LastCheckAt));
        Line(text, "last success", Time(state.LastSuccessAt));
        Line(text, "last transfer", Time(state.LastTransferAt));
        Line(text, "next refresh", Time(state.NextRefreshAt));
        Line(text, "expires", Time(state.ExpiresAt));
        Line(text, "last error", state.LastError ?? "none");
        text.AppendLine("recent transfers (newest first):");
        if (report.RecentTransfers.Count == 0)
            text.AppendLine("  none yet");
        foreach (var entry in report.RecentTransfers)
            text.AppendLine(CultureInfo.InvariantCulture, $"  {Entry(entry)}");
        return text.ToString();
    }

    private static string Entry(TransferLogEntry entry)
    {
        string serial = entry.Serial is { } value ? $" serial {value}" : "";
        string size = entry.Kind is TransferLogKind.Ixfr or TransferLogKind.Axfr ? $", {entry.Records} records, {entry.Bytes} octets" : "";
        string error = entry.Error is null ? "" : $": {entry.Error}";
        return $"{Time(entry.At)}  {entry.Kind,-8} {entry.Primary}{serial}{size}, {entry.DurationMs} ms{error}";
    }

    private static void Line(StringBuilder text, string name, string value) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"{(name.Length == 0 ? "" : name + ":"),-15} {value}");

    private static string Time(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "never";
}
