using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SecondaryPortal.Dns.Transfer;
using SecondaryPortal.Dns.Tsig;
using SecondaryPortal.Engine.Scheduling;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Events;

/// <summary>Registers the transfer engine: secondary zone store access, timers, handlers, the engine (a hosted service) and the NOTIFY handler.</summary>
public static class SecondaryZoneServiceCollectionExtensions
{
    /// <summary>
    /// Adds the transfer engine with <paramref name="options"/>. Needs the store (<c>AddEngineStore</c>), TSIG key protection
    /// (<c>AddTsigKeyProtection</c>) and the publisher (<c>AddZonePublisher</c>); register it after the publisher so it
    /// starts after it.
    /// </summary>
    public static IServiceCollection AddSecondaryZones(this IServiceCollection services, TransferOptions options, ZoneTransferClientOptions? clientOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(provider => new ZoneTimerPolicy(provider.GetRequiredService<TransferOptions>()));
        services.AddSingleton(provider => new ZoneTransferClient(provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ZoneTransferClient>>(), clientOptions));
        services.AddSingleton(provider => new TsigVerifier(provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new TsigSigner(provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SecondaryZoneRepository>();
        services.TryAddSingleton<SecondaryZoneCatalog>();
        services.AddSingleton<ZoneEventTimers>();
        services.AddSingleton<RefreshHandler>();
        services.AddSingleton<ExpireHandler>();
        services.AddSingleton<PauseHandler>();
        services.AddSingleton<SecondaryZoneEngine>();
        services.AddHostedService(provider => provider.GetRequiredService<SecondaryZoneEngine>());
        services.AddSingleton<NotifyRequestHandler>();
        return services;
    }
}
