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

    /// <summary>The account with <paramref name="email"/>, or null.</summary>
    public Task<PortalUser?> FindByEmailAsync(string email) => users.FindByEmailAsync(email.Trim());

    /// <summary>Identity's errors as sentences.</summary>
    public static string Describe(IdentityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.Join(" ", result.Errors.Select(e => e.Description));
    }
}
