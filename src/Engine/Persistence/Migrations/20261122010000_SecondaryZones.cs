using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SecondaryPortal.Engine.Persistence.Migrations;

/// <summary>
/// Version 2 of the store: secondary zones. TSIG keys (secrets protected by Data Protection), each zone's
/// primaries in order, its refresh state and its transfer history; the settings counter the transfer engine
/// polls; and an index that finds a zone's records by owner, so an IXFR deletes rows without reading the zone.
/// Written by hand like <see cref="InitialStore"/>.
/// </summary>
[DbContext(typeof(StoreDbContext))]
[Migration("20261122010000_SecondaryZones")]
public sealed class SecondaryZones : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>(name: "ConfigVersion", table: "StoreState", type: "INTEGER", nullable: false, defaultValue: 0L);

        migrationBuilder.CreateTable(
            name: "TsigKeys",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Name = table.Column<string>(type: "TEXT", nullable: false),
                Algorithm = table.Column<string>(type: "TEXT", nullable: false),
                ProtectedSecret = table.Column<string>(type: "TEXT", nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_TsigKeys", x => x.Id));

        migrationBuilder.CreateTable(
            name: "SecondaryZoneStates",
            columns: table => new
            {
                ZoneId = table.Column<long>(type: "INTEGER", nullable: false),
                Status = table.Column<string>(type: "TEXT", nullable: false),
                ServedSerial = table.Column<long>(type: "INTEGER", nullable: true),
                SoaRefresh = table.Column<long>(type: "INTEGER", nullable: true),
                SoaRetry = table.Column<long>(type: "INTEGER", nullable: true),
                SoaExpire = table.Column<long>(type: "INTEGER", nullable: true),
                LastCheckAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                LastSuccessAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                LastTransferAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                NextRefreshAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                ExpiresAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                LastError = table.Column<string>(type: "TEXT", nullable: true),
                RefreshRequest = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SecondaryZoneStates", x => x.ZoneId);
                table.ForeignKey(name: "FK_SecondaryZoneStates_Zones_ZoneId", column: x => x.ZoneId, principalTable: "Zones", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "TransferLog",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                ZoneId = table.Column<long>(type: "INTEGER", nullable: false),
                At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                Primary = table.Column<string>(type: "TEXT", nullable: false),
                Kind = table.Column<string>(type: "TEXT", nullable: false),
                Serial = table.Column<long>(type: "INTEGER", nullable: true),
                Records = table.Column<long>(type: "INTEGER", nullable: false),
                Bytes = table.Column<long>(type: "INTEGER", nullable: false),
                DurationMs = table.Column<long>(type: "INTEGER", nullable: false),
                Error = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TransferLog", x => x.Id);
                table.ForeignKey(name: "FK_TransferLog_Zones_ZoneId", column: x => x.ZoneId, principalTable: "Zones", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ZonePrimaries",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                ZoneId = table.Column<long>(type: "INTEGER", nullable: false),
                Order = table.Column<int>(type: "INTEGER", nullable: false),
                Address = table.Column<string>(type: "TEXT", nullable: false),
                Port = table.Column<int>(type: "INTEGER", nullable: false),
                TsigKeyId = table.Column<long>(type: "INTEGER", nullable: true),
                LastSeenSerial = table.Column<long>(type: "INTEGER", nullable: true),
                LastSeenAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ZonePrimaries", x => x.Id);
                table.ForeignKey(name: "FK_ZonePrimaries_TsigKeys_TsigKeyId", column: x => x.TsigKeyId, principalTable: "TsigKeys", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_ZonePrimaries_Zones_ZoneId", column: x => x.ZoneId, principalTable: "Zones", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_ZoneRecords_ZoneId_Owner", table: "ZoneRecords", columns: ["ZoneId", "Owner"]);
        migrationBuilder.CreateIndex(name: "IX_TsigKeys_Name", table: "TsigKeys", column: "Name", unique: true);
        migrationBuilder.CreateIndex(name: "IX_TransferLog_ZoneId", table: "TransferLog", column: "ZoneId");
        migrationBuilder.CreateIndex(name: "IX_ZonePrimaries_TsigKeyId", table: "ZonePrimaries", column: "TsigKeyId");
        migrationBuilder.CreateIndex(name: "IX_ZonePrimaries_ZoneId_Order", table: "ZonePrimaries", columns: ["ZoneId", "Order"], unique: true);
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ZonePrimaries");
        migrationBuilder.DropTable(name: "TransferLog");
        migrationBuilder.DropTable(name: "SecondaryZoneStates");
        migrationBuilder.DropTable(name: "TsigKeys");
        migrationBuilder.DropIndex(name: "IX_ZoneRecords_ZoneId_Owner", table: "ZoneRecords");
        migrationBuilder.DropColumn(name: "ConfigVersion", table: "StoreState");
    }
}
