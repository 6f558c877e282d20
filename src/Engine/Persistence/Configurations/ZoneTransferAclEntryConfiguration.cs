using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SecondaryPortal.Engine.Persistence.Configurations;

/// <summary>Table "ZoneTransferAcl": the transfer access lists, one entry per row, unique per zone; gone with the zone.</summary>
internal sealed class ZoneTransferAclEntryConfiguration : IEntityTypeConfiguration<ZoneTransferAclEntry>
{
    public void Configure(EntityTypeBuilder<ZoneTransferAclEntry> builder)
    {
        builder.ToTable("ZoneTransferAcl");
        builder.HasKey(entry => entry.Id);
        builder.Property(entry => entry.Entry).IsRequired();
        builder.HasIndex(entry => new { entry.ZoneId, entry.Entry }).IsUnique();
        builder.HasOne<Zone>().WithMany().HasForeignKey(entry => entry.ZoneId).OnDelete(DeleteBehavior.Cascade);
    }
}
