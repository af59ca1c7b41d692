using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrivacyDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SourceChangesAndRetentionLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ErasureConnectionReference",
                table: "SourceSystems",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProtectedErasureConnectionString",
                table: "SourceSystems",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Corrections",
                table: "Requests",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastErrorCode = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RetentionLedger",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceSystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PurposeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PurposeKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Retention = table.Column<string>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FollowUpPlanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ErasedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tables = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionLedger", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SourceChangePlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RetentionEntryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    HandlerId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedById = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ApprovedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    LargeChangeConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SupersededAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectKeyHashes = table.Column<string>(type: "TEXT", nullable: false),
                    Systems = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceChangePlans", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_CompletedAt_DueAt",
                table: "OutboxMessages",
                columns: new[] { "CompletedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RetentionLedger_RequestId",
                table: "RetentionLedger",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RetentionLedger_Status_EndsOn",
                table: "RetentionLedger",
                columns: new[] { "Status", "EndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RetentionLedger_SubjectId",
                table: "RetentionLedger",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_SourceChangePlans_RequestId_Version",
                table: "SourceChangePlans",
                columns: new[] { "RequestId", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_SourceChangePlans_RetentionEntryId",
                table: "SourceChangePlans",
                column: "RetentionEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_SourceChangePlans_Status_CreatedAt",
                table: "SourceChangePlans",
                columns: new[] { "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "RetentionLedger");

            migrationBuilder.DropTable(
                name: "SourceChangePlans");

            migrationBuilder.DropColumn(
                name: "ErasureConnectionReference",
                table: "SourceSystems");

            migrationBuilder.DropColumn(
                name: "ProtectedErasureConnectionString",
                table: "SourceSystems");

            migrationBuilder.DropColumn(
                name: "Corrections",
                table: "Requests");
        }
    }
}
