using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SecondaryPortal.Engine.Persistence;

namespace SecondaryPortal.Engine.Persistence.Configurations;

/// <summary>Table "QueryTopNames": keyed by resolution, bucket, zone, kind and name.</summary>
internal sealed class QueryTopNameConfiguration : IEntityTypeConfiguration<QueryTopName>
{
    public void Configure(EntityTypeBuilder<QueryTopName> builder)
    {
        builder.ToTable("QueryTopNames");
        builder.HasKey(row => new { row.Resolution, row.BucketStart, row.Zone, row.NxDomain, row.Name });
        builder.HasIndex(row => new { row.Zone, row.Resolution, row.BucketStart });
    }
}
