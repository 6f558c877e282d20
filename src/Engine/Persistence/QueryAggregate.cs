namespace SecondaryPortal.Engine.Persistence;

/// <summary>
/// Table "QueryAggregates": how many queries one combination of dimensions had in one minute or one hour. The key is
/// every column but <see cref="Count"/>; writers add to a row (upsert), never replace it.
/// </summary>
public sealed class QueryAggregate
{
    /// <summary>60 for a minute row, 3600 for an hour row.</summary>
    public int Resolution { get; set; }

    /// <summary>The bucket's start in Unix seconds, a multiple of <see cref="Resolution"/>.</summary>
    public long BucketStart { get; set; }

    /// <summary>The zone ("example.com."), the empty string for queries outside every zone (the keys are made by the analytics' <c>AnalyticsKeys</c>).</summary>
    public required string Zone { get; set; }

    /// <summary>QTYPE, or the key of "other types" for a type not counted on its own.</summary>
    public int QueryType { get; set; }

    /// <summary>RCODE, or the key of "other rcodes" for one not counted on its own.</summary>
    public int Rcode { get; set; }

    /// <summary>The transport's number (<see cref="Dns.Server.DnsTransport"/>).</summary>
    public int Transport { get; set; }

    /// <summary>4 or 6.</summary>
    public int IpVersion { get; set; }

    /// <summary>The answering node's region.</summary>
    public required string NodeRegion { get; set; }

    /// <summary>The client's region ("other" when unmatched).</summary>
    public required string ClientRegion { get; set; }

    /// <summary>How many queries.</summary>
    public long Count { get; set; }
}
