using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Engine.Journal;
using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Engine.Zones;

/// <summary>
/// Stores zones and their records, and reads them back as records or as serving snapshots. A zone is only
/// ever replaced whole, in one transaction, after it was validated by building its snapshot; readers (also
/// in other processes) see either the old zone or the new one. Every change advances the store's change
/// version, which <see cref="ZonePublisher"/> polls. Replacing an authoritative zone with a newer serial also
/// records the change in the zone's IXFR journal, in the same transaction.
/// </summary>
public sealed partial class ZoneStore(IDbContextFactory<StoreDbContext> contextFactory, TimeProvider timeProvider, ILogger<ZoneStore> logger,
    JournalOptions? journalOptions = null)
{
    private readonly long _maxJournalBytes = (journalOptions ?? new JournalOptions()).MaxBytesPerZone;

    /// <summary>
    /// Raised after an import committed, with the zone's origin: in-process listeners (the NOTIFY service) act at
    /// once instead of at their next poll. Handlers run on the importing thread and must not block.
    /// </summary>
    public event Action<DnsName>? ZoneImported;

    /// <summary>
    /// Replaces the authoritative zone <paramref name="origin"/> with <paramref name="records"/> (or adds it).
    /// The records are first built into a snapshot; when that fails the zone is rejected with the builder's
    /// errors and the stored zone stays as it was.
    /// </summary>
    public Task<ZoneImportResult> ImportAsync(DnsName origin, IEnumerable<DnsRecord> records, CancellationToken cancellationToken = default) =>
        ImportAsync(origin, records, new ZoneImportOptions(), cancellationToken);

    /// <summary>
    /// Replaces the authoritative zone <paramref name="origin"/> with <paramref name="records"/> (or adds it), as
    /// <paramref name="options"/> say: as a draft of the Add Site wizard, for an account. The records are first built into
    /// a snapshot; when that fails the zone is rejected with the builder's errors and the stored zone stays as it was. A
    /// draft is neither served nor announced by NOTIFY.
    /// </summary>
    public async Task<ZoneImportResult> ImportAsync(DnsName origin, IEnumerable<DnsRecord> records, ZoneImportOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        string key = OriginKey(origin);
        var built = ZoneSnapshot.Build(origin, records);
        if (built.Snapshot is not { } snapshot)
            return new ZoneImportResult(ZoneImportStatus.Invalid, key, $"{key} is not a valid zone; the stored zone, if any, is unchanged.", built.Errors, built.Warnings, 0, 0);

        var stopwatch = Stopwatch.StartNew();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        long version = await StoreChangeVersion.AdvanceAsync(context, cancellationToken);
        var zone = await context.Zones.SingleOrDefaultAsync(z => z.Origin == key, cancellationToken);
        if (zone is { Kind: not ZoneKind.Authoritative })
            return new ZoneImportResult(ZoneImportStatus.NotAuthoritative, key, $"{key} is a secondary zone: its records come from its primaries and cannot be imported.", [], built.Warnings, 0, 0);
        if (zone is not null && ((options.AsDraft && !zone.IsDraft) || (options.OwnerId is { } owner && zone.OwnerId != owner)))
            return new ZoneImportResult(ZoneImportStatus.Exists, key, $"A zone {key} is already stored; it cannot be added again.", [], built.Warnings, 0, 0);

        var now = timeProvider.GetUtcNow();
        if (zone is null)
        {
            zone = new Zone { Origin = key, Kind = ZoneKind.Authoritative, CreatedAt = now, OwnerId = options.OwnerId, IsDraft = options.AsDraft };
            context.Zones.Add(zone);
        }
        else
        {
            await RecordJournalAsync(context, transaction, zone, snapshot, now, cancellationToken);
            await context.ZoneRecords.Where(r => r.ZoneId == zone.Id).ExecuteDeleteAsync(cancellationToken);
        }
        zone.Serial = snapshot.Serial;
        zone.RecordCount = snapshot.RecordCount;
        zone.UpdatedAt = now;
        zone.Version = version;
        await context.SaveChangesAsync(cancellationToken);
        ZoneRecordRows.Insert(context.Database.GetDbConnection(), transaction.GetDbTransaction(), zone.Id, snapshot.Records(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        LogStored(key, snapshot.Serial, snapshot.RecordCount, stopwatch.ElapsedMilliseconds);
        if (zone.IsDraft)
            return new ZoneImportResult(ZoneImportStatus.Imported, key, $"{key} stored as a draft: serial {snapshot.Serial}, {snapshot.RecordCount} records; not served until published.", [], built.Warnings, snapshot.Serial, snapshot.RecordCount) { ZoneId = zone.Id };
        ZoneImported?.Invoke(origin);
        return new ZoneImportResult(ZoneImportStatus.Imported, key, $"{key} stored: serial {snapshot.Serial}, {snapshot.RecordCount} records.", [], built.Warnings, snapshot.Serial, snapshot.RecordCount) { ZoneId = zone.Id };
    }

    /// <summary>
    /// Records the change from the stored version of <paramref name="zone"/> to <paramref name="snapshot"/> in the
    /// zone's journal: the diff when the serial moves forward (RFC 1982), otherwise (same or older serial, or a
    /// stored version that no longer reads) the journal is emptied, since no IXFR could be answered right from it.
    /// </summary>
    private async Task RecordJournalAsync(StoreDbContext context, IDbContextTransaction transaction, Zone zone, ZoneSnapshot snapshot,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ZoneDiff? diff = null;
        if (new SerialNumber(snapshot.Serial).IsNewerThan(new SerialNumber((uint)zone.Serial)))
        {
            try
            {
                var records = ZoneRecordRows.Read(context.Database.GetDbConnection(), transaction.GetDbTransaction(), zone.Id);
                if (ZoneSnapshot.Build(snapshot.Origin, records).Snapshot is { } previous)
                    diff = ZoneSnapshotDiff.Compute(previous, snapshot);
            }
            catch (InvalidDataException e)
            {
                LogStoredZoneUnreadable(e, zone.Origin);
            }
        }
        var update = await ZoneJournalWriter.RecordAsync(context, zone.Id, diff, _maxJournalBytes, now, cancellationToken);
        if (update == JournalUpdate.Cleared)
            LogJournalCleared(zone.Origin, (uint)zone.Serial, snapshot.Serial);
    }

    /// <summary>The stored records of <paramref name="origin"/>, in stored order.</summary>
    public async Task<ZoneExportResult> ExportAsync(DnsName origin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(origin);
        string key = OriginKey(origin);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await StoreReadTransaction.BeginAsync(context, cancellationToken);
        var zone = await context.Zones.AsNoTracking().SingleOrDefaultAsync(z => z.Origin == key, cancellationToken);
        if (zone is null)
            return new ZoneExportResult(false, [], $"No zone {key} is stored.");
        try
        {
            var records = ZoneRecordRows.Read(context.Database.GetDbConnection(), transaction, zone.Id).ToList();
            return new ZoneExportResult(true, records, $"{key}: {records.Count} records.");
        }
        catch (InvalidDataException e)
        {
            LogStoredZoneUnreadable(e, key);
            return new ZoneExportResult(false, [], $"The stored records of {key} cannot be read.");
        }
    }

    /// <summary>Every stored zone (drafts too: see <see cref="ZoneSummary.IsDraft"/>), ordered by origin.</summary>
    public Task<IReadOnlyList<ZoneSummary>> ListAsync(CancellationToken cancellationToken = default) => ListOwnedAsync(null, cancellationToken);

    /// <summary>
    /// The origin, version and draft flag of every zone changed after <paramref name="afterVersion"/> (every zone for -1):
    /// one narrow query, for following the store without loading every zone's row at each change.
    /// </summary>
    public async Task<IReadOnlyList<ZoneVersion>> ListVersionsAsync(long afterVersion, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Zones.AsNoTracking().Where(z => z.Version > afterVersion)
            .Select(z => new ZoneVersion(z.Origin, z.Version, z.IsDraft)).ToListAsync(cancellationToken);
    }

    /// <summary>The number of zones stored that are not drafts (the zones a server serves or waits to serve).</summary>
    public async Task<int> CountServableAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Zones.CountAsync(z => !z.IsDraft, cancellationToken);
    }

    /// <summary>
    /// The zones of the account <paramref name="ownerId"/> (drafts too), ordered by origin; with null, every stored zone
    /// (an administrator's view).
    /// </summary>
    public async Task<IReadOnlyList<ZoneSummary>> ListOwnedAsync(string? ownerId, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = context.Zones.AsNoTracking();
        if (ownerId is not null)
            query = query.Where(z => z.OwnerId == ownerId);
        var zones = await query.ToListAsync(cancellationToken);
        var statuses = await context.SecondaryZoneStates.AsNoTracking().ToDictionaryAsync(state => state.ZoneId, state => state.Status, cancellationToken);
        return zones
            .Select(z => new ZoneSummary(z.Origin, z.Kind, (uint)z.Serial, z.RecordCount, z.UpdatedAt, z.Version,
                statuses.TryGetValue(z.Id, out var status) ? status : null, z.OwnerId, z.IsDraft) { Id = z.Id })
            .OrderBy(z => DnsName.Parse(z.Origin))
            .ToList();
    }

    /// <summary>
    /// Builds the serving snapshot of the stored zone <paramref name="origin"/>. The records and the zone row
    /// are read in one read transaction, so the snapshot and its version always match, and an import running
    /// meanwhile is neither blocked nor seen half-done.
    /// </summary>
    public async Task<ZoneLoadResult> LoadAsync(DnsName origin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(origin);
        string key = OriginKey(origin);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await StoreReadTransaction.BeginAsync(context, cancellationToken);
        var zone = await context.Zones.AsNoTracking().SingleOrDefaultAsync(z => z.Origin == key, cancellationToken);
        if (zone is null)
            return new ZoneLoadResult(ZoneLoadStatus.NotFound, null, 0, $"No zone {key} is stored.");
        if (zone.Kind == ZoneKind.Secondary && await SecondaryUnavailableReasonAsync(context, zone, cancellationToken) is { } reason)
            return new ZoneLoadResult(ZoneLoadStatus.Unavailable, null, zone.Version, reason);
        try
        {
            var records = ZoneRecordRows.Read(context.Database.GetDbConnection(), transaction, zone.Id);
            var built = ZoneSnapshot.Build(origin, records);
            if (built.Snapshot is { } snapshot)
                return new ZoneLoadResult(ZoneLoadStatus.Loaded, snapshot, zone.Version, $"{key}: serial {snapshot.Serial}, {snapshot.RecordCount} records.");
            LogStoredZoneInvalid(key, string.Join("; ", built.Errors));
            return new ZoneLoadResult(ZoneLoadStatus.Invalid, null, zone.Version, $"The stored zone {key} is not valid.");
        }
        catch (InvalidDataException e)
        {
            LogStoredZoneUnreadable(e, key);
            return new ZoneLoadResult(ZoneLoadStatus.Invalid, null, zone.Version, $"The stored records of {key} cannot be read.");
        }
    }

    /// <summary>
    /// Removes the zone <paramref name="origin"/> and its records (and, for a secondary zone, its primaries, state and
    /// transfer history, by cascade); false when it was not stored.
    /// </summary>
    public async Task<bool> RemoveAsync(DnsName origin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(origin);
        string key = OriginKey(origin);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        await StoreChangeVersion.AdvanceAsync(context, cancellationToken);
        var zone = await context.Zones.SingleOrDefaultAsync(z => z.Origin == key, cancellationToken);
        if (zone is null)
            return false; // the transaction rolls back: nothing changed
        if (zone.Kind == ZoneKind.Secondary)
            await StoreChangeVersion.AdvanceConfigAsync(context, cancellationToken); // the transfer engine drops its schedule
        await context.ZoneRecords.Where(r => r.ZoneId == zone.Id).ExecuteDeleteAsync(cancellationToken);
        context.Zones.Remove(zone);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogRemoved(key);
        return true;
    }

    /// <summary>The store's change version: it differs from a value read earlier exactly when something changed since.</summary>
    public async Task<long> GetChangeVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await context.Database.OpenConnectionAsync(cancellationToken);
        return await StoreChangeVersion.ReadAsync(context, cancellationToken);
    }

    /// <summary>Why a secondary zone must not be served from its stored copy: none transferred yet, or expired (RFC 1035 §3.3.13).</summary>
    private static async Task<string?> SecondaryUnavailableReasonAsync(StoreDbContext context, Zone zone, CancellationToken cancellationToken)
    {
        if (zone.RecordCount == 0)
            return $"{zone.Origin} has not been transferred from its primaries yet.";
        var status = await context.SecondaryZoneStates.AsNoTracking().Where(s => s.ZoneId == zone.Id).Select(s => (ZoneStatus?)s.Status).SingleOrDefaultAsync(cancellationToken);
        return status == ZoneStatus.Expired ? $"{zone.Origin} expired: no primary answered for the SOA expire time." : null;
    }

    /// <summary>The key a zone is stored under: its origin in lowercase presentation form.</summary>
    public static string OriginKey(DnsName origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return origin.ToLowerCase().ToString();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Zone {Zone} stored: serial {Serial}, {Records} records in {ElapsedMs} ms")]
    private partial void LogStored(string zone, uint serial, int records, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zone {Zone} went from serial {OldSerial} to {Serial} without a diff to journal: secondaries behind it will transfer it whole")]
    private partial void LogJournalCleared(string zone, uint oldSerial, uint serial);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zone {Zone} removed from the store")]
    private partial void LogRemoved(string zone);

    [LoggerMessage(Level = LogLevel.Error, Message = "The stored records of zone {Zone} cannot be decoded")]
    private partial void LogStoredZoneUnreadable(Exception exception, string zone);

    [LoggerMessage(Level = LogLevel.Error, Message = "The stored zone {Zone} does not build: {Errors}")]
    private partial void LogStoredZoneInvalid(string zone, string errors);
}
