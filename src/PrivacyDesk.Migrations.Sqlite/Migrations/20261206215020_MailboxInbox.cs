using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrivacyDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MailboxInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InboxFolderStates",
                columns: table => new
                {
                    Folder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UidValidity = table.Column<long>(type: "INTEGER", nullable: false),
                    LastUid = table.Column<long>(type: "INTEGER", nullable: false),
                    CheckedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxFolderStates", x => x.Folder);
                });

            migrationBuilder.CreateTable(
                name: "InboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Folder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UidValidity = table.Column<long>(type: "INTEGER", nullable: false),
                    Uid = table.Column<long>(type: "INTEGER", nullable: false),
                    DedupeKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    InternetMessageId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    InReplyTo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    References = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FromAddress = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    FromName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ArrivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    SuggestedType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    MatchedSubjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    Original = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    BodyOmitted = table.Column<bool>(type: "INTEGER", nullable: false),
                    AttachmentCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HandledById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    HandledByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NotARequestReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxMessages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InboxMessages_DedupeKey",
                table: "InboxMessages",
                column: "DedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboxMessages_InternetMessageId",
                table: "InboxMessages",
                column: "InternetMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_InboxMessages_Status_ArrivedAt",
                table: "InboxMessages",
                columns: new[] { "Status", "ArrivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InboxFolderStates");

            migrationBuilder.DropTable(
                name: "InboxMessages");
        }
    }
}
