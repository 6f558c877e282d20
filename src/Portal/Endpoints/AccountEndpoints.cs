using Microsoft.AspNetCore.Identity;
using SecondaryPortal.Portal.Accounts;

namespace SecondaryPortal.Portal.Endpoints;

/// <summary>The account endpoints that are not pages (the pages are in Components/Pages/Account).</summary>
public static class AccountEndpoints
{
    /// <summary>POST /account/logout: signs out (the form carries the antiforgery token) and goes to the sign-in page.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (SignInManager<PortalUser> signIn, HttpContext context) =>
        {
            await context.Request.ReadFormAsync(); // the antiforgery middleware has checked the form's token
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).ExcludeFromDescription();
        return endpoints;
    }
}
