using System.Security.Claims;
using SecondaryPortal.Portal.Accounts;

namespace SecondaryPortal.Portal.Api;

/// <summary>The caller's <see cref="AccountScope"/> inside an API handler (the policy guarantees a signed-in caller).</summary>
public static class AccountScopeExtensions
{
    /// <summary>The scope of the authenticated caller.</summary>
    public static AccountScope Scope(this ClaimsPrincipal user) =>
        AccountScope.Of(user) ?? throw new InvalidOperationException("an API endpoint ran without an authenticated caller");
}
