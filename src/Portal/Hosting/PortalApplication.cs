using MudBlazor.Services;
using SecondaryPortal.Engine.Records;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Api;
using SecondaryPortal.Portal.Components;
using SecondaryPortal.Portal.Endpoints;
using SecondaryPortal.Portal.Jobs;
using SecondaryPortal.Portal.Services.Analytics;
using SecondaryPortal.Portal.Services.Primaries;
using SecondaryPortal.Portal.Services.Sites;
using SecondaryPortal.Portal.Services.Zones;

namespace SecondaryPortal.Portal.Hosting;

/// <summary>Builds the server: web host, configuration (see <see cref="PortalConfiguration"/>), services and endpoints.</summary>
public static class PortalApplication
{
    /// <summary>The web application for <paramref name="args"/> (configuration overrides such as --Dns:Listen:0=...), not yet started.</summary>
    public static WebApplication Build(string[] args)
    {
        // The content root is the binary's folder: its appsettings.json holds the defaults whatever the
        // current directory is; the current directory's file, if any, is added on top. wwwroot is copied there too.
        // The application is named after this assembly, not the entry point, so that a test host finds the static web assets'
        // manifests beside the binary as the app does.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args, ContentRootPath = AppContext.BaseDirectory, ApplicationName = typeof(App).Assembly.GetName().Name,
        });
        // A built (not published) binary finds blazor.web.js and MudBlazor's files where the build left them, in any environment.
        builder.WebHost.UseStaticWebAssets();
        PortalConfiguration.AddWorkingDirectoryFile(builder.Configuration);
        builder.Services.AddSecondaryPortalServer(builder.Configuration);
        builder.Services.AddPortalAccounts(StorageConfiguration.Resolve(builder.Configuration));
        builder.Services.AddPortalApi();
        builder.Services.AddPortalSites();
        builder.Services.AddZoneManagement();
        builder.Services.AddPortalZones();
        builder.Services.AddPortalPrimaries();
        builder.Services.AddPortalAnalytics();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddCascadingAuthenticationState();

        var app = builder.Build();
        // The API answers errors as problem details (RFC 7807); the pages show the error and not-found pages.
        app.UseWhen(context => IsApi(context.Request), api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(context => !IsApi(context.Request), pages => pages
            .UseExceptionHandler("/error", createScopeForErrors: true)
            .UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseStaticFiles();
        app.UseMiddleware<FirstRunGate>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<SignInThrottleMiddleware>();
        app.UseAntiforgery();
        app.MapHealthEndpoints();
        app.MapAccountEndpoints();
        app.MapPortalApi();
        app.MapKeyEndpoints();
        app.MapSiteEndpoints();
        app.MapZoneEndpoints();
        app.MapAnalyticsEndpoints();
        app.MapJobsDashboard();
        // blazor.web.js and MudBlazor's files (_framework/, _content/), by the manifest beside the binary.
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments(ApiEndpoints.Prefix);
}
