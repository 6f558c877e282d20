namespace SecondaryPortal.Engine.Zones;

/// <summary>How <see cref="ZoneStore.ImportAsync(Dns.Wire.DnsName, IEnumerable{Dns.Records.DnsRecord}, ZoneImportOptions, CancellationToken)"/> stores a zone.</summary>
public sealed record ZoneImportOptions
{
    /// <summary>
    /// Store a new zone as a draft (<see cref="Persistence.Zone.IsDraft"/>): not served and no NOTIFY sent until it is
    /// published. Refused (<see cref="ZoneImportStatus.Exists"/>) when a live zone of that name is stored; a draft of the
    /// same owner is replaced.
    /// </summary>
    public bool AsDraft { get; init; }

    /// <summary>
    /// The account importing (its Identity user id): a new zone belongs to it, and a zone of another account is never
    /// replaced. Null acts as an administrator (the command line): a new zone has no owner, any zone may be replaced.
    /// </summary>
    public string? OwnerId { get; init; }
}
