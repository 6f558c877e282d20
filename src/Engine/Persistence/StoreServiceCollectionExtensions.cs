using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SecondaryPortal.Engine.Zones;

namespace SecondaryPortal.Engine.Persistence;

/// <summary>Registers the Engine's store: the context factory and the migrator (the zones on top of it are added by <c>AddZoneStore</c>).</summary>
public static class StoreServiceCollectionExtensions
{
    /// <summary>Adds the store described by <paramref name="settings"/>.</summary>
    public static IServiceCollection AddEngineStore(this IServiceCollection services, StoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // Pooled: a new context builds its internal services on first use, a pooled one is reset and reused; storing a
        // small IXFR delays serving it, so the store's fixed costs count.
        services.AddPooledDbContextFactory<StoreDbContext>(options => StoreDbContextOptions.Configure(options, settings));
        services.AddSingleton<StoreMigrator>();
        services.AddSingleton(settings);
        services.AddSingleton<StoreChangeSignal>(); // built when a poller asks for it: the command line's verbs watch nothing
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>
    /// Adds Data Protection with its key ring in <paramref name="keysDirectory"/> (the data directory's keys folder),
    /// and <see cref="TsigSecretProtector"/> over it. The server and every command-line verb use the same folder and
    /// application name, so a secret stored by one is read by the other.
    /// </summary>
    public static IServiceCollection AddTsigKeyProtection(this IServiceCollection services, string keysDirectory)
    {
        services.AddDataProtection()
            .SetApplicationName("SecondaryPortal")
            .PersistKeysToFileSystem(new DirectoryInfo(keysDirectory));
        services.TryAddSingleton<TsigSecretProtector>();
        return services;
    }
}
