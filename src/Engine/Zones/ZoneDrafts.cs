using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Engine.Zones;

/// <summary>
/// Ends the Add Site wizard: publishes a draft zone (it is served within a second: the change version moves, so the
/// publisher loads it, and the settings version moves, so the transfer engine hands its next transfers over) or discards it
/// with everything of it. Both act on a draft only; a live zone is removed with <see cref="ZoneStore.RemoveAsync"/>.
/// </summary>
public sealed partial class ZoneDrafts(IDbContextFactory<StoreDbContext> contextFactory, TimeProvider timeProvider, ILogger<ZoneDrafts> logger)
{
    /// <summary>
    /// Makes the draft zone <paramref name="zoneId"/> live. <paramref name="ownerId"/> is the account acting (its Identity
    /// user id): another account's zone is "not found"; null acts as an administrator.
    /// </summary>
    public async Task<ZoneCommandResult> PublishAsync(long zoneId, string? ownerId = null, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var (zone, refusal) = await FindDraftAsync(context, zoneId, ownerId, cancellationToken);
        if (zone is null)
            return refusal!;
        zone.IsDraft = false;
        zone.UpdatedAt = timeProvider.GetUtcNow();
        zone.Version = await StoreChangeVersion.AdvanceAsync(context, cancellationToken);
        if (zone.Kind == ZoneKind.Secondary)
            await StoreChangeVersion.AdvanceConfigAsync(context, cancellationToken);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogPublished(zone.Origin);
        string when = zone.Kind == ZoneKind.Secondary && zone.RecordCount == 0
            ? "it is served as soon as its first transfer succeeds"
            : "a running server serves it within a second";
        return new ZoneCommandResult(true, $"{zone.Origin} is live: {when}.");
    }

    /// <summary>
    /// Deletes the draft zone <paramref name="zoneId"/> and everything of it: records, primaries, refresh state, transfer
    /// history (the last by cascade). <paramref name="ownerId"/> as in <see cref="PublishAsync"/>.
    /// </summary>
    public async Task<ZoneCommandResult> DiscardAsync(long zoneId, string? ownerId = null, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var (zone, refusal) = await FindDraftAsync(context, zoneId, ownerId, cancellationToken);
        if (zone is null)
            return refusal!;
        await StoreChangeVersion.AdvanceAsync(context, cancellationToken);
        if (zone.Kind == ZoneKind.Secondary)
            await StoreChangeVersion.AdvanceConfigAsync(context, cancellationToken); // the engine drops its loop and timers
        await context.ZoneRecords.Where(r => r.ZoneId == zone.Id).ExecuteDeleteAsync(cancellationToken);
        context.Zones.Remove(zone);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogDiscarded(zone.Origin);
        return new ZoneCommandResult(true, $"The draft {zone.Origin} was discarded; nothing of it is kept.");
    }

    private static async Task<(Zone? Zone, ZoneCommandResult? Refusal)> FindDraftAsync(StoreDbContext context, long zoneId, string? ownerId,
        CancellationToken cancellationToken)
    {
        var zone = await context.Zones.SingleOrDefaultAsync(z => z.Id == zoneId, cancellationToken);
        if (zone is null || (ownerId is not null && zone.OwnerId != ownerId))
            return (null, new ZoneCommandResult(false, "No such zone is stored."));
        return zone.IsDraft ? (zone, null) : (null, new ZoneCommandResult(false, $"{zone.Origin} is live already: only a draft can be published or discarded."));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Draft zone {Zone} published")]
    private partial void LogPublished(string zone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Draft zone {Zone} discarded")]
    private partial void LogDiscarded(string zone);
}
