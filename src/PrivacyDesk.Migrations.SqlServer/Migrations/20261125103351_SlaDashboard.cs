using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrivacyDesk.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SlaDashboard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Requests",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastActivityAt",
                table: "Requests",
                type: "datetimeoffset",
                nullable: true);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
