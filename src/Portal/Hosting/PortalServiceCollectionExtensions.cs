using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Engine.Events;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Portal.Hosting;

/// <summary>The server's composition: store, zone publishing, the transfer engine and the DNS responder, in start order.</summary>
public static class PortalServiceCollectionExtensions
{
    /// <summary>
    /// Adds the store (migrated at start), the publisher that loads stored zones into the zone table, the transfer engine
    /// that keeps secondary zones in sync with their primaries, and the DNS listeners answering from that table. Hosted services start in registration order, so the schema is
    /// current before zones load, and stored zones are marked loading (SERVFAIL) before the first query.
    /// </summary>
    public static IServiceCollection AddSecondaryPortalServer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddEngineStore(StorageConfiguration.Resolve(configuration));
        services.AddHostedService<StoreMigrationHostedService>();
        services.AddZonePublisher();
        services.AddTsigKeyProtection(StorageConfiguration.KeysDirectory(configuration));
        services.AddSecondaryZones(TransferConfiguration.Options(configuration));
        services.AddDnsResponder(configuration);
        return services;
    }

    /// <summary>Adds the authoritative request handler and the listeners from the <c>Dns</c> section.</summary>
    public static IServiceCollection AddDnsResponder(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(DnsConfiguration.ResponderOptions(configuration));
        services.AddSingleton(DnsConfiguration.ServerOptions(configuration));
        services.AddSingleton<QueryCounters>();
        services.AddSingleton<AuthoritativeRequestHandler>();
        // NOTIFY (RFC 1996) goes to the transfer engine's handler; every other request to the responder.
        services.AddSingleton<IDnsRequestHandler>(provider => new DnsRequestRouter(
            provider.GetRequiredService<AuthoritativeRequestHandler>(), provider.GetRequiredService<NotifyRequestHandler>()));
        services.AddSingleton<DnsServerHostedService>();
        services.AddHostedService(provider => provider.GetRequiredService<DnsServerHostedService>());
        return services;
    }
}
