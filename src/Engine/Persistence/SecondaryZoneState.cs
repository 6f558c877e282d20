
namespace SecondaryPortal.Engine.Persistence;

/// <summary>
/// The refresh state of a secondary zone, one row per zone, written by the transfer engine after every event.
/// The engine rebuilds its schedule from these rows after a restart. Writing it never changes the zone's
/// <see cref="Zone.Version"/> (only new records do), so the publisher does not reload the zone for it.
/// </summary>
public sealed class SecondaryZoneState
{
    /// <summary>The zone (also the key: one state per zone).</summary>
    public long ZoneId { get; set; }

    /// <summary>Where the zone stands.</summary>
    public ZoneStatus Status { get; set; }

    /// <summary>The serial of the copy served, or null before the first transfer.</summary>
    public long? ServedSerial { get; set; }

    /// <summary>The served SOA's REFRESH in seconds (RFC 1035 §3.3.13), kept to rebuild timers without loading the zone.</summary>
    public long? SoaRefresh { get; set; }

    /// <summary>The served SOA's RETRY in seconds.</summary>
    public long? SoaRetry { get; set; }

    /// <summary>The served SOA's EXPIRE in seconds.</summary>
    public long? SoaExpire { get; set; }

    /// <summary>When a primary was last asked for the zone's SOA.</summary>
    public DateTimeOffset? LastCheckAt { get; set; }

    /// <summary>When the last refresh succeeded (up to date or transferred): the start of the expire period.</summary>
    public DateTimeOffset? LastSuccessAt { get; set; }

    /// <summary>When records last arrived by IXFR or AXFR.</summary>
    public DateTimeOffset? LastTransferAt { get; set; }

    /// <summary>When the next refresh (or retry) is due.</summary>
    public DateTimeOffset? NextRefreshAt { get; set; }

    /// <summary>When the zone expires without a successful refresh; null before the first transfer.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>What went wrong last, in plain words; null once a refresh succeeds.</summary>
    public string? LastError { get; set; }

    /// <summary>
    /// Grows by one each time an operator asks for a refresh (<c>zone refresh</c>); the engine refreshes when it
    /// sees a value it has not acted on.
    /// </summary>
    public long RefreshRequest { get; set; }

    /// <summary>
    /// Grows by one each time an operator asks for a full transfer: the engine's next refresh transfers the zone by AXFR
    /// even when the primary's serial is ours. Written only by the catalog, never by the engine.
    /// </summary>
    public long AxfrRequest { get; set; }

    /// <summary>
    /// True while an operator wants the zone paused (no refresh, NOTIFY ignored, the last copy served). Written only by the
    /// catalog; the engine acts on it and shows it as <see cref="ZoneStatus.Paused"/> (or <see cref="ZoneStatus.Expired"/>
    /// when the zone expires while paused).
    /// </summary>
    public bool Paused { get; set; }

    /// <summary>A copy, for a write queued behind the zone's loop (the loop goes on changing its own).</summary>
    public SecondaryZoneState Copy() => (SecondaryZoneState)MemberwiseClone();
}
