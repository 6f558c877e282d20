using System.Security.Claims;

namespace SecondaryPortal.Portal.Accounts;

/// <summary>
/// Whose data a request may see: one account's (its zones, keys and primaries) or, for an admin, everyone's. Services
/// filter by <see cref="OwnerFilter"/>; something outside the scope is reported as not found, never as forbidden, so one
/// account cannot learn what another holds.
/// </summary>
/// <param name="UserId">The signed-in account's id (the owner id stored on what it creates).</param>
/// <param name="IsAdmin">True for an admin.</param>
public sealed record AccountScope(string UserId, bool IsAdmin)
{
    /// <summary>The owner id to filter by, or null when the scope spans all accounts (an admin).</summary>
    public string? OwnerFilter => IsAdmin ? null : UserId;

    /// <summary>True when something owned by <paramref name="ownerId"/> is in scope (null: created from the command line, admins only).</summary>
    public bool Sees(string? ownerId) => IsAdmin || (ownerId is not null && ownerId == UserId);

    /// <summary>The scope of a signed-in <paramref name="user"/>, or null when nobody is signed in.</summary>
    public static AccountScope? Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        string? id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return user.Identity?.IsAuthenticated == true && id is not null ? new AccountScope(id, user.IsInRole(AccountRoles.Admin)) : null;
    }
}
