using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SecondaryPortal.Engine.Persistence.Configurations;

/// <summary>Table "SecondaryZoneStates": one row per secondary zone, keyed by the zone, removed with it.</summary>
internal sealed class SecondaryZoneStateConfiguration : IEntityTypeConfiguration<SecondaryZoneState>
{
    public void Configure(EntityTypeBuilder<SecondaryZoneState> builder)
    {
        builder.ToTable("SecondaryZoneStates");
        builder.HasKey(state => state.ZoneId);
        builder.Property(state => state.ZoneId).ValueGeneratedNever();
        // Stored as its name so the table reads well and a new status never renumbers old rows.
        builder.Property(state => state.Status).HasConversion<string>().IsRequired();
        builder.Property(state => state.AxfrRequest).HasDefaultValue(0L);
        builder.Property(state => state.Paused).HasDefaultValue(false);
        builder.HasOne<Zone>().WithOne().HasForeignKey<SecondaryZoneState>(state => state.ZoneId).OnDelete(DeleteBehavior.Cascade);
    }
}
