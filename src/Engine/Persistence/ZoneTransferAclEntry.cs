namespace SecondaryPortal.Engine.Persistence;

/// <summary>
/// One entry of an authoritative zone's transfer access list: who may transfer the zone from us (AXFR, IXFR).
/// An empty list allows nobody.
/// </summary>
public sealed class ZoneTransferAclEntry
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>The zone this entry belongs to.</summary>
    public long ZoneId { get; set; }

    /// <summary>
    /// The entry in the normalised text form of <see cref="Dns.Outbound.TransferAclEntry"/>: a network ("192.0.2.0/24",
    /// "192.0.2.1/32", "2001:db8::/32") or a TSIG key name ("key:transfer.example."); unique per zone.
    /// </summary>
    public required string Entry { get; set; }
}
