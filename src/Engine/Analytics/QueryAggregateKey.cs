using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Engine.Analytics;

/// <summary>The dimensions of a <see cref="QueryAggregate"/> row, bucket included.</summary>
internal readonly record struct QueryAggregateKey(
    int Resolution, long BucketStart, string Zone, int QueryType, int Rcode, int Transport, int IpVersion, string NodeRegion, string ClientRegion);

/// <summary>The key of a <see cref="QueryTopName"/> row.</summary>
internal readonly record struct QueryTopNameKey(int Resolution, long BucketStart, string Zone, bool NxDomain, string Name);
