namespace SecondaryPortal.Engine.Persistence;

/// <summary>One primary server of a secondary zone; a zone's primaries are tried in <see cref="Order"/>.</summary>
public sealed class ZonePrimary
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>The secondary zone.</summary>
    public long ZoneId { get; set; }

    /// <summary>Position among the zone's primaries, from 0; unique per zone.</summary>
    public int Order { get; set; }

    /// <summary>The primary's IP address in text form ("192.0.2.1", "2001:db8::1").</summary>
    public required string Address { get; set; }

    /// <summary>The primary's port (53 as a rule).</summary>
    public int Port { get; set; }

    /// <summary>The TSIG key that signs every query and transfer to this primary, or null for none.</summary>
    public long? TsigKeyId { get; set; }

    /// <summary>The SOA serial this primary last answered with, or null when it never answered.</summary>
    public long? LastSeenSerial { get; set; }

    /// <summary>When this primary last answered a SOA query.</summary>
    public DateTimeOffset? LastSeenAt { get; set; }
}
