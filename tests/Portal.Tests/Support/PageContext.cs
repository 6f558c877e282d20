using System.Security.Claims;
using Bunit;
using MudBlazor.Services;

namespace SecondaryPortal.Portal.Tests.Support;

/// <summary>
/// A bUnit context for the interactive pages: MudBlazor's services, bUnit's JS interop in loose mode, a signed-in user,
/// and every other service from <paramref name="services"/> (the portal's own, on a real store).
/// </summary>
public static class PageContext
{
    public static BunitContext For(IServiceProvider services, ClaimsPrincipal user)
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        var authorization = context.AddAuthorization();
        authorization.SetAuthorized(user.Identity?.Name ?? "user");
        string[] roles = user.FindAll(ClaimTypes.Role).Select(claim => claim.Value).ToArray();
        if (roles.Length > 0)
            authorization.SetRoles(roles);
        authorization.SetClaims(user.Claims.Where(claim => claim.Type is not ClaimTypes.Role and not ClaimTypes.Name).ToArray());
        context.Services.AddFallbackServiceProvider(services);
        return context;
    }
}
