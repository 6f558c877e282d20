using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SecondaryPortal.Engine.Probing;

namespace SecondaryPortal.Engine.Records;

/// <summary>Registers the services the portal's pages and API call to look at and change zones.</summary>
public static class ZoneManagementServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="PrimaryCheck"/>, <see cref="ZoneRecordBrowser"/> and <see cref="AuthoritativeRecordEditor"/> as
    /// singletons. Needs the store (<c>AddEngineStore</c>) and <c>ZoneStore</c>; uses the <c>ZoneTable</c> when registered.
    /// </summary>
    public static IServiceCollection AddZoneManagement(this IServiceCollection services, PrimaryCheckOptions? checkOptions = null,
        ZoneRecordBrowserOptions? browserOptions = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(checkOptions ?? new PrimaryCheckOptions());
        services.AddSingleton(browserOptions ?? new ZoneRecordBrowserOptions());
        services.AddSingleton<PrimaryCheck>();
        services.AddSingleton<ZoneRecordBrowser>();
        services.AddSingleton<AuthoritativeRecordEditor>();
        return services;
    }
}
