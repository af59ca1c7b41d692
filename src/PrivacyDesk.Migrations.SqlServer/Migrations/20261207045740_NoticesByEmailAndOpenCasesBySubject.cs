using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrivacyDesk.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class NoticesByEmailAndOpenCasesBySubject : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ResponseDeliveries_RequestId",
                table: "ResponseDeliveries");

            migrationBuilder.AddColumn<Guid>(
                name: "RecipientNotificationId",
                table: "ResponseDeliveries",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "RequestRecipientNotifications",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailedTo",
                table: "RequestRecipientNotifications",
                type: "nvarchar(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResponseDeliveries_RecipientNotificationId",
                table: "ResponseDeliveries",
                column: "RecipientNotificationId",
                unique: true,
                filter: "[RecipientNotificationId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ResponseDeliveries_RequestId",
                table: "ResponseDeliveries",
                column: "RequestId",
                unique: true,
                filter: "RecipientNotificationId IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Open_SubjectId",
                table: "Requests",
                columns: new[] { "SubjectId", "EffectiveDueOn", "Id", "Status", "HandlerId", "ReceivedAt", "Reference", "Type" },
                filter: "Status IN ('Received', 'AwaitingIdentity', 'InProgress', 'AwaitingApproval')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ResponseDeliveries_RecipientNotificationId",
                table: "ResponseDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_ResponseDeliveries_RequestId",
                table: "ResponseDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Open_SubjectId",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "RecipientNotificationId",
                table: "ResponseDeliveries");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "RequestRecipientNotifications");

            migrationBuilder.DropColumn(
                name: "EmailedTo",
                table: "RequestRecipientNotifications");

            migrationBuilder.CreateIndex(
                name: "IX_ResponseDeliveries_RequestId",
                table: "ResponseDeliveries",
                column: "RequestId",
                unique: true);
        }
    }
}
