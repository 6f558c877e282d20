using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SecondaryPortal.Engine.Persistence.Configurations;

/// <summary>Table "TsigKeys": one row per key, the name unique.</summary>
internal sealed class StoredTsigKeyConfiguration : IEntityTypeConfiguration<StoredTsigKey>
{
    public void Configure(EntityTypeBuilder<StoredTsigKey> builder)
    {
        builder.ToTable("TsigKeys");
        builder.HasKey(key => key.Id);
        builder.Property(key => key.Name).IsRequired();
        builder.Property(key => key.Algorithm).IsRequired();
        builder.Property(key => key.ProtectedSecret).IsRequired();
        builder.HasIndex(key => key.Name).IsUnique();
        builder.Property(key => key.OwnerId).HasMaxLength(64);
        builder.HasIndex(key => key.OwnerId);
    }
}
