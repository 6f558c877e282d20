using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace SecondaryPortal.Portal.Accounts;

/// <summary>
/// Creates, lists, revokes and checks API tokens. A token is "sp_" and 32 random octets in base64url; only its SHA-256
/// is stored, so the token is shown once, at creation.
/// </summary>
public sealed class ApiTokenService(IDbContextFactory<AccountDbContext> contextFactory, TimeProvider time)
{
    /// <summary>What every token starts with, so secret scanners and people recognise it.</summary>
    public const string TokenPrefix = "sp_";

    private const int MaxNameLength = 100;
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>Creates a token named <paramref name="name"/> for <paramref name="userId"/>.</summary>
    public async Task<ApiTokenCreated> CreateAsync(string userId, string? name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        name = string.IsNullOrWhiteSpace(name) ? "api" : name.Trim();
        if (name.Length > MaxNameLength)
            return new ApiTokenCreated(null, null, $"A token name has at most {MaxNameLength} characters.");
        string token = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var row = new ApiToken { UserId = userId, Name = name, Prefix = token[..7], Hash = HashOf(token), CreatedAt = time.GetUtcNow() };
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        context.ApiTokens.Add(row);
        await context.SaveChangesAsync(cancellationToken);
        return new ApiTokenCreated(token, row, $"Created the token {name}. Copy it now: it is not shown again.");
    }

    /// <summary>The tokens of <paramref name="userId"/>, newest first.</summary>
    public async Task<IReadOnlyList<ApiToken>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var tokens = await context.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(cancellationToken);
        return tokens.OrderByDescending(t => t.CreatedAt).ToList();
    }

    /// <summary>Deletes token <paramref name="id"/> of <paramref name="userId"/>; false when there is no such token.</summary>
    public async Task<bool> RevokeAsync(string userId, long id, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.ApiTokens.Where(t => t.Id == id && t.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>The user id <paramref name="token"/> belongs to, or null for an unknown or malformed token.</summary>
    public async Task<string?> AuthenticateAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 100)
            return null;
        string hash = HashOf(token);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await context.ApiTokens.SingleOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        if (row is null)
            return null;
        var now = time.GetUtcNow();
        if (row.LastUsedAt is not { } last || now - last >= LastUsedResolution)
        {
            row.LastUsedAt = now;
            await context.SaveChangesAsync(cancellationToken);
        }
        return row.UserId;
    }

    private static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
