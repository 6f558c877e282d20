using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Events;

/// <summary>
/// Asks one primary for a zone: its SOA first (RFC 1996 §3.11: a refresh always checks the serial, a NOTIFY's is a hint),
/// compared by RFC 1982 with the copy served; when newer, an IXFR from our serial (the client falls back to AXFR as RFC
/// 1995 §4 allows) or an AXFR when nothing is served yet. The diffs are applied to the served copy into a new snapshot aside
/// (ZoneSnapshot.Apply rebuilds the changed names only, with the checks of ZoneSnapshot.Build: the SOA, data outside the
/// zone, CNAME beside other data); a whole zone arrives built, as the transfer client builds it while it is received. The
/// served copy is never touched. Every step
/// adds a line to the transfer history.
/// </summary>
internal sealed partial class PrimaryRefresher(ZoneTransferClient client, TimeProvider time, ILogger logger)
{
    private const int MaxErrorsInWords = 5;

    /// <summary>
    /// Runs the SOA check and, when needed, the transfer; adds history lines and the serial seen to <paramref name="refresh"/>.
    /// With <see cref="RefreshContext.FullTransfer"/> (an operator's request) the zone is transferred by AXFR whatever the
    /// serials say.
    /// </summary>
    public async Task<PrimaryAttempt> RunAsync(RefreshContext refresh, ConfiguredPrimary primary, TransferProgress.Tracker progress)
    {
        var (origin, fullTransfer, cancellationToken) = (refresh.Origin, refresh.FullTransfer, refresh.CancellationToken);
        progress.Enter(TransferPhase.CheckingSoa, primary.Server.ToString());
        var soa = await client.QuerySoaAsync(origin, primary.Server, cancellationToken);
        var now = time.GetUtcNow();
        refresh.State.LastCheckAt = now;
        if (!soa.IsOk)
            return Failed(refresh, primary, null, $"SOA query failed ({soa.Outcome}): {soa.Error}", soa.Duration);
        uint serial = soa.Soa!.Serial;
        refresh.Seen.Add(new PrimarySerial(primary.Id, serial, now));
        var current = refresh.Zone.Snapshot;
        if (!fullTransfer && current is not null && !new SerialNumber(serial).IsNewerThan(new SerialNumber(current.Serial)))
            return UpToDate(refresh, primary, serial, current.Serial, soa.Duration);
        refresh.Log.Add(Line(refresh, primary, TransferLogKind.SoaCheck, serial, soa.Duration, error: fullTransfer ? "full transfer (AXFR) requested by an operator" : null));
        // No SOA of ours makes the client ask for an AXFR (RFC 5936), which replaces the copy whatever its serial.
        progress.Enter(TransferPhase.Transferring);
        var transfer = await client.TransferAsync(origin, primary.Server, fullTransfer ? null : current?.Soa.Data as SoaData, progress, cancellationToken);
        progress.Enter(TransferPhase.Applying);
        return transfer.Outcome switch
        {
            TransferOutcome.UpToDate or TransferOutcome.PrimaryOlder => UpToDate(refresh, primary, transfer.Soa?.Serial ?? serial, current?.Serial ?? 0, transfer.Duration),
            TransferOutcome.Ixfr => await ApplyIxfrAsync(refresh, primary, transfer, progress),
            TransferOutcome.Axfr => Built(refresh, primary, transfer, transfer.Built!, null),
            _ => Failed(refresh, primary, transfer.Soa?.Serial, $"{Describe(transfer)} failed ({transfer.Outcome}): {transfer.Error}", transfer.Duration, transfer),
        };
    }

    /// <summary>Applies the diffs to the served copy; when they do not apply (the copy drifted from the primary's), takes the zone whole.</summary>
    private async Task<PrimaryAttempt> ApplyIxfrAsync(RefreshContext refresh, ConfiguredPrimary primary, TransferResult transfer,
        TransferProgress.Tracker progress)
    {
        var current = refresh.Zone.Snapshot!;
        var applied = current.Apply(transfer.Diffs);
        if (applied.Succeeded)
            return Built(refresh, primary, transfer, applied, transfer.Diffs);
        string error = string.Join("; ", applied.Errors.Take(MaxErrorsInWords));
        LogDiffDoesNotApply(refresh.Origin.ToString(), primary.Server.ToString(), current.Serial, error);
        refresh.Log.Add(Line(refresh, primary, TransferLogKind.Failed, transfer.Soa?.Serial, transfer.Duration, transfer, $"the IXFR does not apply to our copy ({error}); taking the zone by AXFR"));
        progress.Enter(TransferPhase.Transferring);
        var full = await client.TransferAsync(refresh.Origin, primary.Server, null, progress, refresh.CancellationToken);
        progress.Enter(TransferPhase.Applying);
        return full.Outcome == TransferOutcome.Axfr
            ? Built(refresh, primary, full, full.Built!, null)
            : Failed(refresh, primary, full.Soa?.Serial, $"AXFR failed ({full.Outcome}): {full.Error}", full.Duration, full);
    }

    private PrimaryAttempt Built(RefreshContext refresh, ConfiguredPrimary primary, TransferResult transfer, ZoneBuildResult built,
        IReadOnlyList<ZoneDiff>? diffs)
    {
        uint? announced = transfer.Soa?.Serial;
        if (built.Snapshot is not { } snapshot)
        {
            string errors = string.Join("; ", built.Errors.Take(MaxErrorsInWords));
            return Failed(refresh, primary, announced, $"the transferred zone is not valid, the copy served is kept: {errors}", transfer.Duration, transfer);
        }
        if (announced is { } serial && snapshot.Serial != serial)
            return Failed(refresh, primary, announced, $"the transferred zone has serial {snapshot.Serial}, the primary announced {serial}", transfer.Duration, transfer);
        foreach (string warning in built.Warnings.Take(MaxErrorsInWords))
            LogBuildWarning(refresh.Origin.ToString(), primary.Server.ToString(), snapshot.Serial, warning);
        string? warnings = built.Warnings.Count == 0 ? null : "warnings: " + string.Join("; ", built.Warnings.Take(MaxErrorsInWords));
        var kind = diffs is null ? TransferLogKind.Axfr : TransferLogKind.Ixfr;
        if (transfer.FallbackReason is { } reason)
            warnings = $"IXFR fell back to AXFR: {reason}" + (warnings is null ? "" : "; " + warnings);
        var line = Line(refresh, primary, kind, snapshot.Serial, transfer.Duration, transfer, warnings);
        var changes = diffs is null ? TransferChanges.FromSnapshots(refresh.Zone.Snapshot, snapshot) : TransferChanges.FromDiffs(diffs);
        (line.Added, line.Removed, line.Changes) = (changes.Added, changes.Removed, changes.Text);
        refresh.Log.Add(line);
        return new PrimaryAttempt(PrimaryAttemptOutcome.Transferred, primary, snapshot.Serial, snapshot, diffs);
    }

    private PrimaryAttempt UpToDate(RefreshContext refresh, ConfiguredPrimary primary, uint serial, uint ours, TimeSpan duration)
    {
        // RFC 1982: a primary "older" than us is reported and never applied (a primary restored from a backup, a serial reset).
        string? odd = serial == ours ? null : $"the primary's serial {serial} is older than ours ({ours}); keeping ours";
        if (odd is not null)
            LogPrimaryOlder(refresh.Origin.ToString(), primary.Server.ToString(), serial, ours);
        refresh.Log.Add(Line(refresh, primary, TransferLogKind.UpToDate, serial, duration, error: odd));
        return new PrimaryAttempt(PrimaryAttemptOutcome.UpToDate, primary, serial, Error: odd);
    }

    private PrimaryAttempt Failed(RefreshContext refresh, ConfiguredPrimary primary, uint? serial, string error, TimeSpan duration,
        TransferResult? transfer = null)
    {
        LogAttemptFailed(refresh.Origin.ToString(), primary.Server.ToString(), serial, error);
        refresh.Log.Add(Line(refresh, primary, TransferLogKind.Failed, serial, duration, transfer, error));
        return new PrimaryAttempt(PrimaryAttemptOutcome.Failed, primary, serial, Error: error);
    }

    private TransferLogEntry Line(RefreshContext refresh, ConfiguredPrimary primary, TransferLogKind kind, uint? serial, TimeSpan duration,
        TransferResult? transfer = null, string? error = null) => new()
    {
        ZoneId = refresh.State.ZoneId,
        At = time.GetUtcNow(),
        Primary = primary.Server.ToString(),
        Kind = kind,
        Serial = serial,
        Records = transfer?.RecordCount ?? 0,
        Bytes = transfer?.ByteCount ?? 0,
        DurationMs = (long)duration.TotalMilliseconds,
        Error = error,
    };

    private static string Describe(TransferResult transfer) => transfer.FellBackToAxfr ? "AXFR (after IXFR)" : "transfer";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zone {Zone} from {Primary} (serial {Serial}): {Error}")]
    private partial void LogAttemptFailed(string zone, string primary, uint? serial, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zone {Zone}: the IXFR from {Primary} does not apply to our serial {Serial}: {Error}; taking the zone by AXFR")]
    private partial void LogDiffDoesNotApply(string zone, string primary, uint serial, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zone {Zone} from {Primary} (serial {Serial}): {Warning}")]
    private partial void LogBuildWarning(string zone, string primary, uint serial, string warning);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zone {Zone}: {Primary} has serial {Serial}, older than ours ({Ours}); keeping ours")]
    private partial void LogPrimaryOlder(string zone, string primary, uint serial, uint ours);
}
