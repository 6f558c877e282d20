using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SecondaryPortal.Engine.Persistence.Migrations;

/// <summary>
/// Version 4 of the store: what the web portal needs. Zones and TSIG keys get the account that owns them (null: made
/// from the command line, administrators only); zones can be drafts of the Add Site wizard (stored, transferred, never
/// served); secondary zones get an operator's pause and full-transfer request; the transfer history says which records a
/// transfer changed; and accounts can save primaries under a name (SavedPrimaries). Every new column has a default or is
/// nullable, so existing rows keep their meaning: a zone stays live, a key and zone stay the administrators'.
/// Written by hand like <see cref="InitialStore"/>.
/// </summary>
[DbContext(typeof(StoreDbContext))]
[Migration("20261204000000_PortalAccounts")]
public sealed class PortalAccounts : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "OwnerId", table: "Zones", type: "TEXT", maxLength: 64, nullable: true);
        migrationBuilder.AddColumn<bool>(name: "IsDraft", table: "Zones", type: "INTEGER", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<string>(name: "OwnerId", table: "TsigKeys", type: "TEXT", maxLength: 64, nullable: true);
        migrationBuilder.AddColumn<long>(name: "AxfrRequest", table: "SecondaryZoneStates", type: "INTEGER", nullable: false, defaultValue: 0L);
        migrationBuilder.AddColumn<bool>(name: "Paused", table: "SecondaryZoneStates", type: "INTEGER", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<int>(name: "Added", table: "TransferLog", type: "INTEGER", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<int>(name: "Removed", table: "TransferLog", type: "INTEGER", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<string>(name: "Changes", table: "TransferLog", type: "TEXT", nullable: true);

        migrationBuilder.CreateTable(
            name: "SavedPrimaries",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                OwnerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                Name = table.Column<string>(type: "TEXT", nullable: false),
                Address = table.Column<string>(type: "TEXT", nullable: false),
                Port = table.Column<int>(type: "INTEGER", nullable: false),
                TsigKeyId = table.Column<long>(type: "INTEGER", nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SavedPrimaries", x => x.Id);
                table.ForeignKey(name: "FK_SavedPrimaries_TsigKeys_TsigKeyId", column: x => x.TsigKeyId, principalTable: "TsigKeys", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_Zones_OwnerId", table: "Zones", column: "OwnerId");
        migrationBuilder.CreateIndex(name: "IX_TsigKeys_OwnerId", table: "TsigKeys", column: "OwnerId");
        migrationBuilder.CreateIndex(name: "IX_SavedPrimaries_OwnerId_Name", table: "SavedPrimaries", columns: ["OwnerId", "Name"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_SavedPrimaries_TsigKeyId", table: "SavedPrimaries", column: "TsigKeyId");
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "SavedPrimaries");
        migrationBuilder.DropIndex(name: "IX_TsigKeys_OwnerId", table: "TsigKeys");
        migrationBuilder.DropIndex(name: "IX_Zones_OwnerId", table: "Zones");
        migrationBuilder.DropColumn(name: "Changes", table: "TransferLog");
        migrationBuilder.DropColumn(name: "Removed", table: "TransferLog");
        migrationBuilder.DropColumn(name: "Added", table: "TransferLog");
        migrationBuilder.DropColumn(name: "Paused", table: "SecondaryZoneStates");
        migrationBuilder.DropColumn(name: "AxfrRequest", table: "SecondaryZoneStates");
        migrationBuilder.DropColumn(name: "OwnerId", table: "TsigKeys");
        migrationBuilder.DropColumn(name: "IsDraft", table: "Zones");
        migrationBuilder.DropColumn(name: "OwnerId", table: "Zones");
    }
}
