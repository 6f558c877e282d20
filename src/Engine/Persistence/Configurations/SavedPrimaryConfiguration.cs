using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SecondaryPortal.Engine.Persistence.Configurations;

/// <summary>Table "SavedPrimaries": named primaries per account, the name unique per owner; a key in use cannot be removed.</summary>
internal sealed class SavedPrimaryConfiguration : IEntityTypeConfiguration<SavedPrimary>
{
    public void Configure(EntityTypeBuilder<SavedPrimary> builder)
    {
        builder.ToTable("SavedPrimaries");
        builder.HasKey(primary => primary.Id);
        builder.Property(primary => primary.OwnerId).HasMaxLength(64);
        builder.Property(primary => primary.Name).IsRequired();
        builder.Property(primary => primary.Address).IsRequired();
        // SQLite treats NULL owners as distinct: the store checks the administrators' names itself.
        builder.HasIndex(primary => new { primary.OwnerId, primary.Name }).IsUnique();
        builder.HasOne<StoredTsigKey>().WithMany().HasForeignKey(primary => primary.TsigKeyId).OnDelete(DeleteBehavior.Restrict);
    }
}
