using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SecondaryPortal.Engine.Persistence.Configurations;

/// <summary>Table "ZoneRecords": a zone's records in wire form, read back in key order by zone, found by owner for incremental updates.</summary>
internal sealed class ZoneRecordConfiguration : IEntityTypeConfiguration<ZoneRecord>
{
    public void Configure(EntityTypeBuilder<ZoneRecord> builder)
    {
        builder.ToTable("ZoneRecords");
        builder.HasKey(record => record.Id);
        builder.Property(record => record.Owner).IsRequired();
        builder.Property(record => record.Data).IsRequired();
        builder.HasIndex(record => record.ZoneId);
        // Finds the rows an IXFR deletes by owner without reading the zone (the owner's octets as stored; see ZoneRecordRows.Delete).
        builder.HasIndex(record => new { record.ZoneId, record.Owner });
    }
}
