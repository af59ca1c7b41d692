using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrivacyDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DashboardAndIntakeApi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastActivityAt",
                table: "Requests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 8, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedById = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RevokedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ApiKeyRequests",
                columns: table => new
                {
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApiKeyId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeyRequests", x => x.RequestId);
                    table.ForeignKey(
                        name: "FK_ApiKeyRequests_ApiKeys_ApiKeyId",
                        column: x => x.ApiKeyId,
                        principalTable: "ApiKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ApiKeyRequests_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApiKeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    BodyHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponseBody = table.Column<string>(type: "TEXT", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdempotencyRecords_ApiKeys_ApiKeyId",
                        column: x => x.ApiKeyId,
                        principalTable: "ApiKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Closed_ClosedOn",
                table: "Requests",
                columns: new[] { "ClosedOn", "Status", "Type", "HandlerId", "ReceivedOn", "EffectiveDueOn", "DueOn" },
                filter: "ClosedOn IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Closed_HandlerId",
                table: "Requests",
                columns: new[] { "HandlerId", "Status", "ClosedOn", "EffectiveDueOn", "DueOn", "ReceivedOn", "Type" },
                filter: "ClosedOn IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_HandlerId_ReceivedOn",
                table: "Requests",
                columns: new[] { "HandlerId", "ReceivedOn", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Open_HandlerId",
                table: "Requests",
                columns: new[] { "HandlerId", "EffectiveDueOn", "HandlerName", "Type", "Status" },
                filter: "Status IN ('Received', 'AwaitingIdentity', 'InProgress', 'AwaitingApproval')");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Open_Type",
                table: "Requests",
                columns: new[] { "Type", "Status", "EffectiveDueOn", "DueOn", "ReceivedOn" },
                filter: "Status IN ('Received', 'AwaitingIdentity', 'InProgress', 'AwaitingApproval')");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_ReceivedOn_Type_HandlerId",
                table: "Requests",
                columns: new[] { "ReceivedOn", "Type", "HandlerId" });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeyRequests_ApiKeyId",
                table: "ApiKeyRequests",
                column: "ApiKeyId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_Prefix",
                table: "ApiKeys",
                column: "Prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_ApiKeyId_KeyHash",
                table: "IdempotencyRecords",
                columns: new[] { "ApiKeyId", "KeyHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_CreatedAt",
                table: "IdempotencyRecords",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiKeyRequests");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Closed_ClosedOn",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Closed_HandlerId",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_HandlerId_ReceivedOn",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Open_HandlerId",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Open_Type",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_ReceivedOn_Type_HandlerId",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "LastActivityAt",
                table: "Requests");
        }
    }
}
