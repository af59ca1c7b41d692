using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrivacyDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FetchedExtracts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MapVersion",
                table: "RequestCollectionExtracts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QueryTexts",
                table: "RequestCollectionExtracts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SourceSystemId",
                table: "RequestCollectionExtracts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TableRowCounts",
                table: "RequestCollectionExtracts",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MapVersion",
                table: "RequestCollectionExtracts");

            migrationBuilder.DropColumn(
                name: "QueryTexts",
                table: "RequestCollectionExtracts");

            migrationBuilder.DropColumn(
                name: "SourceSystemId",
                table: "RequestCollectionExtracts");

            migrationBuilder.DropColumn(
                name: "TableRowCounts",
                table: "RequestCollectionExtracts");
        }
    }
}
