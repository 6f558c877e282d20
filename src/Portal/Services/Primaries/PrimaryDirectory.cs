using Microsoft.EntityFrameworkCore;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Zones;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Services.Keys;
using SecondaryPortal.Portal.Services.Zones;

namespace SecondaryPortal.Portal.Services.Primaries;

/// <summary>
/// An account's saved primaries (reusable across its zones, like Cloudflare's peers) for the pages and the API: the
/// Engine's <see cref="SavedPrimaryStore"/> (checks, unique names per owner, changes carried to the owner's zones) seen
/// through an <see cref="AccountScope"/>, with the key chosen by name and each primary listed with the zones that use it.
/// Another account's primary is not found.
/// </summary>
public sealed class PrimaryDirectory(SavedPrimaryStore store, TsigKeyService keys, IDbContextFactory<StoreDbContext> contextFactory)
{
    /// <summary>The longest name accepted.</summary>
    public const int MaxNameLength = SavedPrimaryStore.MaxNameLength;

    /// <summary>A key id no key has (ids start at 1): stands for a key name the account does not have.</summary>
    private const long NoSuchKey = -1;

    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    /// <summary>The saved primaries in <paramref name="scope"/>, by name, each with the zones that use it.</summary>
    public async Task<IReadOnlyList<SavedPrimaryView>> ListAsync(AccountScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return await ViewsAsync(await store.ListAsync(scope.OwnerFilter, cancellationToken), cancellationToken);
    }

    /// <summary>The saved primary <paramref name="id"/>, or null when it is not in scope.</summary>
    public async Task<SavedPrimaryView?> GetAsync(AccountScope scope, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var saved = (await store.ListAsync(scope.OwnerFilter, cancellationToken)).Where(p => p.Id == id).ToList();
        return saved.Count == 0 ? null : (await ViewsAsync(saved, cancellationToken))[0];
    }

    /// <summary>Saves a new primary for the account of <paramref name="scope"/>.</summary>
    public async Task<PrimarySaveResult> AddAsync(AccountScope scope, PrimaryInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        var result = await store.AddAsync(scope.UserId, await ResolveAsync(scope, input, cancellationToken), cancellationToken);
        if (!result.Succeeded)
            return Refused(result, input);
        return Saved($"Saved primary {result.Primary!.Name} ({Describe(result.Primary)}).", result.Primary.Id);
    }

    /// <summary>
    /// Changes the saved primary <paramref name="id"/>; the owner's zones that use its old address and port are moved to
    /// the new address, port and key in the same transaction.
    /// </summary>
    public async Task<PrimarySaveResult> UpdateAsync(AccountScope scope, long id, PrimaryInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        var before = (await store.ListAsync(scope.OwnerFilter, cancellationToken)).SingleOrDefault(p => p.Id == id);
        if (before is null)
            return PrimarySaveResult.NotFound;
        var result = await store.UpdateAsync(id, scope.OwnerFilter, await ResolveAsync(scope, input, cancellationToken), cancellationToken);
        if (!result.Succeeded)
            return Refused(result, input);
        var after = result.Primary!;
        bool moved = (before.Address, before.Port, before.TsigKeyId) != (after.Address, after.Port, after.TsigKeyId);
        string carried = moved && after.ZonesUsing > 0 ? $"; {after.ZonesUsing} zone(s) that use it now transfer from {Describe(after)}" : "";
        return Saved($"Saved primary {after.Name}{carried}.", after.Id);
    }

    /// <summary>Deletes the saved primary <paramref name="id"/>; zones that use its address keep it (a zone's primaries are its own).</summary>
    public async Task<PrimarySaveResult> DeleteAsync(AccountScope scope, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var primary = (await store.ListAsync(scope.OwnerFilter, cancellationToken)).SingleOrDefault(p => p.Id == id);
        if (primary is null || !(await store.RemoveAsync(id, scope.OwnerFilter, cancellationToken)).Succeeded)
            return PrimarySaveResult.NotFound;
        return Saved($"Deleted primary {primary.Name}; zones that transfer from it keep their settings.", id);
    }

    /// <summary>The names of the TSIG keys in <paramref name="scope"/>, for the form's key choice.</summary>
    public async Task<IReadOnlyList<string>> KeyNamesAsync(AccountScope scope, CancellationToken cancellationToken = default) =>
        (await keys.ListAsync(scope, cancellationToken)).Select(k => k.Name).ToList();

    /// <summary>
    /// The Engine's input, with the key named in <paramref name="input"/> as its id. A name the account has no key of
    /// becomes <see cref="NoSuchKey"/>, which the store refuses (saving nothing) while it still checks every other field.
    /// </summary>
    private async Task<SavedPrimaryInput> ResolveAsync(AccountScope scope, PrimaryInput input, CancellationToken cancellationToken)
    {
        long? keyId = null;
        if (!string.IsNullOrWhiteSpace(input.KeyName))
        {
            string keyText = input.KeyName.Trim();
            string keyName = DnsName.TryParse(keyText.EndsWith('.') ? keyText : keyText + ".", null, out var parsed, out _) ? parsed.ToLowerCase().ToString() : keyText;
            keyId = (await keys.ListAsync(scope, cancellationToken)).FirstOrDefault(k => k.Name == keyName)?.Id ?? NoSuchKey;
        }
        return new SavedPrimaryInput(input.Name ?? "", input.Address ?? "", input.Port, keyId);
    }

    /// <summary>The Engine's refusal as the form shows it: each message beside its field, in the words the pages always used for the name and key.</summary>
    private static PrimarySaveResult Refused(SavedPrimaryResult result, PrimaryInput input)
    {
        if (result.Status == SavedPrimaryStatus.NotFound)
            return PrimarySaveResult.NotFound;
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, message) in result.Problems ?? new Dictionary<string, string> { [nameof(SavedPrimaryInput.Name)] = result.Message })
        {
            if (field == nameof(SavedPrimaryInput.TsigKeyId))
                errors["KeyName"] = $"Your account has no TSIG key {input.KeyName?.Trim()}; add it on the TSIG keys page first.";
            else if (field == nameof(SavedPrimaryInput.Name) && message.Contains(" is saved already", StringComparison.Ordinal))
                errors[field] = $"You already have a primary named {(input.Name ?? "").Trim()}.";
            else
                errors[field] = message;
        }
        return PrimarySaveResult.Invalid(errors);
    }

    private static PrimarySaveResult Saved(string message, long id) => new(PrimarySaveStatus.Saved, message, id, NoErrors);

    private static string Describe(SavedPrimaryInfo primary) => primary.EndPoint + (primary.TsigKeyName is null ? "" : $", key {primary.TsigKeyName}");

    private async Task<IReadOnlyList<SavedPrimaryView>> ViewsAsync(IReadOnlyList<SavedPrimaryInfo> saved, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var addresses = saved.Select(p => p.Address).Distinct().ToList();
        var owners = saved.Select(p => p.OwnerId).Distinct().ToList();
        var uses = await (from p in context.ZonePrimaries.AsNoTracking()
                          join z in context.Zones.AsNoTracking() on p.ZoneId equals z.Id
                          where addresses.Contains(p.Address)
                          select new { p.Address, p.Port, z.OwnerId, z.Id, z.Origin }).ToListAsync(cancellationToken);
        uses = uses.Where(u => owners.Contains(u.OwnerId)).ToList();
        return saved.Select(p => new SavedPrimaryView(p.Id, p.Name, p.Address, p.Port, p.TsigKeyName, p.CreatedAt, p.OwnerId,
                uses.Where(u => u.Address == p.Address && u.Port == p.Port && u.OwnerId == p.OwnerId).DistinctBy(u => u.Id).OrderBy(u => u.Origin, StringComparer.Ordinal)
                    .Select(u => new PrimaryZoneUse(u.Id, u.Origin, ZoneNames.Display(u.Origin))).ToList()))
            .ToList();
    }
}
