using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SecondaryPortal.Engine.Persistence.Configurations;

/// <summary>Table "StoreState": one row, its key chosen by the code (never generated).</summary>
internal sealed class StoreStateConfiguration : IEntityTypeConfiguration<StoreState>
{
    public void Configure(EntityTypeBuilder<StoreState> builder)
    {
        builder.ToTable("StoreState");
        builder.HasKey(state => state.Id);
        builder.Property(state => state.Id).ValueGeneratedNever();
        // A default, so the column could be added to existing rows (SQLite adds NOT NULL columns only with one).
        builder.Property(state => state.ConfigVersion).HasDefaultValue(0L);
    }
}
