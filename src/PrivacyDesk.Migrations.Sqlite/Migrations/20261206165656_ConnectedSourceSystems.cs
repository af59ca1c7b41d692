using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrivacyDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConnectedSourceSystems : Migration
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

            migrationBuilder.CreateTable(
                name: "SourceSystems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Connector = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ConnectionReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProtectedConnectionString = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    FetchAutomatically = table.Column<bool>(type: "INTEGER", nullable: false),
                    RowCapPerTable = table.Column<int>(type: "INTEGER", nullable: false),
                    StatementTimeoutSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    Map = table.Column<string>(type: "TEXT", nullable: false),
                    MapVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    MapSavedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MapSavedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RetiredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceSystems", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SourceSystems_NormalizedName",
                table: "SourceSystems",
                column: "NormalizedName",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SourceSystems");

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
