using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Components;
using SecondaryPortal.Portal.Components.Pages.Zones;
using SecondaryPortal.Portal.Endpoints;
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
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        PortalConfiguration.AddWorkingDirectoryFile(builder.Configuration);
        builder.Services.AddSecondaryPortalServer(builder.Configuration);
        builder.Services.AddPortalAccounts(StorageConfiguration.Resolve(builder.Configuration));
        builder.Services.AddPortalZones();
        builder.Services.AddRazorComponents();
        builder.Services.AddCascadingAuthenticationState();

        var app = builder.Build();
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseStaticFiles();
        app.UseMiddleware<FirstRunGate>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapPortalEndpoints();
        app.MapAccountEndpoints();
        app.MapZoneEndpoints();
        app.MapRazorComponents<App>();
        return app;
    }
}
