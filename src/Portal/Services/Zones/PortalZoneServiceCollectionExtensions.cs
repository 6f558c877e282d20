using Microsoft.Extensions.DependencyInjection.Extensions;
using SecondaryPortal.Engine.Records;
using SecondaryPortal.Portal.Services.Keys;

namespace SecondaryPortal.Portal.Services.Zones;

/// <summary>Registers the portal's zone services (the pages and the REST API use the same ones).</summary>
public static class PortalZoneServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ZoneDirectory"/>, <see cref="ZoneActions"/>, <see cref="OutgoingTransfers"/>, <see cref="ZoneRecordEditing"/>, the <see cref="ZoneChangeFeed"/> the zone page listens to (needs the Engine's AddZoneManagement), and the record browser and TSIG key service they use.</summary>
    public static IServiceCollection AddPortalZones(this IServiceCollection services)
    {
        services.TryAddSingleton<ZoneRecordBrowser>();
        services.AddSingleton<ZoneDirectory>();
        services.AddSingleton<ZoneActions>();
        services.AddSingleton<OutgoingTransfers>();
        services.AddSingleton<ZoneRecordEditing>();
        services.AddSingleton<ZoneChangeFeed>();
        services.AddPortalKeys();
        return services;
    }
}
