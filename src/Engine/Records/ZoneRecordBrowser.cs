using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Records;

/// <summary>
/// Serves a zone's records page by page, filtered by name and type, with counts by type, for the zone page, the
/// wizard's review and the API. The records of a zone version are read once (from the served snapshot when it is
/// the stored version, else from the store) and kept indexed, keyed by the zone's id and change version, so paging
/// a million-record zone costs one in-memory scan per request, not a reload. Every read first checks the zone's
/// version in the store (one row), so a change made a moment ago is seen at once.
/// </summary>
public sealed partial class ZoneRecordBrowser(IDbContextFactory<StoreDbContext> contextFactory, ILogger<ZoneRecordBrowser> logger,
    ZoneTable? zoneTable = null, ZoneRecordBrowserOptions? options = null)
{
    private readonly int _maxCached = Math.Max(1, (options ?? new ZoneRecordBrowserOptions()).MaxCachedZones);
    private readonly LinkedList<(long ZoneId, long Version, ZoneRecordIndex Index)> _cache = new();
    private readonly ConditionalWeakTable<ZoneSnapshot, ZoneRecordIndex> _snapshots = new();
    private readonly SemaphoreSlim _loading = new(1, 1);

    /// <summary>One page of the stored zone <paramref name="origin"/>'s records matching <paramref name="query"/>.</summary>
    public async Task<RecordBrowseResult> PageAsync(DnsName origin, RecordQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var set = await GetAsync(origin, cancellationToken);
        return new RecordBrowseResult(set.Status, set.Index?.Page(query), set.Serial, set.Version, set.Message);
    }

    /// <summary>
    /// The stored zone <paramref name="origin"/>'s records, indexed (from the cache when its version has not changed).
    /// Secondary zones are read whatever their state (not transferred yet: no records; expired: the last copy).
    /// </summary>
    public async Task<ZoneRecordSet> GetAsync(DnsName origin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(origin);
        string key = ZoneStore.OriginKey(origin);
        var zone = await ReadZoneAsync(key, cancellationToken);
        if (zone is null)
            return new ZoneRecordSet(RecordBrowseStatus.NotFound, origin, null, 0, 0, null, $"No zone {key} is stored.");
        if (Cached(zone.Id, zone.Version) is not { } index)
        {
            await _loading.WaitAsync(cancellationToken);
            try
            {
                index = Cached(zone.Id, zone.Version) ?? await LoadAsync(origin, key, cancellationToken);
            }
            finally
            {
                _loading.Release();
            }
        }
        if (index is null)
            return new ZoneRecordSet(RecordBrowseStatus.Unreadable, origin, zone.Kind, (uint)zone.Serial, zone.Version, null, $"The stored records of {key} cannot be read.");
        return new ZoneRecordSet(RecordBrowseStatus.Found, origin, zone.Kind, (uint)zone.Serial, zone.Version, index, $"{key}: {index.Count} records.");
    }

    /// <summary>One page of a snapshot's records (the wizard's review of a zone not stored yet); the index is kept while the snapshot lives.</summary>
    public RecordPage Page(ZoneSnapshot snapshot, RecordQuery query)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(query);
        return _snapshots.GetValue(snapshot, ZoneRecordIndex.Build).Page(query);
    }

    /// <summary>One page of <paramref name="records"/> (indexed anew on each call: for small lists, such as a parsed zone file).</summary>
    public static RecordPage Page(IReadOnlyList<DnsRecord> records, RecordQuery query)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(query);
        return ZoneRecordIndex.Build(records).Page(query);
    }

    private async Task<Zone?> ReadZoneAsync(string key, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Zones.AsNoTracking().SingleOrDefaultAsync(z => z.Origin == key, cancellationToken);
    }

    /// <summary>Reads the zone again with its records in one read transaction, so the version and the records match.</summary>
    private async Task<ZoneRecordIndex?> LoadAsync(DnsName origin, string key, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await StoreReadTransaction.BeginAsync(context, cancellationToken);
        var zone = await context.Zones.AsNoTracking().SingleOrDefaultAsync(z => z.Origin == key, cancellationToken);
        if (zone is null)
            return null;
        ZoneRecordIndex index;
        // The served snapshot is the stored version when serial and size agree: index it instead of decoding the rows.
        if (zoneTable?.Get(origin) is { } served && served.Serial == (uint)zone.Serial && served.RecordCount == zone.RecordCount)
        {
            index = _snapshots.GetValue(served, ZoneRecordIndex.Build);
        }
        else
        {
            try
            {
                index = ZoneRecordIndex.Build(ZoneRecordRows.Read(context.Database.GetDbConnection(), transaction, zone.Id));
            }
            catch (InvalidDataException e)
            {
                LogUnreadable(e, key);
                return null;
            }
        }
        Remember(zone.Id, zone.Version, index);
        return index;
    }

    private ZoneRecordIndex? Cached(long zoneId, long version)
    {
        lock (_cache)
        {
            for (var node = _cache.First; node is not null; node = node.Next)
            {
                if (node.Value.ZoneId == zoneId && node.Value.Version == version)
                {
                    _cache.Remove(node);
                    _cache.AddFirst(node);
                    return node.Value.Index;
                }
            }
            return null;
        }
    }

    private void Remember(long zoneId, long version, ZoneRecordIndex index)
    {
        lock (_cache)
        {
            // An older version of the zone is of no further use.
            for (var node = _cache.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.ZoneId == zoneId)
                    _cache.Remove(node);
                node = next;
            }
            _cache.AddFirst((zoneId, version, index));
            while (_cache.Count > _maxCached)
                _cache.RemoveLast();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The stored records of zone {Zone} cannot be decoded for browsing")]
    private partial void LogUnreadable(Exception exception, string zone);
}
