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
    }
}
