using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SecondaryPortal.Engine.Persistence.Configurations;

/// <summary>Table "ZonePrimaries": a secondary zone's primaries in order; removed with the zone; a key in use cannot be removed.</summary>
internal sealed class ZonePrimaryConfiguration : IEntityTypeConfiguration<ZonePrimary>
{
    public void Configure(EntityTypeBuilder<ZonePrimary> builder)
    {
        builder.ToTable("ZonePrimaries");
        builder.HasKey(primary => primary.Id);
        builder.Property(primary => primary.Address).IsRequired();
        builder.HasIndex(primary => new { primary.ZoneId, primary.Order }).IsUnique();
        builder.HasOne<Zone>().WithMany().HasForeignKey(primary => primary.ZoneId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StoredTsigKey>().WithMany().HasForeignKey(primary => primary.TsigKeyId).OnDelete(DeleteBehavior.Restrict);
    }
}
