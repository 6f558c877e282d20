using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Engine.Zones;

/// <summary>
/// The transfer engine's access to the store: reads the secondary zones with their primaries and state, and writes the
/// outcome of each refresh in one transaction (records, zone row, state, transfer history, primaries' serials), so a
/// crash never leaves records and state apart. An IXFR changes only the rows of its diff.
/// </summary>
public sealed partial class SecondaryZoneRepository(
    IDbContextFactory<StoreDbContext> contextFactory,
    TsigSecretProtector protector,
    TimeProvider timeProvider,
    ILogger<SecondaryZoneRepository> logger)
{
    /// <summary>The store's settings version (<see cref="StoreState.ConfigVersion"/>).</summary>
    public async Task<long> GetConfigVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await context.Database.OpenConnectionAsync(cancellationToken);
        return await StoreChangeVersion.ReadConfigAsync(context, cancellationToken);
    }

    /// <summary>Every stored TSIG key whose secret can be decrypted (the others are logged and left out).</summary>
    public async Task<IReadOnlyList<TsigKey>> LoadTsigKeysAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var stored = await context.TsigKeys.AsNoTracking().ToListAsync(cancellationToken);
        return stored.Select(Decrypt).Where(k => k.Key is not null).Select(k => k.Key!).ToList();
    }

    /// <summary>
    /// The secondary zones, not paused, whose stored next refresh is before <paramref name="before"/>: what the overdue
    /// sweep refreshes. The times are compared here, not in SQL (the store keeps them as text).
    /// </summary>
    public async Task<IReadOnlyList<DnsName>> ListRefreshDueAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var due = await context.SecondaryZoneStates.AsNoTracking()
            .Where(state => !state.Paused && state.NextRefreshAt != null)
            .Join(context.Zones.Where(zone => zone.Kind == ZoneKind.Secondary), state => state.ZoneId, zone => zone.Id,
                (state, zone) => new { zone.Origin, state.NextRefreshAt })
            .ToListAsync(cancellationToken);
        return [.. due.Where(zone => zone.NextRefreshAt < before).Select(zone => DnsName.Parse(zone.Origin))];
    }

    /// <summary>Every secondary zone with its primaries (secrets decrypted) and state.</summary>
    public async Task<IReadOnlyList<SecondaryZoneDefinition>> LoadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var zones = await context.Zones.AsNoTracking().Where(z => z.Kind == ZoneKind.Secondary).Select(z => new { z.Id, z.Origin, z.IsDraft }).ToListAsync(cancellationToken);
        var states = await context.SecondaryZoneStates.AsNoTracking().ToDictionaryAsync(s => s.ZoneId, cancellationToken);
        var primaries = (await context.ZonePrimaries.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(p => p.ZoneId);
        var keys = await context.TsigKeys.AsNoTracking().ToDictionaryAsync(k => k.Id, cancellationToken);
        var decrypted = new Dictionary<long, (TsigKey? Key, string? Error)>();
        var result = new List<SecondaryZoneDefinition>(zones.Count);
        foreach (var zone in zones)
        {
            string? error = null;
            var configured = new List<ConfiguredPrimary>();
            foreach (var primary in primaries[zone.Id].OrderBy(p => p.Order))
            {
                TsigKey? key = null;
                if (primary.TsigKeyId is { } keyId)
                {
                    if (!decrypted.TryGetValue(keyId, out var entry))
                        decrypted[keyId] = entry = Decrypt(keys[keyId]);
                    key = entry.Key;
                    error ??= entry.Error;
                }
                configured.Add(new ConfiguredPrimary(primary.Id, new PrimaryServer(new IPEndPoint(IPAddress.Parse(primary.Address), primary.Port), key)));
            }
            var state = states.TryGetValue(zone.Id, out var stored) ? stored : new SecondaryZoneState { ZoneId = zone.Id, Status = ZoneStatus.Pending };
            result.Add(new SecondaryZoneDefinition(zone.Id, DnsName.Parse(zone.Origin), configured, state, error) { IsDraft = zone.IsDraft });
        }
        return result;
    }

    /// <summary>Stores a refresh that brought no records (up to date, or failed): state, history, primaries' serials.</summary>
    /// <returns>False when the zone was removed meanwhile.</returns>
    public async Task<bool> SaveStateAsync(SecondaryZoneState state, IReadOnlyList<TransferLogEntry> log, IReadOnlyList<PrimarySerial> seen, int logLimit,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var rows = new RefreshOutcomeRows(context.Database.GetDbConnection(), transaction.GetDbTransaction());
        if (!rows.ZoneExists(state.ZoneId))
            return false;
        rows.Write(state, log, seen, logLimit);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Stores a transferred zone with its state and history, in one transaction that advances the store's change version.
    /// With <paramref name="diffs"/> (an IXFR applied to the copy stored) only the changed rows are written; without, or
    /// when a deleted record is not found (the stored copy drifted), every row is replaced by <paramref name="snapshot"/>'s.
    /// </summary>
    /// <returns>The zone's new change version, or null when the zone was removed meanwhile.</returns>
    public async Task<long?> SaveTransferAsync(ZoneSnapshot snapshot, IReadOnlyList<ZoneDiff>? diffs, SecondaryZoneState state,
        IReadOnlyList<TransferLogEntry> log, IReadOnlyList<PrimarySerial> seen, int logLimit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(state);
        var stopwatch = Stopwatch.StartNew();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var connection = context.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        var rows = new RefreshOutcomeRows(connection, dbTransaction);
        long version = await StoreChangeVersion.AdvanceAsync(context, cancellationToken);
        if (!rows.UpdateZone(state.ZoneId, snapshot.Serial, snapshot.RecordCount, timeProvider.GetUtcNow(), version))
            return null; // removed meanwhile: nothing is committed, the version's advance neither
        bool patched = diffs is not null && Patch(connection, dbTransaction, snapshot.Origin, state.ZoneId, diffs, cancellationToken);
        if (!patched)
        {
            await context.ZoneRecords.Where(r => r.ZoneId == state.ZoneId).ExecuteDeleteAsync(cancellationToken);
            ZoneRecordRows.Insert(connection, dbTransaction, state.ZoneId, snapshot.Records(), cancellationToken);
        }
        rows.Write(state, log, seen, logLimit);
        await transaction.CommitAsync(cancellationToken);
        LogStored(snapshot.Origin.ToString(), snapshot.Serial, patched ? "changed rows" : "all rows", snapshot.RecordCount, stopwatch.ElapsedMilliseconds);
        return version;
    }

    /// <summary>Applies the diffs row by row; false (nothing to trust) when a deleted record has no row.</summary>
    private bool Patch(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, DnsName origin, long zoneId,
        IReadOnlyList<ZoneDiff> diffs, CancellationToken cancellationToken)
    {
        using var patcher = new ZoneRecordPatcher(connection, transaction, zoneId);
        foreach (var diff in diffs)
        {
            foreach (var deleted in diff.Deleted)
            {
                if (!patcher.Delete(deleted))
                {
                    LogDrift(origin.ToString(), deleted.ToString());
                    return false;
                }
            }
            // Records the snapshot builder drops (outside the zone, another class) are not stored either.
            var added = diff.Added.Where(r => r.Class == DnsClass.IN && r.Name.IsSubdomainOf(origin));
            ZoneRecordRows.Insert(connection, transaction, zoneId, added, cancellationToken);
        }
        return patcher.ReplaceSoa(diffs[^1].NewSoa);
    }

    private (TsigKey? Key, string? Error) Decrypt(StoredTsigKey stored)
    {
        if (!protector.TryUnprotect(stored.ProtectedSecret, out var secret) || secret.Length == 0 || !TsigAlgorithm.TryParse(stored.Algorithm, out var algorithm))
        {
            LogKeyUnreadable(stored.Name);
            return (null, $"the secret of TSIG key {stored.Name} cannot be decrypted (were the data protection keys in the data directory's keys folder lost?)");
        }
        return (new TsigKey(DnsName.Parse(stored.Name), algorithm, secret), null);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Zone {Zone} stored: serial {Serial} ({How}), {Records} records in {ElapsedMs} ms")]
    private partial void LogStored(string zone, uint serial, string how, int records, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zone {Zone}: the stored copy lacks '{Record}', which an IXFR deletes; every row is rewritten")]
    private partial void LogDrift(string zone, string record);

    [LoggerMessage(Level = LogLevel.Error, Message = "The secret of TSIG key {Key} cannot be decrypted; zones using it cannot be refreshed")]
    private partial void LogKeyUnreadable(string key);
}
