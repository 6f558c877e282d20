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
    /// Runs the SOA check and, when needed, the transfer; adds history lines to <paramref name="log"/>. With
    /// <paramref name="fullTransfer"/> (an operator's request) the zone is transferred by AXFR whatever the serials say.
    /// </summary>
    public async Task<PrimaryAttempt> RunAsync(ZoneEventLoop loop, ConfiguredPrimary primary, List<TransferLogEntry> log, List<PrimarySerial> seen,
        bool fullTransfer, TransferProgress.Tracker progress, CancellationToken cancellationToken)
    {
        var origin = loop.Origin;
        progress.Enter(TransferPhase.CheckingSoa, primary.Server.ToString());
        var soa = await client.QuerySoaAsync(origin, primary.Server, cancellationToken);
        var now = time.GetUtcNow();
        loop.State.LastCheckAt = now;
        if (!soa.IsOk)
            return Failed(loop, primary, log, null, $"SOA query failed ({soa.Outcome}): {soa.Error}", soa.Duration);
        uint serial = soa.Soa!.Serial;
        seen.Add(new PrimarySerial(primary.Id, serial, now));
        var current = loop.Snapshot;
        if (!fullTransfer && current is not null && !new SerialNumber(serial).IsNewerThan(new SerialNumber(current.Serial)))
            return UpToDate(loop, primary, log, serial, current.Serial, soa.Duration);
        log.Add(Line(loop, primary, TransferLogKind.SoaCheck, serial, soa.Duration, error: fullTransfer ? "full transfer (AXFR) requested by an operator" : null));
        // No SOA of ours makes the client ask for an AXFR (RFC 5936), which replaces the copy whatever its serial.
        progress.Enter(TransferPhase.Transferring);
        var transfer = await client.TransferAsync(origin, primary.Server, fullTransfer ? null : current?.Soa.Data as SoaData, progress, cancellationToken);
        progress.Enter(TransferPhase.Applying);
        return transfer.Outcome switch
        {
            TransferOutcome.UpToDate or TransferOutcome.PrimaryOlder => UpToDate(loop, primary, log, transfer.Soa?.Serial ?? serial, current?.Serial ?? 0, transfer.Duration),
            TransferOutcome.Ixfr => await ApplyIxfrAsync(loop, primary, transfer, log, progress, cancellationToken),
            TransferOutcome.Axfr => Built(loop, primary, transfer, transfer.Built!, null, log),
            _ => Failed(loop, primary, log, transfer.Soa?.Serial, $"{Describe(transfer)} failed ({transfer.Outcome}): {transfer.Error}", transfer.Duration, transfer),
        };
    }

    /// <summary>Applies the diffs to the served copy; when they do not apply (the copy drifted from the primary's), takes the zone whole.</summary>
    private async Task<PrimaryAttempt> ApplyIxfrAsync(ZoneEventLoop loop, ConfiguredPrimary primary, TransferResult transfer, List<TransferLogEntry> log,
        TransferProgress.Tracker progress, CancellationToken cancellationToken)
    {
        var current = loop.Snapshot!;
        var applied = current.Apply(transfer.Diffs);
        if (applied.Succeeded)
            return Built(loop, primary, transfer, applied, transfer.Diffs, log);
        string error = string.Join("; ", applied.Errors.Take(MaxErrorsInWords));
        LogDiffDoesNotApply(loop.Origin.ToString(), primary.Server.ToString(), current.Serial, error);
        log.Add(Line(loop, primary, TransferLogKind.Failed, transfer.Soa?.Serial, transfer.Duration, transfer, $"the IXFR does not apply to our copy ({error}); taking the zone by AXFR"));
        progress.Enter(TransferPhase.Transferring);
        var full = await client.TransferAsync(loop.Origin, primary.Server, null, progress, cancellationToken);
        progress.Enter(TransferPhase.Applying);
        return full.Outcome == TransferOutcome.Axfr
            ? Built(loop, primary, full, full.Built!, null, log)
            : Failed(loop, primary, log, full.Soa?.Serial, $"AXFR failed ({full.Outcome}): {full.Error}", full.Duration, full);
    }

    private PrimaryAttempt Built(ZoneEventLoop loop, ConfiguredPrimary primary, TransferResult transfer, ZoneBuildResult built,
        IReadOnlyList<ZoneDiff>? diffs, List<TransferLogEntry> log)
    {
        uint? announced = transfer.Soa?.Serial;
        if (built.Snapshot is not { } snapshot)
        {
            string errors = string.Join("; ", built.Errors.Take(MaxErrorsInWords));
            return Failed(loop, primary, log, announced, $"the transferred zone is not valid, the copy served is kept: {errors}", transfer.Duration, transfer);
        }
        if (announced is { } serial && snapshot.Serial != serial)
            return Failed(loop, primary, log, announced, $"the transferred zone has serial {snapshot.Serial}, the primary announced {serial}", transfer.Duration, transfer);
        foreach (string warning in built.Warnings.Take(MaxErrorsInWords))
            LogBuildWarning(loop.Origin.ToString(), primary.Server.ToString(), snapshot.Serial, warning);
        string? warnings = built.Warnings.Count == 0 ? null : "warnings: " + string.Join("; ", built.Warnings.Take(MaxErrorsInWords));
        var kind = diffs is null ? TransferLogKind.Axfr : TransferLogKind.Ixfr;
        if (transfer.FallbackReason is { } reason)
            warnings = $"IXFR fell back to AXFR: {reason}" + (warnings is null ? "" : "; " + warnings);
        var line = Line(loop, primary, kind, snapshot.Serial, transfer.Duration, transfer, warnings);
        var changes = diffs is null ? TransferChanges.FromSnapshots(loop.Snapshot, snapshot) : TransferChanges.FromDiffs(diffs);
        (line.Added, line.Removed, line.Changes) = (changes.Added, changes.Removed, changes.Text);
        log.Add(line);
        return new PrimaryAttempt(PrimaryAttemptOutcome.Transferred, primary, snapshot.Serial, snapshot, diffs);
    }

    private PrimaryAttempt UpToDate(ZoneEventLoop loop, ConfiguredPrimary primary, List<TransferLogEntry> log, uint serial, uint ours, TimeSpan duration)
    {
        // RFC 1982: a primary "older" than us is reported and never applied (a primary restored from a backup, a serial reset).
        string? odd = serial == ours ? null : $"the primary's serial {serial} is older than ours ({ours}); keeping ours";
        if (odd is not null)
            LogPrimaryOlder(loop.Origin.ToString(), primary.Server.ToString(), serial, ours);
        log.Add(Line(loop, primary, TransferLogKind.UpToDate, serial, duration, error: odd));
        return new PrimaryAttempt(PrimaryAttemptOutcome.UpToDate, primary, serial, Error: odd);
    }

    private PrimaryAttempt Failed(ZoneEventLoop loop, ConfiguredPrimary primary, List<TransferLogEntry> log, uint? serial, string error, TimeSpan duration,
        TransferResult? transfer = null)
    {
        LogAttemptFailed(loop.Origin.ToString(), primary.Server.ToString(), serial, error);
        log.Add(Line(loop, primary, TransferLogKind.Failed, serial, duration, transfer, error));
        return new PrimaryAttempt(PrimaryAttemptOutcome.Failed, primary, serial, Error: error);
    }

    private TransferLogEntry Line(ZoneEventLoop loop, ConfiguredPrimary primary, TransferLogKind kind, uint? serial, TimeSpan duration,
        TransferResult? transfer = null, string? error = null) => new()
    {
        ZoneId = loop.State.ZoneId,
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
