using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Portal.Hosting;

namespace SecondaryPortal.Portal.Tests.Support;

/// <summary>The real server (web, DNS, engine) in-process on free loopback ports with its own data directory; stopped on dispose.</summary>
public sealed class RunningPortal : IAsyncDisposable
{
    private RunningPortal(WebApplication app, TempDataDirectory data)
    {
        App = app;
        Data = data;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public WebApplication App { get; }

    public TempDataDirectory Data { get; }

    /// <summary>The portal's base address (http://127.0.0.1:port).</summary>
    public Uri Address { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>
    /// Starts a server on <paramref name="data"/> (a new data directory when null, deleted on dispose). Customers may give
    /// loopback primaries (<c>Sites:AllowPrivatePrimaries</c>, since the tests' primaries run on 127.0.0.1) unless
    /// <paramref name="extraArgs"/> says otherwise.
    /// </summary>
    public static async Task<RunningPortal> StartAsync(TempDataDirectory? data = null, params string[] extraArgs)
    {
        data ??= new TempDataDirectory();
        var app = PortalApplication.Build(["--urls=http://127.0.0.1:0", "--Dns:Listen:0=127.0.0.1:0", data.Override, "--Sites:AllowPrivatePrimaries=true", .. extraArgs]);
        await app.StartAsync();
        return new RunningPortal(app, data);
    }

    /// <summary>A browser-like client of this server: cookies kept, redirects not followed.</summary>
    public PortalClient Client() => new(Address);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Data.Dispose();
    }
}
