using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SecondaryPortal.Dns.Outbound;

namespace SecondaryPortal.Engine.Outbound;

/// <summary>Registers the primary's side of zone transfers: settings, journal, access policy and NOTIFY out.</summary>
public static class PrimaryTransferServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="TransferSettingsCache"/> (as the <see cref="IZoneTransferPolicy"/> and <see cref="IZoneJournal"/>
    /// of the transfer responder), <see cref="ZoneTransferSettingsStore"/>, the <see cref="NotifySender"/> and
    /// <see cref="ZoneNotifyService"/> (as a hosted service too). TSIG keys come from an <see cref="ITsigKeyLookup"/>:
    /// <see cref="NoTsigKeys"/> unless another is registered. Needs the store and the zone publisher.
    /// </summary>
    public static IServiceCollection AddPrimaryTransfers(this IServiceCollection services, PrimaryTransferOptions? options = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options ?? new PrimaryTransferOptions());
        services.TryAddSingleton<ITsigKeyLookup, NoTsigKeys>();
        services.AddSingleton<TransferSettingsCache>();
        services.AddSingleton<IZoneTransferPolicy>(provider => provider.GetRequiredService<TransferSettingsCache>());
        services.AddSingleton<IZoneJournal>(provider => provider.GetRequiredService<TransferSettingsCache>());
        services.AddSingleton<ZoneTransferSettingsStore>();
        services.TryAddSingleton<NotifySender>();
        services.AddSingleton<ZoneNotifyService>();
        services.AddHostedService(provider => provider.GetRequiredService<ZoneNotifyService>());
        return services;
    }

    /// <summary>
    /// Makes the store's TSIG keys (<see cref="StoredTsigKeyLookup"/>) the <see cref="ITsigKeyLookup"/>; call before
    /// <see cref="AddPrimaryTransfers"/>. Needs the secondary zones' repository (it decrypts the secrets).
    /// </summary>
    public static IServiceCollection AddStoredTsigKeys(this IServiceCollection services)
    {
        services.AddSingleton<StoredTsigKeyLookup>();
        services.AddSingleton<ITsigKeyLookup>(provider => provider.GetRequiredService<StoredTsigKeyLookup>());
        services.AddHostedService(provider => provider.GetRequiredService<StoredTsigKeyLookup>());
        return services;
    }
}
