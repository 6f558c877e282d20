using Microsoft.Extensions.DependencyInjection.Extensions;
using SecondaryPortal.Engine.Events;
using SecondaryPortal.Engine.Probing;
using SecondaryPortal.Engine.Records;
using SecondaryPortal.Portal.Services.Keys;

namespace SecondaryPortal.Portal.Services.Sites;

/// <summary>Registers the Add Site wizard's services and the TSIG key services.</summary>
public static class SiteServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SiteWizardService"/>, <see cref="SiteWizardStateProtector"/>, <see cref="SiteListener"/>, <see cref="PrimaryCheckPolicy"/> and
    /// <see cref="TsigKeyService"/>, with the engine's <see cref="PrimaryCheck"/>, <see cref="ZoneRecordBrowser"/> and <see cref="TransferProgress"/> when
    /// nothing registered them yet. Needs the server's services (store, catalog, drafts, DNS listener).
    /// </summary>
    public static IServiceCollection AddPortalSites(this IServiceCollection services)
    {
        services.AddPortalKeys();
        services.TryAddSingleton(provider => new PrimaryCheck(provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<Dns.Transfer.ZoneTransferClient>>(), provider.GetRequiredService<ILogger<PrimaryCheck>>()));
        services.TryAddSingleton<ZoneRecordBrowser>();
        services.TryAddSingleton<TransferProgress>();
        services.AddSingleton<SiteListener>();
        services.AddSingleton<PrimaryCheckPolicy>();
        services.AddSingleton<SiteWizardStateProtector>();
        services.AddSingleton<SiteWizardService>();
        return services;
    }
}
