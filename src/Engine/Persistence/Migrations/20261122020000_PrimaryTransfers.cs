using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SecondaryPortal.Engine.Persistence.Migrations;

/// <summary>
/// The primary's side of zone transfers (issue 4): per authoritative zone, its transfer access list, the
/// secondaries it notifies, and the IXFR journal of its changes. Written by hand like the others; it touches
/// no table of an earlier migration, so it applies whichever migrations of the same day come before it.
/// </summary>
[DbContext(typeof(StoreDbContext))]
[Migration("20261122020000_PrimaryTransfers")]
public sealed class PrimaryTransfers : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ZoneTransferAcl",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                ZoneId = table.Column<long>(type: "INTEGER", nullable: false),
                Entry = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ZoneTransferAcl", x => x.Id);
                table.ForeignKey("FK_ZoneTransferAcl_Zones_ZoneId", x => x.ZoneId, "Zones", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ZoneNotifyTargets",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                ZoneId = table.Column<long>(type: "INTEGER", nullable: false),
                Address = table.Column<string>(type: "TEXT", nullable: false),
                Port = table.Column<int>(type: "INTEGER", nullable: false),
                KeyName = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ZoneNotifyTargets", x => x.Id);
                table.ForeignKey("FK_ZoneNotifyTargets_Zones_ZoneId", x => x.ZoneId, "Zones", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ZoneJournal",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                ZoneId = table.Column<long>(type: "INTEGER", nullable: false),
                FromSerial = table.Column<long>(type: "INTEGER", nullable: false),
                ToSerial = table.Column<long>(type: "INTEGER", nullable: false),
                Data = table.Column<byte[]>(type: "BLOB", nullable: false),
                Size = table.Column<int>(type: "INTEGER", nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ZoneJournal", x => x.Id);
                table.ForeignKey("FK_ZoneJournal_Zones_ZoneId", x => x.ZoneId, "Zones", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_ZoneTransferAcl_ZoneId_Entry", table: "ZoneTransferAcl", columns: ["ZoneId", "Entry"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_ZoneNotifyTargets_ZoneId_Address_Port", table: "ZoneNotifyTargets", columns: ["ZoneId", "Address", "Port"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_ZoneJournal_ZoneId", table: "ZoneJournal", column: "ZoneId");
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ZoneJournal");
        migrationBuilder.DropTable(name: "ZoneNotifyTargets");
        migrationBuilder.DropTable(name: "ZoneTransferAcl");
    }
}
