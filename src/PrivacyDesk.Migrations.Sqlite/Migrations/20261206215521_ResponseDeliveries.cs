using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrivacyDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ResponseDeliveries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AnswerDelivery",
                table: "Requests",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ResponseDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DocumentIds = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EmailId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FirstDownloadedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastDownloadedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DownloadCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtendedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponseDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResponseDeliveries_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ResponseDeliveries_FirstDownloadedAt_RequestId",
                table: "ResponseDeliveries",
                columns: new[] { "FirstDownloadedAt", "RequestId" });

            migrationBuilder.CreateIndex(
                name: "IX_ResponseDeliveries_RequestId",
                table: "ResponseDeliveries",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResponseDeliveries_TokenHash",
                table: "ResponseDeliveries",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ResponseDeliveries");

            migrationBuilder.DropColumn(
                name: "AnswerDelivery",
                table: "Requests");
        }
    }
}
