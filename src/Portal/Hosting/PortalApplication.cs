using SecondaryPortal.Portal.Endpoints;

namespace SecondaryPortal.Portal.Hosting;

/// <summary>Builds the server: web host, configuration (see <see cref="PortalConfiguration"/>), services and endpoints.</summary>
public static class PortalApplication
{
    /// <summary>The web application for <paramref name="args"/> (configuration overrides such as --Dns:Listen:0=...), not yet started.</summary>
    public static WebApplication Build(string[] args)
    {
        // The content root is the binary's folder: its appsettings.json holds the defaults whatever the
        // current directory is; the current directory's file, if any, is added on top.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        PortalConfiguration.AddWorkingDirectoryFile(builder.Configuration);
        builder.Services.AddSecondaryPortalServer(builder.Configuration);
        var app = builder.Build();
        app.MapPortalEndpoints();
        return app;
    }
}
