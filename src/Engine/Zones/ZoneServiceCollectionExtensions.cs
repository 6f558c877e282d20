using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SecondaryPortal.Dns.Lookup;

namespace SecondaryPortal.Engine.Zones;

/// <summary>Registers the responder's zone table and the publisher that fills it from the store.</summary>
public static class ZoneServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ZoneStore"/> (import, export, list, load, remove). Needs the store (<c>AddEngineStore</c>).</summary>
    public static IServiceCollection AddZoneStore(this IServiceCollection services)
    {
        services.TryAddSingleton<ZoneStore>();
        return services;
    }

    /// <summary>Adds <see cref="ZoneTable"/>, <see cref="ZonePublisher"/> (as a hosted service too), <see cref="ZoneDrafts"/> and <see cref="SavedPrimaryStore"/>.</summary>
    public static IServiceCollection AddZonePublisher(this IServiceCollection services, ZonePublisherOptions? options = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ZoneTable>();
        services.AddSingleton(options ?? new ZonePublisherOptions());
        services.AddSingleton<ZonePublisher>();
        services.TryAddSingleton<ZoneDrafts>();
        services.TryAddSingleton<SavedPrimaryStore>();
        services.AddHostedService(provider => provider.GetRequiredService<ZonePublisher>());
        return services;
    }
}
