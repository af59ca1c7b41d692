using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrivacyDesk.Migrations.SqlServer.Migrations
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
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ResponseDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TokenHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Method = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DocumentIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EmailId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    FirstDownloadedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastDownloadedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DownloadCount = table.Column<int>(type: "int", nullable: false),
                    ExtendedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
