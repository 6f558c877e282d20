using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Engine.Journal;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Outbound;

/// <summary>
/// The store's transfer settings and IXFR journals held in memory, for the DNS listeners: the
/// <see cref="IZoneTransferPolicy"/> and <see cref="IZoneJournal"/> of <see cref="ZoneTransferResponder"/>, and the
/// NOTIFY targets of <see cref="ZoneNotifyService"/>. <see cref="RefreshAsync"/> reloads it when the store's change
/// version moved; journal entries, which never change once written, are read only once. Until the first refresh
/// nothing is allowed and no journal is known.
/// </summary>
public sealed partial class TransferSettingsCache(IDbContextFactory<StoreDbContext> contextFactory, ILogger<TransferSettingsCache> logger)
    : IZoneTransferPolicy, IZoneJournal
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile TransferSettingsState _state = TransferSettingsState.Empty;

    /// <summary>The store's change version the cache reflects; -1 before the first refresh.</summary>
    public long Version => _state.Version;

    /// <summary>Every authoritative zone with at least one NOTIFY target, and its targets.</summary>
    public IEnumerable<(DnsName Zone, IReadOnlyList<NotifyTargetSetting> Targets)> NotifyTargets =>
        _state.Zones.Values.Where(z => z.Targets.Count > 0).Select(z => (z.Origin, z.Targets));

    /// <inheritdoc/>
    public bool IsTransferAllowed(DnsName zone, IPAddress remote, DnsName? keyName) =>
        _state.Zones.TryGetValue(ZoneStore.OriginKey(zone), out var settings) && TransferAclEntry.AnyAllows(settings.Acl, remote, keyName);

    /// <inheritdoc/>
    public bool TryGetDiffs(DnsName zone, uint fromSerial, uint toSerial, [NotNullWhen(true)] out IReadOnlyList<ZoneDiff>? diffs)
    {
        diffs = null;
        if (!_state.Zones.TryGetValue(ZoneStore.OriginKey(zone), out var settings))
            return false;
        var chain = new List<ZoneDiff>();
        uint serial = fromSerial;
        foreach (var entry in settings.Journal)
        {
            if (serial == toSerial)
                break;
            if (chain.Count == 0 && entry.FromSerial != serial)
                continue; // older than the client's serial
            if (entry.FromSerial != serial)
                return false;
            try
            {
                chain.Add(JournalDiffCodec.Decode(entry.Data));
            }
            catch (InvalidDataException e)
            {
                LogJournalUnreadable(e, ZoneStore.OriginKey(zone), entry.FromSerial, entry.ToSerial);
                return false;
            }
            serial = entry.ToSerial;
        }
        if (serial != toSerial || chain.Count == 0)
            return false;
        diffs = chain;
        return true;
    }

    /// <summary>
    /// Reloads the settings when the store's change version moved since the last refresh; does nothing
    /// otherwise. Store errors propagate (the caller logs them and retries at its next pass).
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await StoreReadTransaction.BeginAsync(context, cancellationToken);
            // Read first: a change made while this refresh runs moves the version again and is loaded next time.
            long version = await StoreChangeVersion.ReadAsync(context, cancellationToken);
            if (version == _state.Version)
                return;
            _state = await LoadAsync(context, version, _state, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<TransferSettingsState> LoadAsync(StoreDbContext context, long version, TransferSettingsState previous, CancellationToken cancellationToken)
    {
        var zones = await context.Zones.AsNoTracking().Where(z => z.Kind == ZoneKind.Authoritative)
            .Select(z => new { z.Id, z.Origin }).ToListAsync(cancellationToken);
        var acl = (await context.ZoneTransferAcl.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(e => e.ZoneId);
        var targets = (await context.ZoneNotifyTargets.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(t => t.ZoneId);
        var index = await context.ZoneJournal.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.ZoneId, e.FromSerial, e.ToSerial }).ToListAsync(cancellationToken);
        var known = previous.Zones.Values.SelectMany(z => z.Journal).ToDictionary(e => e.Id);
        var missing = index.Where(e => !known.ContainsKey(e.Id)).Select(e => e.Id).ToList();
        var data = missing.Count == 0 ? [] : await context.ZoneJournal.AsNoTracking().Where(e => missing.Contains(e.Id))
            .Select(e => new { e.Id, e.Data }).ToDictionaryAsync(e => e.Id, e => e.Data, cancellationToken);
        // Both reads run in one read transaction, so every indexed row's data is there.
        var journals = index.Where(e => known.ContainsKey(e.Id) || data.ContainsKey(e.Id))
            .Select(e => known.TryGetValue(e.Id, out var cached) ? cached : new CachedJournalEntry(e.Id, e.ZoneId, (uint)e.FromSerial, (uint)e.ToSerial, data[e.Id]))
            .ToLookup(e => e.ZoneId);
        var byOrigin = zones.ToFrozenDictionary(z => z.Origin, z => new CachedZoneSettings(
            DnsName.Parse(z.Origin),
            acl[z.Id].Select(e => TransferAclEntry.TryParse(e.Entry, out var entry, out _) ? entry : null).OfType<TransferAclEntry>().ToArray(),
            targets[z.Id].Select(TransferSettingsRows.ToSetting).ToArray(),
            journals[z.Id].ToArray()), StringComparer.Ordinal);
        return new TransferSettingsState(version, byOrigin);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The journal entry of zone {Zone} from serial {FromSerial} to {ToSerial} cannot be read; IXFR falls back to the whole zone")]
    private partial void LogJournalUnreadable(Exception exception, string zone, uint fromSerial, uint toSerial);
}
