using SecondaryPortal.Dns.Analytics;
using SecondaryPortal.Dns.Lookup;
using SecondaryPortal.Dns.Outbound;
using SecondaryPortal.Dns.Server;
using SecondaryPortal.Engine.Analytics;
using SecondaryPortal.Engine.Events;
using SecondaryPortal.Engine.Memory;
using SecondaryPortal.Engine.Outbound;
using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Zones;
using SecondaryPortal.Portal.DnsListeners;
using SecondaryPortal.Portal.Jobs;

namespace SecondaryPortal.Portal.Hosting;

/// <summary>The server's composition: store, zone publishing, the transfer engine (in and out) and the DNS responder, in start order.</summary>
public static class PortalServiceCollectionExtensions
{
    /// <summary>
    /// Adds the store (migrated at start), the publisher that loads stored zones into the zone table, the transfer engine
    /// that keeps secondary zones in sync with their primaries, the DNS listeners answering from that table, the
    /// aggregator filing their query counts, and the reclaimer giving a burst's garbage back. Hosted services start in
    /// registration order, so the schema is current before zones load, and stored zones are marked loading (SERVFAIL)
    /// before the first query.
    /// </summary>
    public static IServiceCollection AddSecondaryPortalServer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddEngineStore(StorageConfiguration.Resolve(configuration)).AddZoneStore();
        services.AddHostedService<StoreMigrationHostedService>();
        services.AddZonePublisher();
        services.AddTsigKeyProtection(StorageConfiguration.KeysDirectory(configuration));
        services.AddSecondaryZones(TransferConfiguration.Options(configuration));
        services.AddStoredTsigKeys();
        services.AddPrimaryTransfers();
        services.AddDnsResponder(configuration);
        services.AddQueryAnalytics(AnalyticsConfiguration.Options(configuration));
        services.AddSingleton(MemoryConfiguration.Options(configuration));
        services.AddHostedService<BurstMemoryReclaimer>();
        services.AddBackgroundJobs(StorageConfiguration.DataDirectory(configuration), JobConfiguration.Options(configuration));
        return services;
    }

    /// <summary>
    /// Adds the request handlers and the listeners from the <c>Dns</c> section: queries to the authoritative handler,
    /// zone transfers to the transfer responder (streamed over TCP), signed SOA queries answered signed. The transfer
    /// responder needs <see cref="PrimaryTransferServiceCollectionExtensions.AddPrimaryTransfers"/>.
    /// </summary>
    public static IServiceCollection AddDnsResponder(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(DnsConfiguration.ResponderOptions(configuration));
        services.AddSingleton(DnsConfiguration.QueryCountingOptions(configuration));
        services.AddSingleton(DnsConfiguration.ServerOptions(configuration));
        services.AddSingleton<QueryCounters>();
        services.AddSingleton<AuthoritativeRequestHandler>();
        services.AddSingleton<ZoneTransferResponder>();
        services.AddSingleton<IDnsStreamHandler>(provider => provider.GetRequiredService<ZoneTransferResponder>());
        // NOTIFY (RFC 1996) goes to the transfer engine's handler, AXFR/IXFR to the transfer responder, signed SOA
        // queries are answered signed, and every other request goes to the responder.
        services.AddSingleton<IDnsRequestHandler>(provider =>
        {
            var queries = provider.GetRequiredService<AuthoritativeRequestHandler>();
            var signed = new TsigQueryHandler(queries, provider.GetRequiredService<ITsigKeyLookup>(), provider.GetRequiredService<TimeProvider>());
            return new DnsRequestRouter(queries, notifies: provider.GetRequiredService<NotifyRequestHandler>(),
                transfers: provider.GetRequiredService<ZoneTransferResponder>(), signedSoaQueries: signed);
        });
        services.AddSingleton<DnsServerHostedService>();
        services.AddHostedService(provider => provider.GetRequiredService<DnsServerHostedService>());
        return services;
    }
}
