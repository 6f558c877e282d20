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
            b.Property<long>("ConfigVersion").ValueGeneratedOnAdd().HasColumnType("INTEGER").HasDefaultValue(0L);
            b.HasKey("Id");
            b.ToTable("StoreState");
        });

        modelBuilder.Entity("SecondaryPortal.Engine.Persistence.Zone", b =>
        {
            b.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<DateTimeOffset>("CreatedAt").HasColumnType("TEXT");
            b.Property<bool>("IsDraft").ValueGeneratedOnAdd().HasColumnType("INTEGER").HasDefaultValue(false);
            b.Property<string>("Kind").IsRequired().HasColumnType("TEXT");
            b.Property<string>("Origin").IsRequired().HasColumnType("TEXT");
            b.Property<string>("OwnerId").HasMaxLength(64).HasColumnType("TEXT");
            b.Property<int>("RecordCount").HasColumnType("INTEGER");
            b.Property<long>("Serial").HasColumnType("INTEGER");
            b.Property<DateTimeOffset>("UpdatedAt").HasColumnType("TEXT");
            b.Property<long>("Version").HasColumnType("INTEGER");
            b.HasKey("Id");
            b.HasIndex("Origin").IsUnique();
            b.HasIndex("OwnerId");
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
            b.HasIndex("ZoneId", "Owner");
            b.ToTable("ZoneRecords");
        });

        modelBuilder.Entity("SecondaryPortal.Engine.Persistence.StoredTsigKey", b =>
        {
            b.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<string>("Algorithm").IsRequired().HasColumnType("TEXT");
            b.Property<DateTimeOffset>("CreatedAt").HasColumnType("TEXT");
            b.Property<string>("Name").IsRequired().HasColumnType("TEXT");
            b.Property<string>("OwnerId").HasMaxLength(64).HasColumnType("TEXT");
            b.Property<string>("ProtectedSecret").IsRequired().HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("Name").IsUnique();
            b.HasIndex("OwnerId");
            b.ToTable("TsigKeys");
        });

        modelBuilder.Entity("SecondaryPortal.Engine.Persistence.SecondaryZoneState", b =>
        {
            b.Property<long>("ZoneId").HasColumnType("INTEGER");
            b.Property<long>("AxfrRequest").ValueGeneratedOnAdd().HasColumnType("INTEGER").HasDefaultValue(0L);
            b.Property<DateTimeOffset?>("ExpiresAt").HasColumnType("TEXT");
            b.Property<DateTimeOffset?>("LastCheckAt").HasColumnType("TEXT");
            b.Property<string>("LastError").HasColumnType("TEXT");
            b.Property<DateTimeOffset?>("LastSuccessAt").HasColumnType("TEXT");
            b.Property<DateTimeOffset?>("LastTransferAt").HasColumnType("TEXT");
            b.Property<DateTimeOffset?>("NextRefreshAt").HasColumnType("TEXT");
            b.Property<bool>("Paused").ValueGeneratedOnAdd().HasColumnType("INTEGER").HasDefaultValue(false);
            b.Property<long>("RefreshRequest").HasColumnType("INTEGER");
            b.Property<long?>("ServedSerial").HasColumnType("INTEGER");
            b.Property<long?>("SoaExpire").HasColumnType("INTEGER");
            b.Property<long?>("SoaRefresh").HasColumnType("INTEGER");
            b.Property<long?>("SoaRetry").HasColumnType("INTEGER");
            b.Property<string>("Status").IsRequired().HasColumnType("TEXT");
            b.HasKey("ZoneId");
            b.ToTable("SecondaryZoneStates");
        });

        modelBuilder.Entity("SecondaryPortal.Engine.Persistence.TransferLogEntry", b =>
        {
            b.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<int>("Added").ValueGeneratedOnAdd().HasColumnType("INTEGER").HasDefaultValue(0);
            b.Property<DateTimeOffset>("At").HasColumnType("TEXT");
            b.Property<long>("Bytes").HasColumnType("INTEGER");
            b.Property<string>("Changes").HasColumnType("TEXT");
            b.Property<long>("DurationMs").HasColumnType("INTEGER");
            b.Property<string>("Error").HasColumnType("TEXT");
            b.Property<string>("Kind").IsRequired().HasColumnType("TEXT");
            b.Property<string>("Primary").IsRequired().HasColumnType("TEXT");
            b.Property<long>("Records").HasColumnType("INTEGER");
            b.Property<int>("Removed").ValueGeneratedOnAdd().HasColumnType("INTEGER").HasDefaultValue(0);
            b.Property<long?>("Serial").HasColumnType("INTEGER");
            b.Property<long>("ZoneId").HasColumnType("INTEGER");
            b.HasKey("Id");
            b.HasIndex("ZoneId");
            b.ToTable("TransferLog");
        });

        modelBuilder.Entity("SecondaryPortal.Engine.Persistence.ZonePrimary", b =>
        {
            b.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<string>("Address").IsRequired().HasColumnType("TEXT");
            b.Property<DateTimeOffset?>("LastSeenAt").HasColumnType("TEXT");
            b.Property<long?>("LastSeenSerial").HasColumnType("INTEGER");
            b.Property<int>("Order").HasColumnType("INTEGER");
            b.Property<int>("Port").HasColumnType("INTEGER");
            b.Property<long?>("TsigKeyId").HasColumnType("INTEGER");
            b.Property<long>("ZoneId").HasColumnType("INTEGER");
            b.HasKey("Id");
            b.HasIndex("TsigKeyId");
            b.HasIndex("ZoneId", "Order").IsUnique();
            b.ToTable("ZonePrimaries");
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

        // 20261204000000_PortalAccounts
        modelBuilder.Entity("SecondaryPortal.Engine.Persistence.SavedPrimary", b =>
        {
            b.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<string>("Address").IsRequired().HasColumnType("TEXT");
            b.Property<DateTimeOffset>("CreatedAt").HasColumnType("TEXT");
            b.Property<string>("Name").IsRequired().HasColumnType("TEXT");
            b.Property<string>("OwnerId").HasMaxLength(64).HasColumnType("TEXT");
            b.Property<int>("Port").HasColumnType("INTEGER");
            b.Property<long?>("TsigKeyId").HasColumnType("INTEGER");
            b.HasKey("Id");
            b.HasIndex("TsigKeyId");
            b.HasIndex("OwnerId", "Name").IsUnique();
            b.ToTable("SavedPrimaries");
        });

        // 20261204100000_QueryAnalytics
        modelBuilder.Entity("SecondaryPortal.Engine.Analytics.QueryAggregate", b =>
        {
            b.Property<int>("Resolution").HasColumnType("INTEGER");
            b.Property<long>("BucketStart").HasColumnType("INTEGER");
            b.Property<string>("Zone").HasColumnType("TEXT");
            b.Property<int>("QueryType").HasColumnType("INTEGER");
            b.Property<int>("Rcode").HasColumnType("INTEGER");
            b.Property<int>("Transport").HasColumnType("INTEGER");
            b.Property<int>("IpVersion").HasColumnType("INTEGER");
            b.Property<string>("NodeRegion").HasColumnType("TEXT");
            b.Property<string>("ClientRegion").HasColumnType("TEXT");
            b.Property<long>("Count").HasColumnType("INTEGER");
            b.HasKey("Resolution", "BucketStart", "QueryType", "Rcode", "Transport", "IpVersion", "NodeRegion", "ClientRegion", "Zone");
            b.HasIndex("Zone", "Resolution", "BucketStart");
            b.ToTable("QueryAggregates");
        });

        modelBuilder.Entity("SecondaryPortal.Engine.Analytics.QueryTopName", b =>
        {
            b.Property<int>("Resolution").HasColumnType("INTEGER");
            b.Property<long>("BucketStart").HasColumnType("INTEGER");
            b.Property<string>("Zone").HasColumnType("TEXT");
            b.Property<bool>("NxDomain").HasColumnType("INTEGER");
            b.Property<string>("Name").HasColumnType("TEXT");
            b.Property<long>("Count").HasColumnType("INTEGER");
            b.HasKey("Resolution", "BucketStart", "Zone", "NxDomain", "Name");
            b.HasIndex("Zone", "Resolution", "BucketStart");
            b.ToTable("QueryTopNames");
        });

        modelBuilder.Entity("SecondaryPortal.Engine.Persistence.SavedPrimary", b =>
        {
            b.HasOne("SecondaryPortal.Engine.Persistence.StoredTsigKey", null)
                .WithMany()
                .HasForeignKey("TsigKeyId")
                .OnDelete(DeleteBehavior.Restrict);
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

        modelBuilder.Entity("SecondaryPortal.Engine.Persistence.SecondaryZoneState", b =>
        {
            b.HasOne("SecondaryPortal.Engine.Persistence.Zone", null)
                .WithOne()
                .HasForeignKey("SecondaryPortal.Engine.Persistence.SecondaryZoneState", "ZoneId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();
        });

        modelBuilder.Entity("SecondaryPortal.Engine.Persistence.TransferLogEntry", b =>
        {
            b.HasOne("SecondaryPortal.Engine.Persistence.Zone", null)
                .WithMany()
                .HasForeignKey("ZoneId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();
        });

        modelBuilder.Entity("SecondaryPortal.Engine.Persistence.ZonePrimary", b =>
        {
            b.HasOne("SecondaryPortal.Engine.Persistence.StoredTsigKey", null)
                .WithMany()
                .HasForeignKey("TsigKeyId")
                .OnDelete(DeleteBehavior.Restrict);

            b.HasOne("SecondaryPortal.Engine.Persistence.Zone", null)
                .WithMany()
                .HasForeignKey("ZoneId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();
        });
    }
}
