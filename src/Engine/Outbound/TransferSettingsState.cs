using System.Collections.Frozen;

namespace SecondaryPortal.Engine.Outbound;

/// <summary>One immutable load of the transfer settings, swapped whole into <see cref="TransferSettingsCache"/>.</summary>
/// <param name="Version">The store's change version it was loaded at.</param>
/// <param name="Zones">The authoritative zones by origin key (lowercase presentation form).</param>
internal sealed record TransferSettingsState(long Version, FrozenDictionary<string, CachedZoneSettings> Zones)
{
    public static readonly TransferSettingsState Empty = new(-1, FrozenDictionary<string, CachedZoneSettings>.Empty);
}
