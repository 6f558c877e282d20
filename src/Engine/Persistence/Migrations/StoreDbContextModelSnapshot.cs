using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace SecondaryPortal.Engine.Persistence.Migrations;

/// <summary>
/// The model as the latest migration leaves it, written by hand in the form the EF tools generate. EF
/// compares it with the model built from the entity configurations before migrating and warns
/// (PendingModelChangesWarning, an error by default) when they differ: every change to an entity needs a
/// new migration here and the matching change below. Engine.Tests' migration tests check both.
/// </summary>
[DbContext(typeof(StoreDbContext))]
internal sealed class StoreDbContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.HasAnnotation("ProductVersion", "10.0.14");

        modelBuilder.Entity("SecondaryPortal.Engine.Persistence.StoreState", b =>
        {
            b.Property<int>("Id").HasColumnType("INTEGER");
            b.Property<long>("ChangeVersion").HasColumnType("INTEGER");
            b.HasKey("Id");
            b.ToTable("StoreState");
        });

        modelBuilder.Entity("SecondaryPortal.Engine.Persistence.Zone", b =>
        {
            b.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<DateTimeOffset>("CreatedAt").HasColumnType("TEXT");
            b.Property<string>("Kind").IsRequired().HasColumnType("TEXT");
            b.Property<string>("Origin").IsRequired().HasColumnType("TEXT");
            b.Property<int>("RecordCount").HasColumnType("INTEGER");
            b.Property<long>("Serial").HasColumnType("INTEGER");
            b.Property<DateTimeOffset>("UpdatedAt").HasColumnType("TEXT");
            b.Property<long>("Version").HasColumnType("INTEGER");
            b.HasKey("Id");
            b.HasIndex("Origin").IsUnique();
            b.ToTable("Zones");
        });

        modelBuilder.Entity("SecondaryPortal.Engine.Persistence.ZoneRecord", b =>
        {
            b.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<int>("Class").HasColumnType("INTEGER");
            b.Property<byte[]>("Data").IsRequired().HasColumnType("BLOB");
            b.Property<byte[]>("Owner").IsRequired().HasColumnType("BLOB");
            b.Property<long>("Ttl").HasColumnType("INTEGER");
            b.Property<int>("Type").HasColumnType("INTEGER");
            b.Property<long>("ZoneId").HasColumnType("INTEGER");
            b.HasKey("Id");
            b.HasIndex("ZoneId");
            b.ToTable("ZoneRecords");
        });

        // 20261122020000_PrimaryTransfers
        modelBuilder.Entity("SecondaryPortal.Engine.Persistence.ZoneTransferAclEntry", b =>
        {
            b.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<string>("Entry").IsRequired().HasColumnType("TEXT");
            b.Property<long>("ZoneId").HasColumnType("INTEGER");
            b.HasKey("Id");
            b.HasIndex("ZoneId", "Entry").IsUnique();
            b.ToTable("ZoneTransferAcl");
        });

        modelBuilder.Entity("SecondaryPortal.Engine.Persistence.ZoneNotifyTarget", b =>
        {
            b.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<string>("Address").IsRequired().HasColumnType("TEXT");
            b.Property<string>("KeyName").HasColumnType("TEXT");
            b.Property<int>("Port").HasColumnType("INTEGER");
            b.Property<long>("ZoneId").HasColumnType("INTEGER");
            b.HasKey("Id");
            b.HasIndex("ZoneId", "Address", "Port").IsUnique();
            b.ToTable("ZoneNotifyTargets");
        });

        modelBuilder.Entity("SecondaryPortal.Engine.Persistence.ZoneJournalEntry", b =>
        {
            b.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<DateTimeOffset>("CreatedAt").HasColumnType("TEXT");
            b.Property<byte[]>("Data").IsRequired().HasColumnType("BLOB");
            b.Property<long>("FromSerial").HasColumnType("INTEGER");
            b.Property<int>("Size").HasColumnType("INTEGER");
            b.Property<long>("ToSerial").HasColumnType("INTEGER");
            b.Property<long>("ZoneId").HasColumnType("INTEGER");
            b.HasKey("Id");
            b.HasIndex("ZoneId");
            b.ToTable("ZoneJournal");
        });

        modelBuilder.Entity("SecondaryPortal.Engine.Persistence.ZoneTransferAclEntry", b =>
        {
            b.HasOne("SecondaryPortal.Engine.Persistence.Zone", null)
                .WithMany()
                .HasForeignKey("ZoneId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();
        });

        modelBuilder.Entity("SecondaryPortal.Engine.Persistence.ZoneNotifyTarget", b =>
        {
            b.HasOne("SecondaryPortal.Engine.Persistence.Zone", null)
                .WithMany()
                .HasForeignKey("ZoneId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();
        });

        modelBuilder.Entity("SecondaryPortal.Engine.Persistence.ZoneJournalEntry", b =>
        {
            b.HasOne("SecondaryPortal.Engine.Persistence.Zone", null)
                .WithMany()
                .HasForeignKey("ZoneId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();
        });

        modelBuilder.Entity("SecondaryPortal.Engine.Persistence.ZoneRecord", b =>
        {
            b.HasOne("SecondaryPortal.Engine.Persistence.Zone", null)
                .WithMany()
                .HasForeignKey("ZoneId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();
        });
    }
}
