using System.Security.Claims;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SecondaryPortal.Portal.Tests.Support;

/// <summary>
/// Renders a component to HTML with ASP.NET Core's HtmlRenderer (the path static server rendering takes in production)
/// and parses it with AngleSharp, for component tests.
/// </summary>
public static class ComponentRenderer
{
    /// <summary>A signed-in admin, for components that show everything to admins.</summary>
    public static ClaimsPrincipal Admin { get; } = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "admin-id"), new Claim(ClaimTypes.Name, "admin@example.com"), new Claim(ClaimTypes.Role, Portal.Accounts.AccountRoles.Admin)], "test"));

    public static async Task<IHtmlDocument> RenderAsync<TComponent>(IServiceProvider services, IDictionary<string, object?>? parameters = null,
        ClaimsPrincipal? user = null)
        where TComponent : IComponent
    {
        await using var scope = services.CreateAsyncScope();
        // Outside a request the server's authentication state is unset: give the components the user (anonymous by default).
        if (scope.ServiceProvider.GetService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider authentication)
            authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(user ?? new ClaimsPrincipal(new ClaimsIdentity()))));
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        string html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters ?? new Dictionary<string, object?>()));
            return output.ToHtmlString();
        });
        return PortalClient.Parse(html);
    }
}
