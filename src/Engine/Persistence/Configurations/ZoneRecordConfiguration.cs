using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SecondaryPortal.Engine.Persistence.Configurations;

/// <summary>Table "ZoneRecords": a zone's records in wire form, read back in key order by zone.</summary>
internal sealed class ZoneRecordConfiguration : IEntityTypeConfiguration<ZoneRecord>
{
    public void Configure(EntityTypeBuilder<ZoneRecord> builder)
    {
        builder.ToTable("ZoneRecords");
        builder.HasKey(record => record.Id);
        builder.Property(record => record.Owner).IsRequired();
        builder.Property(record => record.Data).IsRequired();
        builder.HasIndex(record => record.ZoneId);
    }
}
