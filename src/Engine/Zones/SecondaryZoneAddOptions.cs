using SecondaryPortal.Dns.Tsig;

namespace SecondaryPortal.Engine.Zones;

/// <summary>How <see cref="SecondaryZoneCatalog.AddAsync(Dns.Wire.DnsName, IReadOnlyList{System.Net.IPEndPoint}, SecondaryZoneAddOptions, CancellationToken)"/> adds a zone.</summary>
public sealed record SecondaryZoneAddOptions
{
    /// <summary>A stored key to sign with (by name), or the name of <see cref="NewKey"/>; null for no TSIG.</summary>
    public string? KeyName { get; init; }

    /// <summary>A key to store (or, when a key of that name is stored, that must be the same); it signs the traffic to every primary.</summary>
    public TsigKey? NewKey { get; init; }

    /// <summary>
    /// The account adding the zone (its Identity user id): the zone and a new key belong to it, and only its own keys can
    /// be reused. Null acts as an administrator (the command line): no owner, any key.
    /// </summary>
    public string? OwnerId { get; init; }

    /// <summary>
    /// Add the zone as a draft of the Add Site wizard: transferred at once like any zone (state and history written), never
    /// served until <see cref="ZoneDrafts.PublishAsync"/>.
    /// </summary>
    public bool AsDraft { get; init; }
}
