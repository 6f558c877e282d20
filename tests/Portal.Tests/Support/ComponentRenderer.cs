using AngleSharp.Html.Dom;
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
    public static async Task<IHtmlDocument> RenderAsync<TComponent>(IServiceProvider services, IDictionary<string, object?>? parameters = null)
        where TComponent : IComponent
    {
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        string html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters ?? new Dictionary<string, object?>()));
            return output.ToHtmlString();
        });
        return PortalClient.Parse(html);
    }
}
