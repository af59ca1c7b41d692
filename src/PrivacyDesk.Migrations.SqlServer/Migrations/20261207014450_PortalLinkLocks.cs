using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrivacyDesk.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PortalLinkLocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LockedAt",
                table: "ResponseDeliveries",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WrongCodes",
                table: "ResponseDeliveries",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LockedAt",
                table: "PortalStatusLinks",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WrongCodes",
                table: "PortalStatusLinks",
                type: "int",
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
