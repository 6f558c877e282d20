namespace SecondaryPortal.Engine.Persistence;

/// <summary>
/// One resource record of a stored zone, in wire form: the owner's uncompressed wire octets (case kept) and
/// the RDATA's uncompressed wire octets. This decodes with the same codecs as a transfer, so a zone of a
/// million records loads in about a second, and no presentation-form parsing happens on a restart.
/// </summary>
public sealed class ZoneRecord
{
    /// <summary>Surrogate key; also the record's position in the zone as stored.</summary>
    public long Id { get; set; }

    /// <summary>The zone this record belongs to.</summary>
    public long ZoneId { get; set; }

    /// <summary>The owner name in uncompressed wire form (RFC 1035 §3.1), its case as given.</summary>
    public required byte[] Owner { get; set; }

    /// <summary>The record TYPE (a 16-bit value).</summary>
    public int Type { get; set; }

    /// <summary>The record CLASS (a 16-bit value).</summary>
    public int Class { get; set; }

    /// <summary>The TTL in seconds (a 32-bit unsigned value).</summary>
    public long Ttl { get; set; }

    /// <summary>The RDATA in uncompressed wire form (RFC 3597 §4: no compression pointers).</summary>
    public required byte[] Data { get; set; }
}
