using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrivacyDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DataSubjectSide : Migration
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

            migrationBuilder.CreateTable(
                name: "OutgoingEmails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AttachmentDocumentIds = table.Column<string>(type: "TEXT", nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastErrorCode = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutgoingEmails", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortalChallenges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EmailHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ClientHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    VerifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PendingSubmission = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DeliveryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalChallenges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortalStatusLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalStatusLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RequestSubjectMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    InboxMessageId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestSubjectMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestSubjectMessages_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingEmails_MessageId",
                table: "OutgoingEmails",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingEmails_RequestId_QueuedAt",
                table: "OutgoingEmails",
                columns: new[] { "RequestId", "QueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingEmails_SentAt_QueuedAt",
                table: "OutgoingEmails",
                columns: new[] { "SentAt", "QueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PortalChallenges_ClientHash_CreatedAt",
                table: "PortalChallenges",
                columns: new[] { "ClientHash", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PortalChallenges_EmailHash_CreatedAt",
                table: "PortalChallenges",
                columns: new[] { "EmailHash", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PortalChallenges_ExpiresAt",
                table: "PortalChallenges",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_PortalStatusLinks_RequestId",
                table: "PortalStatusLinks",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_PortalStatusLinks_TokenHash",
                table: "PortalStatusLinks",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequestSubjectMessages_RequestId_ReceivedAt",
                table: "RequestSubjectMessages",
                columns: new[] { "RequestId", "ReceivedAt" });

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
                name: "InboxFolderStates");

            migrationBuilder.DropTable(
                name: "InboxMessages");

            migrationBuilder.DropTable(
                name: "OutgoingEmails");

            migrationBuilder.DropTable(
                name: "PortalChallenges");

            migrationBuilder.DropTable(
                name: "PortalStatusLinks");

            migrationBuilder.DropTable(
                name: "RequestSubjectMessages");

            migrationBuilder.DropTable(
                name: "ResponseDeliveries");

            migrationBuilder.DropColumn(
                name: "AnswerDelivery",
                table: "Requests");
        }
    }
}
