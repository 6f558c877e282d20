namespace SecondaryPortal.Dns.ZoneData;

/// <summary>The outcome of <see cref="ZoneSnapshot.Build"/>: a snapshot, or the errors that prevented it.</summary>
/// <param name="Snapshot">The servable zone, or null when <paramref name="Errors"/> is not empty.</param>
/// <param name="Errors">Problems that make the zone unservable (no SOA at the apex, several SOAs ...).</param>
/// <param name="Warnings">Records dropped or adjusted: outside the zone, TTL unified, CNAME beside other data ...</param>
public sealed record ZoneBuildResult(ZoneSnapshot? Snapshot, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    /// <summary>True when a snapshot was built.</summary>
    public bool Succeeded => Snapshot is not null;
}
