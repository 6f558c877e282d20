using SecondaryPortal.Dns.Wire;

namespace SecondaryPortal.Dns.Analytics;

/// <summary>
/// One zone's counters in a <see cref="QueryCounters"/>: per query type slot a row of rcode slots, each holding a block
/// of cells, all allocated the first time a pair is counted (a zone queried for one or two types holds a few hundred
/// bytes, not a reference for each of the 240 pairs), and the zone's two kinds of top-name sketches, one per sketch
/// stripe, each created the first time a name is sketched on that stripe.
/// The responder caches a reference to it beside each served zone so that counting skips the dictionary lookup.
/// </summary>
internal sealed class ZoneQueryCounters(QueryCounters owner, DnsName? zone, int typeSlots, int sketchStripes)
{
    /// <summary>The counters this belongs to (a zone table may serve several handlers, each with its counters).</summary>
    public QueryCounters Owner { get; } = owner;

    /// <summary>The zone, or null for queries outside every zone.</summary>
    public DnsName? Zone { get; } = zone;

    /// <summary>
    /// Per type slot, per rcode slot: per stripe a padded run of cells indexed by region, IP version and transport; null
    /// where nothing was counted yet.
    /// </summary>
    public long[]?[]?[] Blocks { get; } = new long[]?[]?[typeSlots];

    /// <summary>Per sketch stripe: every answer's query name since the last drain, or null before the first.</summary>
    public SpaceSavingSketch?[] Names { get; } = new SpaceSavingSketch?[sketchStripes];

    /// <summary>
    /// The period of <see cref="QueryCounters.SnapshotRecent"/> in which the zone was last counted (written once a period,
    /// read on every count); never counted: far in the past.
    /// </summary>
    public int Period = int.MinValue / 2;

    /// <summary>Per sketch stripe: NXDOMAIN answers' query names since the last drain, or null before the first.</summary>
    public SpaceSavingSketch?[] NxDomainNames { get; } = new SpaceSavingSketch?[sketchStripes];
}
