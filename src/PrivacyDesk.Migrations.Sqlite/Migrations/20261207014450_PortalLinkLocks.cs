using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrivacyDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PortalLinkLocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LockedAt",
                table: "ResponseDeliveries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WrongCodes",
                table: "ResponseDeliveries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "LockedAt",
                table: "PortalStatusLinks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WrongCodes",
                table: "PortalStatusLinks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LockedAt",
                table: "ResponseDeliveries");

            migrationBuilder.DropColumn(
                name: "WrongCodes",
                table: "ResponseDeliveries");

            migrationBuilder.DropColumn(
                name: "LockedAt",
                table: "PortalStatusLinks");

            migrationBuilder.DropColumn(
                name: "WrongCodes",
                table: "PortalStatusLinks");
        }
    }
}
