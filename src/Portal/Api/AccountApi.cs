using System.Security.Claims;

namespace SecondaryPortal.Portal.Api;

/// <summary>GET /api/v1/me: who the token belongs to.</summary>
public static class AccountApi
{
    /// <summary>The caller's account.</summary>
    /// <param name="Id">The account id (the owner id of its zones and keys).</param>
    /// <param name="Email">The account's email.</param>
    /// <param name="IsAdmin">True for an admin, who sees every account's data.</param>
    public sealed record Me(string Id, string Email, bool IsAdmin);

    /// <summary>Maps the endpoint on <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapAccountApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (ClaimsPrincipal user) =>
        {
            var scope = user.Scope();
            return TypedResults.Ok(new Me(scope.UserId, user.Identity?.Name ?? "", scope.IsAdmin));
        }).WithName("GetMe").WithTags("Account").WithSummary("The account the API token belongs to.");
        return api;
    }
}
