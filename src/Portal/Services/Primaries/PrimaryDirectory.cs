using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Services.Zones;

namespace SecondaryPortal.Portal.Services.Primaries;

/// <summary>
/// An account's saved primaries (reusable across its zones, like Cloudflare's peers): list with the zones that use each,
/// add, change and delete. A change of address, port or key is carried over to the owner's zones that use the old
/// address and port, and the transfer engine picks it up within a second. Another account's primary is not found.
/// </summary>
public sealed class PrimaryDirectory(IDbContextFactory<StoreDbContext> contextFactory, TimeProvider timeProvider)
{
    /// <summary>The longest name accepted.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The saved primaries in <paramref name="scope"/>, by name, each with the zones that use it.</summary>
    public async Task<IReadOnlyList<SavedPrimaryView>> ListAsync(AccountScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var primaries = context.SavedPrimaries.AsNoTracking();
        if (scope.OwnerFilter is { } owner)
            primaries = primaries.Where(p => p.OwnerId == owner);
        var saved = await primaries.OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return await ViewsAsync(context, saved, cancellationToken);
    }

    /// <summary>The saved primary <paramref name="id"/>, or null when it is not in scope.</summary>
    public async Task<SavedPrimaryView?> GetAsync(AccountScope scope, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var saved = await context.SavedPrimaries.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return saved is null || !scope.Sees(saved.OwnerId) ? null : (await ViewsAsync(context, [saved], cancellationToken))[0];
    }

    /// <summary>Saves a new primary for the account of <paramref name="scope"/>.</summary>
    public async Task<PrimarySaveResult> AddAsync(AccountScope scope, PrimaryInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (valid, errors) = await ValidateAsync(context, scope, scope.UserId, input, null, cancellationToken);
        if (valid is null)
            return PrimarySaveResult.Invalid(errors);
        var primary = new SavedPrimary
        {
            OwnerId = scope.UserId, Name = valid.Name, Address = valid.Address.ToString(), Port = valid.Port, TsigKeyId = valid.KeyId,
            CreatedAt = timeProvider.GetUtcNow(),
        };
        context.SavedPrimaries.Add(primary);
        await context.SaveChangesAsync(cancellationToken);
        return new PrimarySaveResult(PrimarySaveStatus.Saved, $"Saved primary {primary.Name} ({Describe(valid)}).", primary.Id, new Dictionary<string, string>());
    }

    /// <summary>
    /// Changes the saved primary <paramref name="id"/>; the owner's zones that use its old address and port are moved to
    /// the new address, port and key in the same transaction.
    /// </summary>
    public async Task<PrimarySaveResult> UpdateAsync(AccountScope scope, long id, PrimaryInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var primary = await context.SavedPrimaries.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (primary is null || !scope.Sees(primary.OwnerId))
            return PrimarySaveResult.NotFound;
        var (valid, errors) = await ValidateAsync(context, scope, primary.OwnerId, input, primary.Id, cancellationToken);
        if (valid is null)
            return PrimarySaveResult.Invalid(errors);
        var uses = await UsesAsync(context, primary.OwnerId, primary.Address, primary.Port).ToListAsync(cancellationToken);
        bool moved = primary.Address != valid.Address.ToString() || primary.Port != valid.Port || primary.TsigKeyId != valid.KeyId;
        if (moved && uses.Count > 0)
        {
            foreach (var use in uses)
                (use.Address, use.Port, use.TsigKeyId) = (valid.Address.ToString(), valid.Port, valid.KeyId);
            await StoreSettingsVersion.AdvanceAsync(context, cancellationToken); // the transfer engine reloads the zones' primaries
        }
        (primary.Name, primary.Address, primary.Port, primary.TsigKeyId) = (valid.Name, valid.Address.ToString(), valid.Port, valid.KeyId);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        int zones = uses.Select(u => u.ZoneId).Distinct().Count();
        string carried = moved && zones > 0 ? $"; {zones} zone(s) that use it now transfer from {Describe(valid)}" : "";
        return new PrimarySaveResult(PrimarySaveStatus.Saved, $"Saved primary {primary.Name}{carried}.", primary.Id, new Dictionary<string, string>());
    }

    /// <summary>Deletes the saved primary <paramref name="id"/>; zones that use its address keep it (a zone's primaries are its own).</summary>
    public async Task<PrimarySaveResult> DeleteAsync(AccountScope scope, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var primary = await context.SavedPrimaries.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (primary is null || !scope.Sees(primary.OwnerId))
            return PrimarySaveResult.NotFound;
        context.SavedPrimaries.Remove(primary);
        await context.SaveChangesAsync(cancellationToken);
        return new PrimarySaveResult(PrimarySaveStatus.Saved, $"Deleted primary {primary.Name}; zones that transfer from it keep their settings.", id,
            new Dictionary<string, string>());
    }

    /// <summary>The names of the TSIG keys in <paramref name="scope"/>, for the form's key choice.</summary>
    public async Task<IReadOnlyList<string>> KeyNamesAsync(AccountScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var keys = context.TsigKeys.AsNoTracking();
        if (scope.OwnerFilter is { } owner)
            keys = keys.Where(k => k.OwnerId == owner);
        return await keys.OrderBy(k => k.Name).Select(k => k.Name).ToListAsync(cancellationToken);
    }

    private static IQueryable<ZonePrimary> UsesAsync(StoreDbContext context, string? ownerId, string address, int port) =>
        from p in context.ZonePrimaries
        join z in context.Zones on p.ZoneId equals z.Id
        where z.OwnerId == ownerId && p.Address == address && p.Port == port
        select p;

    private static async Task<IReadOnlyList<SavedPrimaryView>> ViewsAsync(StoreDbContext context, IReadOnlyList<SavedPrimary> saved, CancellationToken cancellationToken)
    {
        var addresses = saved.Select(p => p.Address).Distinct().ToList();
        var owners = saved.Select(p => p.OwnerId).Distinct().ToList();
        var uses = await (from p in context.ZonePrimaries.AsNoTracking()
                          join z in context.Zones.AsNoTracking() on p.ZoneId equals z.Id
                          where addresses.Contains(p.Address)
                          select new { p.Address, p.Port, z.OwnerId, z.Id, z.Origin }).ToListAsync(cancellationToken);
        uses = uses.Where(u => owners.Contains(u.OwnerId)).ToList();
        var keyIds = saved.Where(p => p.TsigKeyId is not null).Select(p => p.TsigKeyId!.Value).ToList();
        var keyNames = await context.TsigKeys.AsNoTracking().Where(k => keyIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => k.Name, cancellationToken);
        return saved.Select(p => new SavedPrimaryView(p.Id, p.Name, p.Address, p.Port, p.TsigKeyId is { } k ? keyNames.GetValueOrDefault(k) : null,
                p.CreatedAt, p.OwnerId,
                uses.Where(u => u.Address == p.Address && u.Port == p.Port && u.OwnerId == p.OwnerId).DistinctBy(u => u.Id).OrderBy(u => u.Origin, StringComparer.Ordinal)
                    .Select(u => new PrimaryZoneUse(u.Id, u.Origin, ZoneNames.Display(u.Origin))).ToList()))
            .ToList();
    }

    private static async Task<(ValidPrimary? Valid, Dictionary<string, string> Errors)> ValidateAsync(StoreDbContext context, AccountScope scope, string? ownerId,
        PrimaryInput input, long? self, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        string name = (input.Name ?? "").Trim();
        if (name.Length == 0)
            errors["Name"] = "Give the primary a name, such as \"office BIND\".";
        else if (name.Length > MaxNameLength)
            errors["Name"] = $"Use at most {MaxNameLength} characters.";
        else if (await context.SavedPrimaries.AnyAsync(p => p.OwnerId == ownerId && p.Name == name && p.Id != self, cancellationToken))
            errors["Name"] = $"You already have a primary named {name}.";
        string addressText = (input.Address ?? "").Trim();
        if (!IPAddress.TryParse(addressText, out var address) || (address.AddressFamily == AddressFamily.InterNetwork && addressText.Count(c => c == '.') != 3))
            errors["Address"] = "Enter an IPv4 or IPv6 address, such as 192.0.2.1 or 2001:db8::1.";
        if (input.Port is < 1 or > IPEndPoint.MaxPort)
            errors["Port"] = "Enter a port from 1 to 65535 (53 as a rule).";
        long? keyId = null;
        if (!string.IsNullOrWhiteSpace(input.KeyName))
        {
            string keyText = input.KeyName.Trim();
            string keyName = DnsName.TryParse(keyText.EndsWith('.') ? keyText : keyText + ".", null, out var parsed, out _) ? parsed.ToLowerCase().ToString() : keyText;
            var key = await context.TsigKeys.AsNoTracking().Where(k => k.Name == keyName).Select(k => new { k.Id, k.OwnerId }).SingleOrDefaultAsync(cancellationToken);
            if (key is null || !scope.Sees(key.OwnerId))
                errors["KeyName"] = $"Your account has no TSIG key {keyText}; add it on the TSIG keys page first.";
            else
                keyId = key.Id;
        }
        return errors.Count > 0 ? (null, errors) : (new ValidPrimary(name, address!, input.Port, keyId, input.KeyName?.Trim()), errors);
    }

    private static string Describe(ValidPrimary primary) =>
        new IPEndPoint(primary.Address, primary.Port) + (primary.KeyId is null ? "" : $", key {primary.KeyName}");

    private sealed record ValidPrimary(string Name, IPAddress Address, int Port, long? KeyId, string? KeyName);
}
