using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Portal.Accounts;

/// <summary>
/// Creates accounts (sign-up, the first admin on a fresh install, the command line's <c>user create</c>) and answers
/// whether any account exists yet, which decides whether the first visit asks for the admin account. An admin disables,
/// re-enables, deletes and promotes or demotes accounts here, never their own in a way that locks them out.
/// </summary>
/// <remarks>
/// A disabled account is Identity's lockout with no end (<see cref="DisabledUntil"/>): sign-in refuses it before the
/// password is checked, the API token handler refuses its tokens (<see cref="IsDisabled"/>), and its security stamp is
/// renewed so its signed-in browsers are signed out at their next stamp check.
/// </remarks>
public sealed class AccountService(UserManager<PortalUser> users, RoleManager<IdentityRole> roles, IDbContextFactory<StoreDbContext> storeFactory)
{
    /// <summary>The lockout end that marks an account as disabled (a failed-attempt lockout ends within minutes).</summary>
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    /// <summary>True when <paramref name="user"/> was disabled by an admin (not merely locked for a few minutes after failed attempts).</summary>
    public static bool IsDisabled(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.LockoutEnd is { } end && end.UtcDateTime.Year >= DisabledUntil.Year;
    }

    /// <summary>True once at least one account exists.</summary>
    public Task<bool> AnyAccountAsync(CancellationToken cancellationToken = default) => users.Users.AnyAsync(cancellationToken);

    /// <summary>Creates an account with <paramref name="email"/> as its user name, an admin when <paramref name="admin"/>.</summary>
    public async Task<AccountResult> CreateAsync(string email, string password, bool admin)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        email = email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
            return new AccountResult(false, null, $"An account with the email {email} already exists.");
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            return new AccountResult(false, null, Describe(created));
        if (admin)
        {
            if (!await roles.RoleExistsAsync(AccountRoles.Admin))
                await roles.CreateAsync(new IdentityRole(AccountRoles.Admin));
            var added = await users.AddToRoleAsync(user, AccountRoles.Admin);
            if (!added.Succeeded)
            {
                await users.DeleteAsync(user); // no half-made admin: the caller can simply try again
                return new AccountResult(false, null, Describe(added));
            }
        }
        return new AccountResult(true, user.Id, admin ? $"Created the admin account {email}." : $"Created the account {email}.");
    }

    /// <summary>Every account, by email, with whether it is an admin (the admin's accounts page).</summary>
    public async Task<IReadOnlyList<AccountInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        var admins = (await users.GetUsersInRoleAsync(AccountRoles.Admin)).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var all = await users.Users.AsNoTracking().ToListAsync(cancellationToken);
        return all.Select(u => new AccountInfo(u.Id, u.Email ?? "", admins.Contains(u.Id), IsDisabled(u)))
            .OrderBy(a => a.Email, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// One page of the accounts (the admin's accounts page): those whose email contains <paramref name="search"/>, by
    /// email, paged in the database; with how many match and how many there are.
    /// </summary>
    public async Task<AccountPage> PageAsync(string? search, int page, int pageSize, bool descending = false, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 500);
        var admins = (await users.GetUsersInRoleAsync(AccountRoles.Admin)).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        int total = await users.Users.CountAsync(cancellationToken);
        var query = users.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            string text = search.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail != null && u.NormalizedEmail.Contains(text));
        }
        int matches = await query.CountAsync(cancellationToken);
        query = descending ? query.OrderByDescending(u => u.NormalizedEmail) : query.OrderBy(u => u.NormalizedEmail);
        var rows = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new AccountPage(rows.Select(u => new AccountInfo(u.Id, u.Email ?? "", admins.Contains(u.Id), IsDisabled(u))).ToList(), matches, total);
    }

    /// <summary>
    /// Disables the account <paramref name="userId"/>: it cannot sign in, its API tokens are refused, and its browsers are
    /// signed out at their next security stamp check. An admin cannot disable their own account (<paramref name="actingUserId"/>).
    /// </summary>
    public async Task<AccountResult> DisableAsync(string actingUserId, string userId)
    {
        var (refusal, user) = await TargetAsync(actingUserId, userId, "disable");
        if (user is null)
            return refusal!;
        if (IsDisabled(user))
            return new AccountResult(true, user.Id, $"{user.Email} is disabled already.");
        var changed = await Combine(
            () => users.SetLockoutEnabledAsync(user, true),
            () => users.SetLockoutEndDateAsync(user, DisabledUntil),
            () => users.UpdateSecurityStampAsync(user));
        return changed.Succeeded
            ? new AccountResult(true, user.Id, $"{user.Email} is disabled: it cannot sign in and its API tokens are refused.")
            : new AccountResult(false, user.Id, Describe(changed));
    }

    /// <summary>Re-enables the account <paramref name="userId"/> (and clears a failed-attempt lockout).</summary>
    public async Task<AccountResult> EnableAsync(string actingUserId, string userId)
    {
        var (refusal, user) = await TargetAsync(actingUserId, userId, action: null);
        if (user is null)
            return refusal!;
        var changed = await Combine(
            () => users.SetLockoutEndDateAsync(user, null),
            () => users.ResetAccessFailedCountAsync(user));
        return changed.Succeeded
            ? new AccountResult(true, user.Id, $"{user.Email} is enabled again: it can sign in and use its API tokens.")
            : new AccountResult(false, user.Id, Describe(changed));
    }

    /// <summary>
    /// Deletes the account <paramref name="userId"/> with its API tokens, TSIG keys and saved primaries; refused while it
    /// still holds zones (delete them first, or disable the account), and for the admin's own account.
    /// </summary>
    public async Task<AccountResult> DeleteAsync(string actingUserId, string userId, CancellationToken cancellationToken = default)
    {
        var (refusal, user) = await TargetAsync(actingUserId, userId, "delete");
        if (user is null)
            return refusal!;
        await using var store = await storeFactory.CreateDbContextAsync(cancellationToken);
        int zones = await store.Zones.CountAsync(z => z.OwnerId == user.Id, cancellationToken);
        if (zones > 0)
            return new AccountResult(false, user.Id,
                $"{user.Email} still holds {zones} zone{(zones == 1 ? "" : "s")}: delete them first, or disable the account instead.");
        var deleted = await users.DeleteAsync(user); // its API tokens go with it (cascade)
        if (!deleted.Succeeded)
            return new AccountResult(false, user.Id, Describe(deleted));
        // Without zones nothing signs with its keys or transfers from its saved primaries: they go too, freeing their names.
        await store.SavedPrimaries.Where(p => p.OwnerId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await store.TsigKeys.Where(k => k.OwnerId == user.Id && !store.ZonePrimaries.Any(p => p.TsigKeyId == k.Id)).ExecuteDeleteAsync(cancellationToken);
        return new AccountResult(true, user.Id, $"{user.Email} is deleted, with its API tokens, TSIG keys and saved primaries.");
    }

    /// <summary>Makes the account <paramref name="userId"/> an admin, or (<paramref name="admin"/> false) a customer again; an admin cannot demote themselves.</summary>
    public async Task<AccountResult> SetAdminAsync(string actingUserId, string userId, bool admin)
    {
        var (refusal, user) = await TargetAsync(actingUserId, userId, admin ? null : "take the admin role from");
        if (user is null)
            return refusal!;
        bool isAdmin = await users.IsInRoleAsync(user, AccountRoles.Admin);
        if (isAdmin == admin)
            return new AccountResult(true, user.Id, admin ? $"{user.Email} is an admin already." : $"{user.Email} is not an admin.");
        if (admin && !await roles.RoleExistsAsync(AccountRoles.Admin))
            await roles.CreateAsync(new IdentityRole(AccountRoles.Admin));
        var changed = await Combine(
            () => admin ? users.AddToRoleAsync(user, AccountRoles.Admin) : users.RemoveFromRoleAsync(user, AccountRoles.Admin),
            () => users.UpdateSecurityStampAsync(user)); // its browsers pick up the new role at their next stamp check
        if (!changed.Succeeded)
            return new AccountResult(false, user.Id, Describe(changed));
        return new AccountResult(true, user.Id, admin
            ? $"{user.Email} is an admin: it sees and manages every account's zones, keys and primaries."
            : $"{user.Email} is a customer again: it sees only its own zones, keys and primaries.");
    }

    /// <summary>
    /// The account an admin acts on, or why not: not found, or their own account when <paramref name="action"/> (what
    /// would lock them out: "disable", "delete" ...) is given.
    /// </summary>
    private async Task<(AccountResult? Refusal, PortalUser? User)> TargetAsync(string actingUserId, string userId, string? action)
    {
        ArgumentNullException.ThrowIfNull(actingUserId);
        ArgumentNullException.ThrowIfNull(userId);
        if (action is not null && string.Equals(actingUserId, userId, StringComparison.Ordinal))
            return (new AccountResult(false, userId, $"You cannot {action} your own account: that would lock you out. Another admin can."), null);
        var user = await users.FindByIdAsync(userId);
        return user is null ? (new AccountResult(false, null, "That account no longer exists."), null) : (null, user);
    }

    // Runs Identity's steps in order, stopping at the first that fails.
    private static async Task<IdentityResult> Combine(params Func<Task<IdentityResult>>[] steps)
    {
        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded)
                return result;
        }
        return IdentityResult.Success;
    }

    /// <summary>
    /// An admin invites someone: the account is created with a first password of 20 random characters, shown once to the
    /// admin to pass on; the invited person signs in with it and chooses their own on the password page.
    /// </summary>
    public async Task<(AccountResult Result, string? Password)> InviteAsync(string email)
    {
        string password = InvitationPassword();
        var created = await CreateAsync(email, password, admin: false);
        return (created, created.Succeeded ? password : null);
    }

    private static string InvitationPassword()
    {
        // Upper, lower and digits are all required by the password rules: one of each, then random letters and digits.
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var chars = new char[20];
        chars[0] = (char)System.Security.Cryptography.RandomNumberGenerator.GetInt32('A', 'Z' + 1);
        chars[1] = (char)System.Security.Cryptography.RandomNumberGenerator.GetInt32('a', 'z' + 1);
        chars[2] = (char)System.Security.Cryptography.RandomNumberGenerator.GetInt32('2', '9' + 1);
        for (int i = 3; i < chars.Length; i++)
            chars[i] = alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(alphabet.Length)];
        return new string(chars);
    }

    /// <summary>The account with <paramref name="email"/>, or null.</summary>
    public Task<PortalUser?> FindByEmailAsync(string email) => users.FindByEmailAsync(email.Trim());

    /// <summary>Identity's errors as sentences.</summary>
    public static string Describe(IdentityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.Join(" ", result.Errors.Select(e => e.Description));
    }
}
