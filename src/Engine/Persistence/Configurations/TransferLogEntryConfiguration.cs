using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SecondaryPortal.Engine.Persistence.Configurations;

/// <summary>Table "TransferLog": a zone's transfer history, read newest first by zone, removed with the zone.</summary>
internal sealed class TransferLogEntryConfiguration : IEntityTypeConfiguration<TransferLogEntry>
{
    public void Configure(EntityTypeBuilder<TransferLogEntry> builder)
    {
        builder.ToTable("TransferLog");
        builder.HasKey(entry => entry.Id);
        builder.Property(entry => entry.Primary).IsRequired();
        builder.Property(entry => entry.Kind).HasConversion<string>().IsRequired();
        builder.HasIndex(entry => entry.ZoneId);
        builder.Property(entry => entry.Added).HasDefaultValue(0);
        builder.Property(entry => entry.Removed).HasDefaultValue(0);
        builder.HasOne<Zone>().WithMany().HasForeignKey(entry => entry.ZoneId).OnDelete(DeleteBehavior.Cascade);
    }
}
