
namespace SecondaryPortal.Engine.Persistence;

/// <summary>A stored zone: its identity and a summary of its records (the records are <see cref="ZoneRecord"/> rows).</summary>
public sealed class Zone
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>The zone's apex in lowercase presentation form with the final dot ("example.com."); unique.</summary>
    public required string Origin { get; set; }

    /// <summary>Authoritative (ours) or secondary (transferred).</summary>
    public ZoneKind Kind { get; set; }

    /// <summary>The SOA serial of the stored records (a 32-bit unsigned value, RFC 1035 §3.3.13).</summary>
    public long Serial { get; set; }

    /// <summary>How many records are stored for the zone.</summary>
    public int RecordCount { get; set; }

    /// <summary>When the zone was first stored.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the zone's records or settings last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// The store's change version (<see cref="StoreState.ChangeVersion"/>) at the zone's last change: a reader
    /// that remembers it knows whether the zone changed since it loaded it, even in another process.
    /// </summary>
    public long Version { get; set; }

    /// <summary>
    /// The Identity user id of the account that owns the zone, or null for a zone created from the command line
    /// (visible to administrators only).
    /// </summary>
    public string? OwnerId { get; set; }

    /// <summary>
    /// True while the zone is being set up in the portal's Add Site wizard: it is stored (and a secondary draft is
    /// transferred as usual) but never served and never announced by NOTIFY, until it is published
    /// or discarded.
    /// </summary>
    public bool IsDraft { get; set; }
}
