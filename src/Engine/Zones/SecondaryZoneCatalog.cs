using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Engine.Zones;

/// <summary>
/// Adds secondary zones, asks for their refresh and reports their status, for the command line and the portal. Every
/// change advances the store's settings version in the same transaction, which the transfer engine polls, so a running
/// server acts on it within a second even when the change comes from another process.
/// </summary>
public sealed partial class SecondaryZoneCatalog(
    IDbContextFactory<StoreDbContext> contextFactory,
    TsigSecretProtector protector,
    TimeProvider timeProvider,
    ILogger<SecondaryZoneCatalog> logger)
{
    /// <summary>
    /// Stores <paramref name="origin"/> as a secondary zone of <paramref name="primaries"/> (in order), pending its first
    /// transfer. With <paramref name="newKey"/> the key is stored (or, when a key of that name is stored, must be the same);
    /// with only <paramref name="keyName"/>, a stored key is reused. The key, if any, signs the traffic to every primary.
    /// </summary>
    public Task<SecondaryZoneAddResult> AddAsync(DnsName origin, IReadOnlyList<IPEndPoint> primaries, string? keyName = null, TsigKey? newKey = null,
        CancellationToken cancellationToken = default) =>
        AddAsync(origin, primaries, new SecondaryZoneAddOptions { KeyName = keyName, NewKey = newKey }, cancellationToken);

    /// <summary>
    /// Stores <paramref name="origin"/> as a secondary zone of <paramref name="primaries"/> (in order), pending its first
    /// transfer, as <paramref name="options"/> say (key, owning account, draft).
    /// </summary>
    public async Task<SecondaryZoneAddResult> AddAsync(DnsName origin, IReadOnlyList<IPEndPoint> primaries, SecondaryZoneAddOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(primaries);
        ArgumentNullException.ThrowIfNull(options);
        var (keyName, newKey) = (options.KeyName, options.NewKey);
        string key = ZoneStore.OriginKey(origin);
        if (primaries.Count == 0)
            return new SecondaryZoneAddResult(SecondaryZoneAddStatus.NoPrimary, key, $"{key} needs at least one primary.");
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        if (await context.Zones.AnyAsync(z => z.Origin == key, cancellationToken))
            return new SecondaryZoneAddResult(SecondaryZoneAddStatus.Exists, key, $"A zone {key} is already stored; remove it first to add it again.");
        var (keyRow, refusal) = await FindOrAddKeyAsync(context, keyName ?? newKey?.Name.ToString(), newKey, key, options.OwnerId, cancellationToken);
        if (refusal is not null)
            return refusal;

        var now = timeProvider.GetUtcNow();
        long version = await StoreChangeVersion.AdvanceAsync(context, cancellationToken);
        await StoreChangeVersion.AdvanceConfigAsync(context, cancellationToken);
        var zone = new Zone
        {
            Origin = key, Kind = ZoneKind.Secondary, CreatedAt = now, UpdatedAt = now, Version = version, OwnerId = options.OwnerId, IsDraft = options.AsDraft,
        };
        context.Zones.Add(zone);
        await context.SaveChangesAsync(cancellationToken);
        context.SecondaryZoneStates.Add(new SecondaryZoneState { ZoneId = zone.Id, Status = ZoneStatus.Pending, NextRefreshAt = now });
        for (int i = 0; i < primaries.Count; i++)
        {
            context.ZonePrimaries.Add(new ZonePrimary
            {
                ZoneId = zone.Id, Order = i, Address = primaries[i].Address.ToString(), Port = primaries[i].Port, TsigKeyId = keyRow?.Id,
            });
        }
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        string from = string.Join(", ", primaries.Select(p => p.ToString()));
        LogAdded(key, from, keyRow?.Name);
        string signed = keyRow is null ? "" : $", signed with TSIG key {keyRow.Name}";
        string draft = options.AsDraft ? " as a draft (not served until published)" : "";
        return new SecondaryZoneAddResult(SecondaryZoneAddStatus.Added, key, $"Added secondary zone {key}{draft} from {from}{signed}; a running server transfers it within a second.")
        {
            ZoneId = zone.Id,
        };
    }

    /// <summary>Asks the transfer engine to refresh the secondary zone <paramref name="origin"/> now (SOA check, then a transfer if newer).</summary>
    public Task<ZoneCommandResult> RequestRefreshAsync(DnsName origin, CancellationToken cancellationToken = default) =>
        UpdateStateAsync(origin, "refresh from", (states, ct) => states.ExecuteUpdateAsync(set => set.SetProperty(s => s.RefreshRequest, s => s.RefreshRequest + 1), ct),
            key => $"Refresh of {key} requested; a running server checks its primaries within a second (see: zone status {key}).", cancellationToken);

    /// <summary>
    /// Asks the transfer engine to transfer the secondary zone <paramref name="origin"/> whole (AXFR) at its next refresh,
    /// which it starts within a second, even when the primary's serial is the one served.
    /// </summary>
    public Task<ZoneCommandResult> RequestFullTransferAsync(DnsName origin, CancellationToken cancellationToken = default) =>
        UpdateStateAsync(origin, "transfer from", (states, ct) => states.ExecuteUpdateAsync(set => set.SetProperty(s => s.AxfrRequest, s => s.AxfrRequest + 1), ct),
            key => $"Full transfer (AXFR) of {key} requested; a running server starts it within a second.", cancellationToken);

    /// <summary>
    /// Pauses the secondary zone <paramref name="origin"/>: a running server stops refreshing it within a second (timers and
    /// NOTIFY ignored) and serves its last copy, until the SOA expire time runs out (see <see cref="Events.PauseHandler"/>).
    /// </summary>
    public Task<ZoneCommandResult> PauseAsync(DnsName origin, CancellationToken cancellationToken = default) =>
        UpdateStateAsync(origin, "pause refreshing from", (states, ct) => states.ExecuteUpdateAsync(set => set.SetProperty(s => s.Paused, true), ct),
            key => $"{key} paused: its last copy stays served and nothing is refreshed until it is resumed.", cancellationToken);

    /// <summary>Resumes the paused secondary zone <paramref name="origin"/>: a running server refreshes it within a second.</summary>
    public Task<ZoneCommandResult> ResumeAsync(DnsName origin, CancellationToken cancellationToken = default) =>
        UpdateStateAsync(origin, "resume refreshing from", (states, ct) => states.ExecuteUpdateAsync(set => set.SetProperty(s => s.Paused, false), ct),
            key => $"{key} resumed: a running server refreshes it within a second.", cancellationToken);

    /// <summary>Applies an operator's request to a secondary zone's state row and advances the settings version, in one transaction.</summary>
    private async Task<ZoneCommandResult> UpdateStateAsync(DnsName origin, string verb, Func<IQueryable<SecondaryZoneState>, CancellationToken, Task<int>> update,
        Func<string, string> done, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        string key = ZoneStore.OriginKey(origin);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var zone = await context.Zones.AsNoTracking().SingleOrDefaultAsync(z => z.Origin == key, cancellationToken);
        if (zone is null)
            return new ZoneCommandResult(false, $"No zone {key} is stored.");
        if (zone.Kind != ZoneKind.Secondary)
            return new ZoneCommandResult(false, $"{key} is an authoritative zone: it has no primary to {verb}.");
        await update(context.SecondaryZoneStates.Where(s => s.ZoneId == zone.Id), cancellationToken);
        await StoreChangeVersion.AdvanceConfigAsync(context, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ZoneCommandResult(true, done(key));
    }

    /// <summary>The zone's summary and, for a secondary zone, its state, primaries and the newest <paramref name="logLines"/> transfers.</summary>
    public async Task<SecondaryZoneReport?> GetReportAsync(DnsName origin, int logLines = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(origin);
        string key = ZoneStore.OriginKey(origin);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var zone = await context.Zones.AsNoTracking().SingleOrDefaultAsync(z => z.Origin == key, cancellationToken);
        if (zone is null)
            return null;
        var state = await context.SecondaryZoneStates.AsNoTracking().SingleOrDefaultAsync(s => s.ZoneId == zone.Id, cancellationToken);
        var keyNames = await context.TsigKeys.AsNoTracking().ToDictionaryAsync(k => k.Id, k => k.Name, cancellationToken);
        var primaries = (await context.ZonePrimaries.AsNoTracking().Where(p => p.ZoneId == zone.Id).OrderBy(p => p.Order).ToListAsync(cancellationToken))
            .Select(p => new PrimaryReport(new IPEndPoint(IPAddress.Parse(p.Address), p.Port).ToString(),
                p.TsigKeyId is { } id ? keyNames[id] : null, p.LastSeenSerial, p.LastSeenAt))
            .ToList();
        var log = await context.TransferLog.AsNoTracking().Where(l => l.ZoneId == zone.Id).OrderByDescending(l => l.Id).Take(logLines).ToListAsync(cancellationToken);
        var summary = new ZoneSummary(zone.Origin, zone.Kind, (uint)zone.Serial, zone.RecordCount, zone.UpdatedAt, zone.Version, state?.Status,
            zone.OwnerId, zone.IsDraft) { Id = zone.Id };
        return new SecondaryZoneReport(summary, state, primaries, log);
    }

    private async Task<(StoredTsigKey? Key, SecondaryZoneAddResult? Refusal)> FindOrAddKeyAsync(StoreDbContext context, string? keyName, TsigKey? newKey,
        string origin, string? ownerId, CancellationToken cancellationToken)
    {
        if (keyName is null)
            return (null, null);
        string name = DnsName.Parse(keyName).ToLowerCase().ToString();
        var stored = await context.TsigKeys.SingleOrDefaultAsync(k => k.Name == name, cancellationToken);
        if (newKey is null && stored is not null && ownerId is not null && stored.OwnerId != ownerId)
            stored = null; // another account's key: not ours to reuse
        if (newKey is null)
        {
            return stored is not null
                ? (stored, null)
                : (null, new SecondaryZoneAddResult(SecondaryZoneAddStatus.KeyNotFound, origin,
                    $"No TSIG key {name} is stored; give its algorithm and secret with --tsig-algorithm and --tsig-secret."));
        }
        if (stored is null)
        {
            stored = new StoredTsigKey
            {
                Name = name, Algorithm = newKey.Algorithm.Mnemonic, ProtectedSecret = protector.Protect(newKey.Secret.Span), CreatedAt = timeProvider.GetUtcNow(),
                OwnerId = ownerId,
            };
            context.TsigKeys.Add(stored);
            await context.SaveChangesAsync(cancellationToken);
            return (stored, null);
        }
        bool same = (ownerId is null || stored.OwnerId == ownerId) && stored.Algorithm == newKey.Algorithm.Mnemonic
            && protector.TryUnprotect(stored.ProtectedSecret, out var secret) && secret.AsSpan().SequenceEqual(newKey.Secret.Span);
        return same
            ? (stored, null)
            : (null, new SecondaryZoneAddResult(SecondaryZoneAddStatus.KeyConflict, origin,
                $"A TSIG key {name} is already stored with another algorithm or secret; use another key name, or give only --tsig {name} to reuse it."));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Secondary zone {Zone} added: primaries {Primaries}, TSIG key {Key}")]
    private partial void LogAdded(string zone, string primaries, string? key);
}
