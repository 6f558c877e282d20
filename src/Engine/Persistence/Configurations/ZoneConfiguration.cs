using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SecondaryPortal.Engine.Persistence.Configurations;

/// <summary>Table "Zones": one row per zone, the origin unique.</summary>
internal sealed class ZoneConfiguration : IEntityTypeConfiguration<Zone>
{
    public void Configure(EntityTypeBuilder<Zone> builder)
    {
        builder.ToTable("Zones");
        builder.HasKey(zone => zone.Id);
        builder.Property(zone => zone.Origin).IsRequired();
        builder.HasIndex(zone => zone.Origin).IsUnique();
        builder.Property(zone => zone.OwnerId).HasMaxLength(64);
        builder.HasIndex(zone => zone.OwnerId);
        // A default, so the column could be added to existing rows (SQLite adds NOT NULL columns only with one).
        builder.Property(zone => zone.IsDraft).HasDefaultValue(false);
        // Stored as its name so the table reads well and a new kind never renumbers old rows.
        builder.Property(zone => zone.Kind).HasConversion<string>().IsRequired();
        builder.HasMany<ZoneRecord>().WithOne().HasForeignKey(record => record.ZoneId).OnDelete(DeleteBehavior.Cascade);
    }
}
