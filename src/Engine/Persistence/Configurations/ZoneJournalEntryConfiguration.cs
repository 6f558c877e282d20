using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SecondaryPortal.Engine.Persistence.Configurations;

/// <summary>Table "ZoneJournal": the IXFR journal of the authoritative zones, read by zone in key order; gone with the zone.</summary>
internal sealed class ZoneJournalEntryConfiguration : IEntityTypeConfiguration<ZoneJournalEntry>
{
    public void Configure(EntityTypeBuilder<ZoneJournalEntry> builder)
    {
        builder.ToTable("ZoneJournal");
        builder.HasKey(entry => entry.Id);
        builder.Property(entry => entry.Data).IsRequired();
        builder.HasIndex(entry => entry.ZoneId);
        builder.HasOne<Zone>().WithMany().HasForeignKey(entry => entry.ZoneId).OnDelete(DeleteBehavior.Cascade);
    }
}
