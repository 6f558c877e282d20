using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SecondaryPortal.Engine.Persistence.Configurations;

/// <summary>Table "ZoneNotifyTargets": the secondaries notified of a zone's changes, unique by address and port; gone with the zone.</summary>
internal sealed class ZoneNotifyTargetConfiguration : IEntityTypeConfiguration<ZoneNotifyTarget>
{
    public void Configure(EntityTypeBuilder<ZoneNotifyTarget> builder)
    {
        builder.ToTable("ZoneNotifyTargets");
        builder.HasKey(target => target.Id);
        builder.Property(target => target.Address).IsRequired();
        builder.HasIndex(target => new { target.ZoneId, target.Address, target.Port }).IsUnique();
        builder.HasOne<Zone>().WithMany().HasForeignKey(target => target.ZoneId).OnDelete(DeleteBehavior.Cascade);
    }
}
