using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace SecondaryPortal.Portal.Accounts;

/// <summary>
/// Creates accounts (sign-up, the first admin on a fresh install, the command line's <c>user create</c>) and answers
/// whether any account exists yet, which decides whether the first visit asks for the admin account.
/// </summary>
public sealed class AccountService(UserManager<PortalUser> users, RoleManager<IdentityRole> roles)
{
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
        var all = await users.Users.AsNoTracking().Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken);
        return all.Select(u => new AccountInfo(u.Id, u.Email ?? "", admins.Contains(u.Id))).OrderBy(a => a.Email, StringComparer.OrdinalIgnoreCase).ToList();
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
