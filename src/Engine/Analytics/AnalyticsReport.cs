namespace SecondaryPortal.Engine.Analytics;

/// <summary>What the charts and the API show for an <see cref="AnalyticsFilter"/>.</summary>
/// <param name="Filter">The filter, with its range as used (clamped to whole buckets).</param>
/// <param name="BucketSeconds">The width of one point of <see cref="Series"/>: 60 (minutes) or more.</param>
/// <param name="Total">Queries matching the filter.</param>
/// <param name="Series">Queries per bucket and response code, in bucket order; buckets without queries are left out.</param>
/// <param name="ByType">Queries per query type mnemonic ("OTHER" for the rest), most first.</param>
/// <param name="ByRcode">Queries per response code mnemonic, most first.</param>
/// <param name="ByTransport">Queries per transport ("UDP", "TCP"), most first.</param>
/// <param name="ByIpVersion">Queries per IP version ("IPv4", "IPv6"), most first.</param>
/// <param name="ByClientRegion">Queries per client region, most first.</param>
/// <param name="ByNodeRegion">Queries per answering node's region, most first.</param>
/// <param name="TopNames">The most queried names (estimates from the per-zone sketches, summed per hour).</param>
/// <param name="TopNxDomainNames">The most queried names answered NXDOMAIN.</param>
/// <param name="Transfers">The covered zones' transfers in the range, for marking on the time axis.</param>
public sealed record AnalyticsReport(
    AnalyticsFilter Filter,
    int BucketSeconds,
    long Total,
    IReadOnlyList<SeriesPoint> Series,
    IReadOnlyList<Breakdown> ByType,
    IReadOnlyList<Breakdown> ByRcode,
    IReadOnlyList<Breakdown> ByTransport,
    IReadOnlyList<Breakdown> ByIpVersion,
    IReadOnlyList<Breakdown> ByClientRegion,
    IReadOnlyList<Breakdown> ByNodeRegion,
    IReadOnlyList<TopName> TopNames,
    IReadOnlyList<TopName> TopNxDomainNames,
    IReadOnlyList<TransferMark> Transfers);

/// <summary>Queries in one bucket answered with one response code.</summary>
/// <param name="Start">The bucket's start, UTC.</param>
/// <param name="Rcode">The response code mnemonic ("NOERROR", "NXDOMAIN", ... "OTHER").</param>
/// <param name="Count">How many.</param>
public sealed record SeriesPoint(DateTimeOffset Start, string Rcode, long Count);

/// <summary>Queries sharing one value of a dimension.</summary>
/// <param name="Key">The value ("AAAA", "NXDOMAIN", "UDP", "IPv6", "eu-west" ...).</param>
/// <param name="Count">How many.</param>
public sealed record Breakdown(string Key, long Count);

/// <summary>A name among the most queried.</summary>
/// <param name="Zone">Its zone.</param>
/// <param name="Name">The name, lower case, fully qualified.</param>
/// <param name="Count">The estimate (an upper bound per hour, as Space-Saving gives).</param>
public sealed record TopName(string Zone, string Name, long Count);

/// <summary>A transfer that changed a zone, to mark on the time axis.</summary>
/// <param name="At">When it finished.</param>
/// <param name="Zone">The zone.</param>
/// <param name="Serial">The serial it brought.</param>
/// <param name="Kind">"IXFR" or "AXFR".</param>
public sealed record TransferMark(DateTimeOffset At, string Zone, uint Serial, string Kind);
