using SecondaryPortal.Dns.Analytics;

namespace SecondaryPortal.Engine.Analytics;

/// <summary>
/// Turns the responder's cumulative counts into the queries since the previous call: the counters only grow, so the
/// difference of two snapshots is exact, and the sum of the differences is the counters' total.
/// </summary>
public sealed class QueryCountDelta
{
    private readonly Dictionary<QueryCount, long> _previous = new(DimensionsOnly.Instance);

    /// <summary>The counts of <paramref name="snapshot"/> minus those of the previous snapshot; combinations that did not grow are left out.</summary>
    public IReadOnlyList<QueryCount> Next(IReadOnlyList<QueryCount> snapshot)
    {
        var grown = new List<QueryCount>();
        foreach (var count in snapshot)
        {
            _previous.TryGetValue(count, out long before);
            if (count.Count <= before)
                continue;
            grown.Add(count with { Count = count.Count - before });
            _previous[count] = count.Count;
        }
        return grown;
    }

    /// <summary>Compares counts by their dimensions, not their number.</summary>
    private sealed class DimensionsOnly : IEqualityComparer<QueryCount>
    {
        public static readonly DimensionsOnly Instance = new();

        public bool Equals(QueryCount? x, QueryCount? y) => ReferenceEquals(x, y) || (x is not null && y is not null && Equals(x.Zone, y.Zone)
            && x.QueryType == y.QueryType && x.Rcode == y.Rcode && x.Transport == y.Transport && x.IpVersion == y.IpVersion
            && x.ClientRegion == y.ClientRegion && x.Region == y.Region);

        public int GetHashCode(QueryCount count) =>
            HashCode.Combine(count.Zone, count.QueryType, count.Rcode, count.Transport, count.IpVersion, count.ClientRegion, count.Region);
    }
}
