using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SecondaryPortal.Engine.Persistence.Migrations;

/// <summary>
/// Version 1 of the store: zones, their records in wire form, and the change counter. Written by hand
/// (the EF design-time tools are not available here); <see cref="StoreDbContextModelSnapshot"/> describes
/// the model after it, and a test checks that the two agree with the entity configurations.
/// </summary>
[DbContext(typeof(StoreDbContext))]
[Migration("20261122000000_InitialStore")]
public sealed class InitialStore : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "StoreState",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false),
                ChangeVersion = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_StoreState", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Zones",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Origin = table.Column<string>(type: "TEXT", nullable: false),
                Kind = table.Column<string>(type: "TEXT", nullable: false),
                Serial = table.Column<long>(type: "INTEGER", nullable: false),
                RecordCount = table.Column<int>(type: "INTEGER", nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                Version = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Zones", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ZoneRecords",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                ZoneId = table.Column<long>(type: "INTEGER", nullable: false),
                Owner = table.Column<byte[]>(type: "BLOB", nullable: false),
                Type = table.Column<int>(type: "INTEGER", nullable: false),
                Class = table.Column<int>(type: "INTEGER", nullable: false),
                Ttl = table.Column<long>(type: "INTEGER", nullable: false),
                Data = table.Column<byte[]>(type: "BLOB", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ZoneRecords", x => x.Id);
                table.ForeignKey(
                    name: "FK_ZoneRecords_Zones_ZoneId",
                    column: x => x.ZoneId,
                    principalTable: "Zones",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_Zones_Origin", table: "Zones", column: "Origin", unique: true);
        migrationBuilder.CreateIndex(name: "IX_ZoneRecords_ZoneId", table: "ZoneRecords", column: "ZoneId");
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ZoneRecords");
        migrationBuilder.DropTable(name: "StoreState");
        migrationBuilder.DropTable(name: "Zones");
    }
}
