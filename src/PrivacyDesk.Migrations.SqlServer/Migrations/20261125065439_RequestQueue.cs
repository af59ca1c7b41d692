using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrivacyDesk.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class RequestQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_HandlerId",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Status_DueOn",
                table: "Requests");

            migrationBuilder.AddColumn<DateOnly>(
                name: "EffectiveDueOn",
                table: "Requests",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.CreateIndex(
                name: "IX_Requests_EffectiveDueOn",
                table: "Requests",
                column: "EffectiveDueOn");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_HandlerId_Status_EffectiveDueOn",
                table: "Requests",
                columns: new[] { "HandlerId", "Status", "EffectiveDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_HandlerId_Status_ReceivedAt",
                table: "Requests",
                columns: new[] { "HandlerId", "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Open_EffectiveDueOn",
                table: "Requests",
                columns: new[] { "EffectiveDueOn", "Id", "Status" },
                filter: "Status IN ('Received', 'AwaitingIdentity', 'InProgress', 'AwaitingApproval')");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Open_ReceivedAt",
                table: "Requests",
                columns: new[] { "ReceivedAt", "Id", "Status" },
                filter: "Status IN ('Received', 'AwaitingIdentity', 'InProgress', 'AwaitingApproval')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_EffectiveDueOn",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_HandlerId_Status_EffectiveDueOn",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_HandlerId_Status_ReceivedAt",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Open_EffectiveDueOn",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Open_ReceivedAt",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "EffectiveDueOn",
                table: "Requests");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_HandlerId",
                table: "Requests",
                column: "HandlerId");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Status_DueOn",
                table: "Requests",
                columns: new[] { "Status", "DueOn" });
        }
    }
}
