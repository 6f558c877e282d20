using Microsoft.EntityFrameworkCore;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Portal.Accounts;

namespace SecondaryPortal.Portal.Services.Zones;

/// <summary>
/// The zone list's SQL: zones of a scope left-joined to their refresh state, filtered and projected in the database, so
/// a page of 10,000 zones reads one page of rows.
/// </summary>
internal static class ZoneRowQuery
{
    /// <summary>The zones in <paramref name="scope"/> with their refresh state (null for an authoritative zone).</summary>
    public static IQueryable<ZoneWithState> Owned(StoreDbContext context, AccountScope scope)
    {
        var zones = context.Zones.AsNoTracking();
        if (scope.OwnerFilter is { } owner)
            zones = zones.Where(z => z.OwnerId == owner);
        return from z in zones
               join s in context.SecondaryZoneStates.AsNoTracking() on z.Id equals s.ZoneId into states
               from s in states.DefaultIfEmpty()
               select new ZoneWithState { Zone = z, State = s };
    }

    /// <summary>Applies the search text, kind and status filters of <paramref name="query"/>.</summary>
    public static IQueryable<ZoneWithState> Filter(IQueryable<ZoneWithState> zones, ZoneListQuery query)
    {
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            string key = ZoneNames.SearchKey(query.Search);
            zones = zones.Where(z => z.Zone.Origin.Contains(key));
        }
        if (query.Kind is { } kind)
            zones = zones.Where(z => z.Zone.Kind == kind);
        return query.Status switch
        {
            null => zones,
            ZoneDisplayStatus.PendingReview => zones.Where(z => z.Zone.IsDraft),
            ZoneDisplayStatus.Active => zones.Where(z => !z.Zone.IsDraft
                && (z.Zone.Kind == ZoneKind.Authoritative || (z.State != null && z.State.Status == ZoneStatus.Active))),
            var status => WithEngineStatus(zones, EngineStatus(status.Value)),
        };
    }

    /// <summary>Orders <paramref name="zones"/> by the column of <paramref name="query"/>, ties by name.</summary>
    public static IQueryable<ZoneWithState> Order(IQueryable<ZoneWithState> zones, ZoneListQuery query) => (query.Sort, query.Descending) switch
    {
        (ZoneListSort.Serial, false) => zones.OrderBy(z => z.Zone.Serial).ThenBy(z => z.Zone.Origin),
        (ZoneListSort.Serial, true) => zones.OrderByDescending(z => z.Zone.Serial).ThenBy(z => z.Zone.Origin),
        (ZoneListSort.Records, false) => zones.OrderBy(z => z.Zone.RecordCount).ThenBy(z => z.Zone.Origin),
        (ZoneListSort.Records, true) => zones.OrderByDescending(z => z.Zone.RecordCount).ThenBy(z => z.Zone.Origin),
        (_, true) => zones.OrderByDescending(z => z.Zone.Origin),
        _ => zones.OrderBy(z => z.Zone.Origin),
    };

    /// <summary>The columns a list row needs, read in the same query (the primary's serial as a correlated subquery).</summary>
    public static IQueryable<ZoneRowData> Project(StoreDbContext context, IQueryable<ZoneWithState> zones) =>
        zones.Select(z => new ZoneRowData
        {
            Id = z.Zone.Id,
            Origin = z.Zone.Origin,
            Kind = z.Zone.Kind,
            IsDraft = z.Zone.IsDraft,
            Serial = z.Zone.Serial,
            RecordCount = z.Zone.RecordCount,
            UpdatedAt = z.Zone.UpdatedAt,
            OwnerId = z.Zone.OwnerId,
            Status = z.State == null ? null : z.State.Status,
            Paused = z.State != null && z.State.Paused,
            LastTransferAt = z.State == null ? null : z.State.LastTransferAt,
            NextRefreshAt = z.State == null ? null : z.State.NextRefreshAt,
            LastError = z.State == null ? null : z.State.LastError,
            // The first primary (in the zone's order) that answered: the one transfers come from as a rule.
            PrimarySerial = context.ZonePrimaries.Where(p => p.ZoneId == z.Zone.Id && p.LastSeenSerial != null)
                .OrderBy(p => p.Order).Select(p => p.LastSeenSerial).FirstOrDefault(),
        });

    /// <summary>The row as the portal shows it.</summary>
    public static ZoneListRow ToRow(ZoneRowData data)
    {
        bool secondary = data.Kind == ZoneKind.Secondary;
        var status = data.IsDraft ? ZoneDisplayStatus.PendingReview
            : !secondary ? ZoneDisplayStatus.Active
            : Display(data.Status ?? ZoneStatus.Pending);
        uint? serial = secondary && data.RecordCount == 0 ? null : (uint)data.Serial;
        var lastChange = secondary ? data.LastTransferAt : data.UpdatedAt;
        var nextRefresh = secondary && status != ZoneDisplayStatus.Paused ? data.NextRefreshAt : null;
        return new ZoneListRow(data.Id, data.Origin, ZoneNames.Display(data.Origin), data.Kind, status, serial, (uint?)data.PrimarySerial,
            data.RecordCount, lastChange, nextRefresh, secondary ? data.LastError : null, data.OwnerId);
    }

    private static IQueryable<ZoneWithState> WithEngineStatus(IQueryable<ZoneWithState> zones, ZoneStatus status) =>
        zones.Where(z => !z.Zone.IsDraft && z.Zone.Kind == ZoneKind.Secondary && z.State != null && z.State.Status == status);

    private static ZoneStatus EngineStatus(ZoneDisplayStatus status) => status switch
    {
        ZoneDisplayStatus.Pending => ZoneStatus.Pending,
        ZoneDisplayStatus.Refreshing => ZoneStatus.Refreshing,
        ZoneDisplayStatus.Failing => ZoneStatus.Failing,
        ZoneDisplayStatus.Expired => ZoneStatus.Expired,
        ZoneDisplayStatus.Paused => ZoneStatus.Paused,
        _ => ZoneStatus.Active,
    };

    private static ZoneDisplayStatus Display(ZoneStatus status) => status switch
    {
        ZoneStatus.Pending => ZoneDisplayStatus.Pending,
        ZoneStatus.Refreshing => ZoneDisplayStatus.Refreshing,
        ZoneStatus.Failing => ZoneDisplayStatus.Failing,
        ZoneStatus.Expired => ZoneDisplayStatus.Expired,
        ZoneStatus.Paused => ZoneDisplayStatus.Paused,
        _ => ZoneDisplayStatus.Active,
    };
}

/// <summary>A zone and its refresh state, as the list query joins them.</summary>
internal sealed class ZoneWithState
{
    public required Zone Zone { get; init; }

    public SecondaryZoneState? State { get; init; }
}

/// <summary>The columns of one list row, as read from the database.</summary>
internal sealed class ZoneRowData
{
    public long Id { get; init; }

    public required string Origin { get; init; }

    public ZoneKind Kind { get; init; }

    public bool IsDraft { get; init; }

    public long Serial { get; init; }

    public int RecordCount { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public string? OwnerId { get; init; }

    public ZoneStatus? Status { get; init; }

    public bool Paused { get; init; }

    public DateTimeOffset? LastTransferAt { get; init; }

    public DateTimeOffset? NextRefreshAt { get; init; }

    public string? LastError { get; init; }

    public long? PrimarySerial { get; init; }
}
