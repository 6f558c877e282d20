using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Engine.Zones;

/// <summary>A secondary zone as the transfer engine runs it: where to refresh it from, and its stored state.</summary>
/// <param name="ZoneId">The zone's row.</param>
/// <param name="Origin">The zone's apex.</param>
/// <param name="Primaries">Its primaries in order.</param>
/// <param name="State">Its refresh state as stored (a detached copy the engine owns).</param>
/// <param name="ConfigError">Why the zone cannot be refreshed as configured (a TSIG secret that cannot be decrypted), or null.</param>
public sealed record SecondaryZoneDefinition(long ZoneId, DnsName Origin, IReadOnlyList<ConfiguredPrimary> Primaries, SecondaryZoneState State, string? ConfigError)
{
    /// <summary>True while the zone is a draft of the Add Site wizard: transferred as usual, never served.</summary>
    public bool IsDraft { get; init; }

    /// <summary>True when <paramref name="other"/> has the same primaries (addresses, ports, keys) and configuration error.</summary>
    public bool SameSettings(SecondaryZoneDefinition other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ConfigError == other.ConfigError
            && Primaries.Count == other.Primaries.Count
            && Primaries.Zip(other.Primaries).All(pair => pair.First.Id == pair.Second.Id
                && pair.First.Server.EndPoint.Equals(pair.Second.Server.EndPoint)
                && SameKey(pair.First.Server.Key, pair.Second.Server.Key));
    }

    private static bool SameKey(Dns.Tsig.TsigKey? a, Dns.Tsig.TsigKey? b) =>
        a is null ? b is null : b is not null && a.Name == b.Name && a.Algorithm == b.Algorithm && a.Secret.Span.SequenceEqual(b.Secret.Span);
}
