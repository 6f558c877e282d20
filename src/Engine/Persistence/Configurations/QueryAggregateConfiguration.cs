using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondaryPortal.Engine.Analytics;
using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Engine.Persistence.Configurations;

/// <summary>
/// Table "QueryAggregates": keyed by every dimension, resolution and bucket first so a time range is one contiguous
/// stretch of the key, the zone last so a report's grouping follows the key (see the QueryAnalytics migration); a second
/// index serves the reports of a few zones over a long range.
/// </summary>
internal sealed class QueryAggregateConfiguration : IEntityTypeConfiguration<QueryAggregate>
{
    public void Configure(EntityTypeBuilder<QueryAggregate> builder)
    {
        builder.ToTable("QueryAggregates");
        builder.HasKey(row => new { row.Resolution, row.BucketStart, row.QueryType, row.Rcode, row.Transport, row.IpVersion, row.NodeRegion, row.ClientRegion, row.Zone });
        builder.HasIndex(row => new { row.Zone, row.Resolution, row.BucketStart });
    }
}
