using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrivacyDesk.Migrations.SqlServer.Migrations
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
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QueryTexts",
                table: "RequestCollectionExtracts",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SourceSystemId",
                table: "RequestCollectionExtracts",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TableRowCounts",
                table: "RequestCollectionExtracts",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SourceSystems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    NormalizedName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Owner = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Connector = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ConnectionReference = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ProtectedConnectionString = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    FetchAutomatically = table.Column<bool>(type: "bit", nullable: false),
                    RowCapPerTable = table.Column<int>(type: "int", nullable: false),
                    StatementTimeoutSeconds = table.Column<int>(type: "int", nullable: false),
                    Map = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    MapVersion = table.Column<int>(type: "int", nullable: false),
                    MapSavedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    MapSavedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    RetiredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
