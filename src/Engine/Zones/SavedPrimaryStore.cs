using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Engine.Zones;

/// <summary>
/// The primaries accounts save under a name to reuse across their zones (Cloudflare's "peers"). Every method takes the
/// account acting (<c>ownerId</c>, its Identity user id), which sees and changes only its own; null acts as an
/// administrator, who sees every account's and whose new ones have no owner. A zone copies a saved primary's address, port
/// and key into its own primaries; updating a saved primary carries the change to the owner's zones that use its old
/// address and port. Removing one is allowed while zones use it: they keep their copies and go on working, and the message
/// says how many do (refusing would leave a customer no way to tidy the list without editing every zone first).
/// </summary>
public sealed partial class SavedPrimaryStore(IDbContextFactory<StoreDbContext> contextFactory, TimeProvider timeProvider, ILogger<SavedPrimaryStore> logger)
{
    /// <summary>The longest name accepted.</summary>
    public const int MaxNameLength = 64;

    /// <summary>The saved primaries of <paramref name="ownerId"/> (every account's with null), ordered by name.</summary>
    public async Task<IReadOnlyList<SavedPrimaryInfo>> ListAsync(string? ownerId, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = context.SavedPrimaries.AsNoTracking();
        if (ownerId is not null)
            query = query.Where(p => p.OwnerId == ownerId);
        var rows = await query.ToListAsync(cancellationToken);
        var infos = new List<SavedPrimaryInfo>(rows.Count);
        foreach (var row in rows.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase))
            infos.Add(await DescribeAsync(context, row, cancellationToken));
        return infos;
    }

    /// <summary>Saves a new primary for <paramref name="ownerId"/> after checking <paramref name="input"/>.</summary>
    public async Task<SavedPrimaryResult> AddAsync(string? ownerId, SavedPrimaryInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var (clean, refusal) = await CheckAsync(context, ownerId, ownerId, input, null, cancellationToken);
        if (refusal is not null)
            return refusal;
        var row = new SavedPrimary
        {
            OwnerId = ownerId, Name = clean!.Name, Address = clean.Address, Port = clean.Port, TsigKeyId = clean.TsigKeyId, CreatedAt = timeProvider.GetUtcNow(),
        };
        context.SavedPrimaries.Add(row);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogSaved(row.Name, row.Address, row.Port);
        var info = await DescribeAsync(context, row, cancellationToken);
        return new SavedPrimaryResult(SavedPrimaryStatus.Saved, $"Saved primary '{row.Name}' ({info.EndPoint}).", info);
    }

    /// <summary>
    /// Changes the saved primary <paramref name="id"/>; when its address, port or key changes, the primaries of its owner's
    /// zones at the old address and port change with it (the transfer engine refreshes those zones within a second).
    /// </summary>
    public async Task<SavedPrimaryResult> UpdateAsync(long id, string? ownerId, SavedPrimaryInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var row = await FindAsync(context, id, ownerId, cancellationToken);
        if (row is null)
            return new SavedPrimaryResult(SavedPrimaryStatus.NotFound, "No such saved primary.");
        var (clean, refusal) = await CheckAsync(context, ownerId, row.OwnerId, input, row.Id, cancellationToken);
        if (refusal is not null)
            return refusal;
        int zones = 0;
        if (clean!.Address != row.Address || clean.Port != row.Port || clean.TsigKeyId != row.TsigKeyId)
        {
            var zoneIds = context.Zones.Where(z => z.OwnerId == row.OwnerId).Select(z => z.Id);
            zones = await context.ZonePrimaries.Where(p => zoneIds.Contains(p.ZoneId) && p.Address == row.Address && p.Port == row.Port)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.Address, clean.Address).SetProperty(p => p.Port, clean.Port)
                    .SetProperty(p => p.TsigKeyId, clean.TsigKeyId).SetProperty(p => p.LastSeenSerial, (long?)null).SetProperty(p => p.LastSeenAt, (DateTimeOffset?)null),
                    cancellationToken);
            if (zones > 0)
                await StoreChangeVersion.AdvanceConfigAsync(context, cancellationToken);
        }
        (row.Name, row.Address, row.Port, row.TsigKeyId) = (clean.Name, clean.Address, clean.Port, clean.TsigKeyId);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogSaved(row.Name, row.Address, row.Port);
        var info = await DescribeAsync(context, row, cancellationToken);
        string carried = zones == 0 ? "" : $"; {zones} zone primar{(zones == 1 ? "y" : "ies")} now use{(zones == 1 ? "s" : "")} it";
        return new SavedPrimaryResult(SavedPrimaryStatus.Saved, $"Saved primary '{row.Name}' ({info.EndPoint}){carried}.", info);
    }

    /// <summary>Removes the saved primary <paramref name="id"/>; zones that use its address keep their own copy of it.</summary>
    public async Task<SavedPrimaryResult> RemoveAsync(long id, string? ownerId, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await FindAsync(context, id, ownerId, cancellationToken);
        if (row is null)
            return new SavedPrimaryResult(SavedPrimaryStatus.NotFound, "No such saved primary.");
        var info = await DescribeAsync(context, row, cancellationToken);
        context.SavedPrimaries.Remove(row);
        await context.SaveChangesAsync(cancellationToken);
        LogRemoved(row.Name);
        string still = info.ZonesUsing == 0 ? "" : $" {info.ZonesUsing} zone(s) still transfer from {info.EndPoint}; their settings are unchanged.";
        return new SavedPrimaryResult(SavedPrimaryStatus.Removed, $"Removed saved primary '{row.Name}'.{still}");
    }

    private static async Task<SavedPrimary?> FindAsync(StoreDbContext context, long id, string? ownerId, CancellationToken cancellationToken)
    {
        var row = await context.SavedPrimaries.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return row is null || (ownerId is not null && row.OwnerId != ownerId) ? null : row;
    }

    /// <summary>
    /// Checks every field of the input; the cleaned values (trimmed name, canonical address), or a refusal that says what
    /// is wrong with each field at once (a form shows each message beside its field) and leads with the first.
    /// </summary>
    private static async Task<(SavedPrimaryInput? Clean, SavedPrimaryResult? Refusal)> CheckAsync(StoreDbContext context, string? actingOwner, string? rowOwner,
        SavedPrimaryInput input, long? self, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var status = SavedPrimaryStatus.Invalid;
        string name = (input.Name ?? "").Trim();
        if (name.Length == 0)
            problems[nameof(SavedPrimaryInput.Name)] = "Give the primary a name.";
        else if (name.Length > MaxNameLength)
            problems[nameof(SavedPrimaryInput.Name)] = $"The name is longer than {MaxNameLength} characters.";
        string text = (input.Address ?? "").Trim().Trim('[', ']');
        // IPAddress.TryParse reads "192.0.2" as 192.0.0.2 (inet_aton's short forms): only the dotted quad is taken as IPv4.
        if (!IPAddress.TryParse(text, out var address) || text.Contains('%', StringComparison.Ordinal)
            || (address.AddressFamily == AddressFamily.InterNetwork && text.Count(c => c == '.') != 3))
            problems[nameof(SavedPrimaryInput.Address)] = text.Length == 0
                ? "Enter the primary's IPv4 or IPv6 address."
                : $"'{input.Address}' is not an IPv4 or IPv6 address.";
        if (input.Port is < 1 or > 65535)
            problems[nameof(SavedPrimaryInput.Port)] = "The port must be between 1 and 65535 (53 as a rule).";
        if (input.TsigKeyId is { } keyId)
        {
            var key = await context.TsigKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken);
            if (key is null || (actingOwner is not null && key.OwnerId != actingOwner))
            {
                status = problems.Count == 0 ? SavedPrimaryStatus.KeyNotFound : status;
                problems[nameof(SavedPrimaryInput.TsigKeyId)] = "The TSIG key chosen does not exist; choose one of your keys or none.";
            }
        }
        if (!problems.ContainsKey(nameof(SavedPrimaryInput.Name)))
        {
            var names = await context.SavedPrimaries.AsNoTracking().Where(p => p.OwnerId == rowOwner && p.Id != (self ?? 0)).Select(p => p.Name).ToListAsync(cancellationToken);
            if (names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                status = problems.Count == 0 ? SavedPrimaryStatus.NameTaken : status;
                problems[nameof(SavedPrimaryInput.Name)] = $"A primary named '{name}' is saved already; choose another name.";
            }
        }
        if (problems.Count > 0)
        {
            string first = new[] { nameof(SavedPrimaryInput.Name), nameof(SavedPrimaryInput.Address), nameof(SavedPrimaryInput.Port), nameof(SavedPrimaryInput.TsigKeyId) }
                .Where(problems.ContainsKey).Select(field => problems[field]).First();
            return (null, new SavedPrimaryResult(status == SavedPrimaryStatus.Invalid || problems.Count == 1 ? status : SavedPrimaryStatus.Invalid, first, null, problems));
        }
        if (address!.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return (new SavedPrimaryInput(name, address.ToString(), input.Port, input.TsigKeyId), null);
    }

    private static async Task<SavedPrimaryInfo> DescribeAsync(StoreDbContext context, SavedPrimary row, CancellationToken cancellationToken)
    {
        string? keyName = row.TsigKeyId is { } keyId
            ? await context.TsigKeys.AsNoTracking().Where(k => k.Id == keyId).Select(k => k.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var zoneIds = context.Zones.Where(z => z.OwnerId == row.OwnerId).Select(z => z.Id);
        int zones = await context.ZonePrimaries.Where(p => zoneIds.Contains(p.ZoneId) && p.Address == row.Address && p.Port == row.Port)
            .Select(p => p.ZoneId).Distinct().CountAsync(cancellationToken);
        return new SavedPrimaryInfo(row.Id, row.OwnerId, row.Name, row.Address, row.Port, row.TsigKeyId, keyName, zones, row.CreatedAt);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Saved primary {Name} stored: {Address} port {Port}")]
    private partial void LogSaved(string name, string address, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "Saved primary {Name} removed")]
    private partial void LogRemoved(string name);
}
