using Microsoft.EntityFrameworkCore;
using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Records;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Dns.ZoneData;
using SecondaryPortal.Engine.Outbound;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Records;
using SecondaryPortal.Engine.Zones;
using SecondaryPortal.Portal.Accounts;

namespace SecondaryPortal.Portal.Services.Zones;

/// <summary>
/// Reads zones for the portal and the REST API, always within an account's scope: the list (search, filters, paging in
/// SQL, so 10,000 zones page as fast as ten), one zone's details, its transfer history and its records. A zone outside
/// the scope is not found (null), never "forbidden".
/// </summary>
public sealed class ZoneDirectory(
    IDbContextFactory<StoreDbContext> contextFactory,
    ZoneTable zoneTable,
    ZoneRecordBrowser recordBrowser,
    ZoneTransferSettingsStore transferSettings,
    TimeProvider timeProvider)
{
    /// <summary>How many transfer history lines the zone details carry.</summary>
    public const int RecentTransferLines = 10;

    /// <summary>One page of the zones in <paramref name="scope"/> matching <paramref name="query"/>, ordered by name.</summary>
    public async Task<ZoneListPage> ListAsync(AccountScope scope, ZoneListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(query);
        int pageSize = Math.Clamp(query.PageSize, 1, ZoneListQuery.MaxPageSize);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var owned = ZoneRowQuery.Owned(context, scope);
        int totalZones = await owned.CountAsync(cancellationToken);
        var filtered = ZoneRowQuery.Filter(owned, query);
        int matches = query.Search is null && query.Kind is null && query.Status is null ? totalZones : await filtered.CountAsync(cancellationToken);
        int pageCount = Math.Max(1, (matches + pageSize - 1) / pageSize);
        int page = Math.Clamp(query.Page, 1, pageCount);
        var rows = await ZoneRowQuery.Project(context, ZoneRowQuery.Order(filtered, query).Skip((page - 1) * pageSize).Take(pageSize))
            .ToListAsync(cancellationToken);
        return new ZoneListPage(rows.Select(ZoneRowQuery.ToRow).ToList(), matches, page, pageSize, totalZones);
    }

    /// <summary>The list row of zone <paramref name="zoneId"/> (the zone page's live status), or null when it is not in scope.</summary>
    public async Task<ZoneListRow?> GetRowAsync(AccountScope scope, long zoneId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var data = await ZoneRowQuery.Project(context, ZoneRowQuery.Owned(context, scope).Where(z => z.Zone.Id == zoneId)).SingleOrDefaultAsync(cancellationToken);
        return data is null ? null : ZoneRowQuery.ToRow(data);
    }

    /// <summary>The details of zone <paramref name="zoneId"/>, or null when it is not in scope.</summary>
    public async Task<ZoneDetail?> GetAsync(AccountScope scope, long zoneId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pair = await ZoneRowQuery.Owned(context, scope).Where(z => z.Zone.Id == zoneId).SingleOrDefaultAsync(cancellationToken);
        if (pair is null)
            return null;
        var data = await ZoneRowQuery.Project(context, ZoneRowQuery.Owned(context, scope).Where(z => z.Zone.Id == zoneId)).SingleAsync(cancellationToken);
        var (zone, state) = (pair.Zone, pair.State);
        var primaries = await PrimariesAsync(context, zone.Id, cancellationToken);
        var recent = await context.TransferLog.AsNoTracking().Where(l => l.ZoneId == zone.Id).OrderByDescending(l => l.Id).Take(RecentTransferLines)
            .ToListAsync(cancellationToken);
        var origin = DnsName.Parse(zone.Origin);
        var served = zone.IsDraft ? null : zoneTable.Get(origin);
        var now = timeProvider.GetUtcNow();
        var outgoing = zone.Kind == ZoneKind.Authoritative ? await transferSettings.GetAsync(origin, cancellationToken) : null;
        return new ZoneDetail(ZoneRowQuery.ToRow(data), zone.CreatedAt, zone.UpdatedAt, served is not null, Timers(served, state), primaries,
            state?.LastCheckAt, state?.LastSuccessAt, state?.ExpiresAt, state?.ExpiresAt is { } expires ? expires - now : null, state?.Paused ?? false,
            recent.Select(ToHistoryRow).ToList(), outgoing);
    }

    /// <summary>One page of zone <paramref name="zoneId"/>'s transfer history, newest first; null when the zone is not in scope.</summary>
    public async Task<TransferHistoryPage?> HistoryAsync(AccountScope scope, long zoneId, int page = 1, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        pageSize = Math.Clamp(pageSize, 1, 200);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await ZoneRowQuery.Owned(context, scope).AnyAsync(z => z.Zone.Id == zoneId, cancellationToken))
            return null;
        var lines = context.TransferLog.AsNoTracking().Where(l => l.ZoneId == zoneId);
        int total = await lines.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var rows = await lines.OrderByDescending(l => l.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new TransferHistoryPage(rows.Select(ToHistoryRow).ToList(), total, page, pageSize);
    }

    /// <summary>
    /// One page of zone <paramref name="zoneId"/>'s records matching <paramref name="query"/> (indexed once per zone version,
    /// so a million-record zone pages fast); null when the zone is not in scope.
    /// </summary>
    public async Task<RecordBrowseResult?> RecordsAsync(AccountScope scope, long zoneId, RecordQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(query);
        string? origin = await FindOriginAsync(scope, zoneId, cancellationToken);
        return origin is null ? null : await recordBrowser.PageAsync(DnsName.Parse(origin), query, cancellationToken);
    }

    /// <summary>The origin of zone <paramref name="zoneId"/> when it is in <paramref name="scope"/>, else null.</summary>
    public async Task<string?> FindOriginAsync(AccountScope scope, long zoneId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ZoneRowQuery.Owned(context, scope).Where(z => z.Zone.Id == zoneId).Select(z => z.Zone.Origin).SingleOrDefaultAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<PrimaryReport>> PrimariesAsync(StoreDbContext context, long zoneId, CancellationToken cancellationToken)
    {
        var rows = await (from p in context.ZonePrimaries.AsNoTracking()
                          where p.ZoneId == zoneId
                          join k in context.TsigKeys on p.TsigKeyId equals k.Id into keys
                          from k in keys.DefaultIfEmpty()
                          orderby p.Order
                          select new { p.Address, p.Port, KeyName = k == null ? null : k.Name, p.LastSeenSerial, p.LastSeenAt })
            .ToListAsync(cancellationToken);
        return rows.Select(p => new PrimaryReport(new System.Net.IPEndPoint(System.Net.IPAddress.Parse(p.Address), p.Port).ToString(), p.KeyName,
            p.LastSeenSerial, p.LastSeenAt)).ToList();
    }

    private static SoaTimers? Timers(ZoneSnapshot? served, SecondaryZoneState? state)
    {
        if (served?.Soa.Data is SoaData soa)
            return new SoaTimers(soa.Refresh, soa.Retry, soa.Expire, soa.Minimum, soa.PrimaryServer.ToString(), soa.ResponsibleMailbox.ToString());
        if (state is { SoaRefresh: { } refresh, SoaRetry: { } retry, SoaExpire: { } expire })
            return new SoaTimers(refresh, retry, expire, null, null, null);
        return null;
    }

    private static TransferHistoryRow ToHistoryRow(TransferLogEntry line) =>
        new(line.At, line.Primary, line.Kind, line.Serial, line.Records, line.Bytes, TimeSpan.FromMilliseconds(line.DurationMs), line.Error, line.Added,
            line.Removed, line.Changes);
}
