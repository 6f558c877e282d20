using Microsoft.EntityFrameworkCore;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Portal.Accounts;

namespace SecondaryPortal.Portal.Services.Keys;

/// <summary>
/// An account's TSIG keys (an admin's scope: all of them): list, create, delete, read one. Key names are unique over the
/// whole store, because a TSIG request names its key and nothing else (RFC 8945 §4.2): a name another account uses is
/// refused as "already used" without saying whose. A key outside the scope is "not found".
/// </summary>
public sealed partial class TsigKeyService(
    IDbContextFactory<StoreDbContext> contextFactory,
    TsigSecretProtector protector,
    TimeProvider timeProvider,
    ILogger<TsigKeyService> logger)
{
    /// <summary>The keys in <paramref name="scope"/>, by name, with how many zones use each.</summary>
    public async Task<IReadOnlyList<TsigKeyInfo>> ListAsync(AccountScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        string? owner = scope.OwnerFilter;
        var keys = await context.TsigKeys.AsNoTracking().Where(k => owner == null || k.OwnerId == owner).ToListAsync(cancellationToken);
        var ids = keys.Select(k => k.Id).ToList();
        var uses = await context.ZonePrimaries.AsNoTracking().Where(p => p.TsigKeyId != null && ids.Contains(p.TsigKeyId.Value))
            .Select(p => new { KeyId = p.TsigKeyId!.Value, p.ZoneId }).Distinct().ToListAsync(cancellationToken);
        var counts = uses.GroupBy(u => u.KeyId).ToDictionary(g => g.Key, g => g.Count());
        return keys.OrderBy(k => k.Name, StringComparer.Ordinal).Select(k => Info(k, counts.GetValueOrDefault(k.Id))).ToList();
    }

    /// <summary>The key <paramref name="id"/> when it is in <paramref name="scope"/>; null otherwise.</summary>
    public async Task<TsigKeyInfo?> GetAsync(AccountScope scope, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var key = await context.TsigKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null || !scope.Sees(key.OwnerId))
            return null;
        int zones = await context.ZonePrimaries.Where(p => p.TsigKeyId == id).Select(p => p.ZoneId).Distinct().CountAsync(cancellationToken);
        return Info(key, zones);
    }

    /// <summary>
    /// The key <paramref name="name"/> with its secret, when it is in <paramref name="scope"/> (the wizard's check signs
    /// with it); null otherwise or when its secret cannot be decrypted.
    /// </summary>
    public async Task<TsigKey?> GetKeyAsync(AccountScope scope, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!TsigKeyInput.TryParseName(name, out var parsed, out _))
            return null;
        string key = parsed.ToString();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await context.TsigKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Name == key, cancellationToken);
        if (row is null || !scope.Sees(row.OwnerId) || !TsigAlgorithm.TryParse(row.Algorithm, out var algorithm)
            || !protector.TryUnprotect(row.ProtectedSecret, out var secret) || secret.Length == 0)
            return null;
        return new TsigKey(parsed, algorithm, secret);
    }

    /// <summary>
    /// Checks a new key's name, algorithm and base64 secret without storing anything: the key, or the first refusal (with
    /// the field at fault). Shared by <see cref="CreateAsync"/> and the wizard's key created in place.
    /// </summary>
    public static (TsigKey? Key, TsigKeyResult? Refusal) Validate(string? name, string? algorithm, string? secretBase64)
    {
        if (!TsigKeyInput.TryParseName(name, out var keyName, out string? error))
            return (null, new TsigKeyResult(false, error, "Name"));
        if (!TsigKeyInput.TryParseAlgorithm(algorithm, out var keyAlgorithm, out error))
            return (null, new TsigKeyResult(false, error, "Algorithm"));
        if (!TsigKeyInput.TryDecodeSecret(secretBase64, keyAlgorithm, out var secret, out error))
            return (null, new TsigKeyResult(false, error, "Secret"));
        return (new TsigKey(keyName, keyAlgorithm, secret), null);
    }

    /// <summary>
    /// Stores a new key for the account of <paramref name="scope"/> (an admin's key is theirs too). Refused with the field
    /// at fault when a part is invalid, or when the name is already used (by this account or another).
    /// </summary>
    public async Task<TsigKeyResult> CreateAsync(AccountScope scope, string? name, string? algorithm, string? secretBase64, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var (key, refusal) = Validate(name, algorithm, secretBase64);
        if (key is null)
            return refusal!;
        string keyName = key.Name.ToString();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await context.TsigKeys.AnyAsync(k => k.Name == keyName, cancellationToken))
            return new TsigKeyResult(false, $"The key name {keyName} is already used; choose another name.", "Name");
        var row = new StoredTsigKey
        {
            Name = keyName, Algorithm = key.Algorithm.Mnemonic, ProtectedSecret = protector.Protect(key.Secret.Span),
            CreatedAt = timeProvider.GetUtcNow(), OwnerId = scope.UserId,
        };
        context.TsigKeys.Add(row);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request stored the same name between the check and the insert: the unique index refused it.
            return new TsigKeyResult(false, $"The key name {keyName} is already used; choose another name.", "Name");
        }
        LogCreated(keyName, row.Algorithm);
        return new TsigKeyResult(true, $"Key {keyName} ({row.Algorithm}) stored. Configure the same name, algorithm and secret on your primary.", null, Info(row, 0));
    }

    /// <summary>Deletes the key <paramref name="id"/>; refused while a zone signs with it, "not found" outside the scope.</summary>
    public async Task<TsigKeyResult> DeleteAsync(AccountScope scope, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var key = await context.TsigKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null || !scope.Sees(key.OwnerId))
            return new TsigKeyResult(false, "No such key is stored.");
        var zones = await context.ZonePrimaries.Where(p => p.TsigKeyId == id).Select(p => p.ZoneId).Distinct()
            .Join(context.Zones, z => z, zone => zone.Id, (_, zone) => zone.Origin).ToListAsync(cancellationToken);
        if (zones.Count > 0)
        {
            string list = string.Join(", ", zones.Order(StringComparer.Ordinal).Take(5)) + (zones.Count > 5 ? $" and {zones.Count - 5} more" : "");
            return new TsigKeyResult(false, $"Key {key.Name} is used by {list}; change or remove those zones' primaries first.");
        }
        context.TsigKeys.Remove(key);
        await context.SaveChangesAsync(cancellationToken);
        LogDeleted(key.Name);
        return new TsigKeyResult(true, $"Key {key.Name} deleted.");
    }

    private static TsigKeyInfo Info(StoredTsigKey key, int zones) => new(key.Id, key.Name, key.Algorithm, key.CreatedAt, key.OwnerId, zones);

    [LoggerMessage(Level = LogLevel.Information, Message = "TSIG key {Key} ({Algorithm}) created in the portal")]
    private partial void LogCreated(string key, string algorithm);

    [LoggerMessage(Level = LogLevel.Information, Message = "TSIG key {Key} deleted in the portal")]
    private partial void LogDeleted(string key);
}
