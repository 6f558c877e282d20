using SecondaryPortal.Engine.Persistence;
using SecondaryPortal.Engine.Zones;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Hosting;

namespace SecondaryPortal.Portal.Cli;

/// <summary>The services a verb needs: the store and TSIG key protection with the server's configuration, logging warnings to stderr.</summary>
internal static class CliServices
{
    public static ServiceProvider Build(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error)
            // Data Protection warns that keys are stored unencrypted on Linux: the folder's permissions protect them (see README).
            .AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error)
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        var store = StorageConfiguration.Resolve(configuration);
        services.AddEngineStore(store).AddZoneStore();
        services.AddAccountStore(store);
        services.AddTsigKeyProtection(StorageConfiguration.KeysDirectory(configuration));
        services.AddSingleton<SecondaryZoneCatalog>();
        return services.BuildServiceProvider();
    }
}
