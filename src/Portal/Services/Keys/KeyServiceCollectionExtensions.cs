using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SecondaryPortal.Portal.Services.Keys;

/// <summary>Registers the TSIG key services of the portal.</summary>
public static class KeyServiceCollectionExtensions
{
    /// <summary>Adds <see cref="TsigKeyService"/> (needs the store and the TSIG secret protector).</summary>
    public static IServiceCollection AddPortalKeys(this IServiceCollection services)
    {
        services.TryAddSingleton<TsigKeyService>();
        return services;
    }
}
