using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Outbound;

/// <summary>
/// Reads and changes the settings of our authoritative zones as a primary: the transfer access list and the
/// secondaries to notify. Every change advances the store's change version, so a running server (also in
/// another process) applies it at its next poll, within a second.
/// </summary>
public sealed partial class ZoneTransferSettingsStore(IDbContextFactory<StoreDbContext> contextFactory, ILogger<ZoneTransferSettingsStore> logger)
{
    /// <summary>Lets <paramref name="entry"/> transfer <paramref name="origin"/>.</summary>
    public Task<TransferSettingsChange> AllowTransferAsync(DnsName origin, TransferAclEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string text = entry.ToString();
        return ChangeAsync(origin, async (context, zone) =>
        {
            if (await context.ZoneTransferAcl.AnyAsync(e => e.ZoneId == zone.Id && e.Entry == text, cancellationToken))
                return (false, $"{text} may already transfer {zone.Origin}.");
            context.ZoneTransferAcl.Add(new ZoneTransferAclEntry { ZoneId = zone.Id, Entry = text });
            return (true, $"{text} may now transfer {zone.Origin}.");
        }, cancellationToken);
    }

    /// <summary>Removes <paramref name="entry"/> from the access list of <paramref name="origin"/>.</summary>
    public Task<TransferSettingsChange> DenyTransferAsync(DnsName origin, TransferAclEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string text = entry.ToString();
        return ChangeAsync(origin, async (context, zone) =>
        {
            int removed = await context.ZoneTransferAcl.Where(e => e.ZoneId == zone.Id && e.Entry == text).ExecuteDeleteAsync(cancellationToken);
            return removed > 0 ? (true, $"{text} may no longer transfer {zone.Origin}.") : (false, $"{text} was not allowed to transfer {zone.Origin}.");
        }, cancellationToken);
    }

    /// <summary>Notifies <paramref name="target"/> of changes to <paramref name="origin"/>, signed with <paramref name="keyName"/> when given.</summary>
    public Task<TransferSettingsChange> AddNotifyTargetAsync(DnsName origin, IPEndPoint target, DnsName? keyName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        string address = target.Address.ToString();
        string? key = keyName?.ToLowerCase().ToString();
        var setting = new NotifyTargetSetting(target, keyName?.ToLowerCase());
        return ChangeAsync(origin, async (context, zone) =>
        {
            var existing = await context.ZoneNotifyTargets.SingleOrDefaultAsync(t => t.ZoneId == zone.Id && t.Address == address && t.Port == target.Port, cancellationToken);
            if (existing is not null && existing.KeyName == key)
                return (false, $"{setting} is already notified of changes to {zone.Origin}.");
            if (existing is null)
                context.ZoneNotifyTargets.Add(new ZoneNotifyTarget { ZoneId = zone.Id, Address = address, Port = target.Port, KeyName = key });
            else
                existing.KeyName = key;
            return (true, $"{setting} will be notified of changes to {zone.Origin}.");
        }, cancellationToken);
    }

    /// <summary>Stops notifying <paramref name="target"/> of changes to <paramref name="origin"/>.</summary>
    public Task<TransferSettingsChange> RemoveNotifyTargetAsync(DnsName origin, IPEndPoint target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        string address = target.Address.ToString();
        return ChangeAsync(origin, async (context, zone) =>
        {
            int removed = await context.ZoneNotifyTargets.Where(t => t.ZoneId == zone.Id && t.Address == address && t.Port == target.Port)
                .ExecuteDeleteAsync(cancellationToken);
            return removed > 0 ? (true, $"{target} will no longer be notified of changes to {zone.Origin}.") : (false, $"{target} was not notified of changes to {zone.Origin}.");
        }, cancellationToken);
    }

    /// <summary>The settings of <paramref name="origin"/> as a primary, or null when no zone of that name is stored.</summary>
    public async Task<ZoneTransferSettings?> GetAsync(DnsName origin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(origin);
        string key = ZoneStore.OriginKey(origin);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var zone = await context.Zones.AsNoTracking().SingleOrDefaultAsync(z => z.Origin == key, cancellationToken);
        if (zone is null)
            return null;
        var acl = await context.ZoneTransferAcl.AsNoTracking().Where(e => e.ZoneId == zone.Id).Select(e => e.Entry).ToListAsync(cancellationToken);
        var targets = await context.ZoneNotifyTargets.AsNoTracking().Where(t => t.ZoneId == zone.Id).ToListAsync(cancellationToken);
        var journal = await context.ZoneJournal.AsNoTracking().Where(e => e.ZoneId == zone.Id).OrderBy(e => e.Id)
            .Select(e => new { e.FromSerial, e.Size }).ToListAsync(cancellationToken);
        return new ZoneTransferSettings(
            zone.Origin,
            acl.Select(TransferAclEntry.Parse).OrderBy(e => e.ToString(), StringComparer.Ordinal).ToList(),
            targets.Select(TransferSettingsRows.ToSetting).OrderBy(t => t.ToString(), StringComparer.Ordinal).ToList(),
            journal.Count,
            journal.Sum(e => (long)e.Size),
            journal.Count == 0 ? null : (uint)journal[0].FromSerial);
    }

    /// <summary>Runs <paramref name="change"/> on the stored authoritative zone in a transaction that also advances the change version.</summary>
    private async Task<TransferSettingsChange> ChangeAsync(DnsName origin, Func<StoreDbContext, Zone, Task<(bool Changed, string Message)>> change,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        string key = ZoneStore.OriginKey(origin);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var zone = await context.Zones.AsNoTracking().SingleOrDefaultAsync(z => z.Origin == key, cancellationToken);
        if (zone is null)
            return new TransferSettingsChange(TransferSettingsChangeStatus.ZoneNotFound, $"No zone {key} is stored.");
        if (zone.Kind != ZoneKind.Authoritative)
            return new TransferSettingsChange(TransferSettingsChangeStatus.NotAuthoritative, $"{key} is a secondary zone: transfers and NOTIFY are set for the zones we are the primary of.");
        var (changed, message) = await change(context, zone);
        if (!changed)
            return new TransferSettingsChange(TransferSettingsChangeStatus.Unchanged, message);
        await StoreChangeVersion.AdvanceAsync(context, cancellationToken);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogChanged(key, message);
        return new TransferSettingsChange(TransferSettingsChangeStatus.Changed, message);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Transfer settings of zone {Zone} changed: {Change}")]
    private partial void LogChanged(string zone, string change);
}
