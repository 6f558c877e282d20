using SecondaryPortal.Portal.Services.Keys;

namespace SecondaryPortal.Portal.Services.Primaries;

/// <summary>Registers the portal's saved-primaries service (the pages and the REST API use the same one).</summary>
public static class PrimaryServiceCollectionExtensions
{
    /// <summary>Adds <see cref="PrimaryDirectory"/> and the TSIG key service it uses (needs the store).</summary>
    public static IServiceCollection AddPortalPrimaries(this IServiceCollection services)
    {
        services.AddSingleton<PrimaryDirectory>();
        services.AddPortalKeys();
        return services;
    }
}
