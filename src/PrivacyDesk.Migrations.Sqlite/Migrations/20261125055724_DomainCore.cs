using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrivacyDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DomainCore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CompanyClosingDays",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompanyClosingDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataSubjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    CustomerNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    RelationshipStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RelationshipEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    Categories = table.Column<string>(type: "TEXT", nullable: false),
                    EmailAddresses = table.Column<string>(type: "TEXT", nullable: false),
                    PurposeOverrides = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataSubjects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Purposes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameNl = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DescriptionNl = table.Column<string>(type: "TEXT", nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Retention = table.Column<string>(type: "TEXT", nullable: true),
                    AutomatedDecisionMaking = table.Column<string>(type: "TEXT", nullable: true),
                    SpecialCategoryData = table.Column<string>(type: "TEXT", nullable: true),
                    CriminalData = table.Column<string>(type: "TEXT", nullable: true),
                    IsAnonymised = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDirectMarketing = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsProcessedByAutomatedMeans = table.Column<bool>(type: "INTEGER", nullable: false),
                    ActivatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RetiredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RetirementReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    DataCategories = table.Column<string>(type: "TEXT", nullable: false),
                    LawfulBases = table.Column<string>(type: "TEXT", nullable: false),
                    Recipients = table.Column<string>(type: "TEXT", nullable: false),
                    SourceSystems = table.Column<string>(type: "TEXT", nullable: false),
                    SubjectCategories = table.Column<string>(type: "TEXT", nullable: false),
                    Transfers = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Purposes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RequestReferenceCounters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestReferenceCounters", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "Requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    ThirdParty = table.Column<string>(type: "TEXT", nullable: true),
                    SubjectAskedForRecipients = table.Column<bool>(type: "INTEGER", nullable: false),
                    DuplicateOf = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HandlerId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    HandlerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Extension = table.Column<string>(type: "TEXT", nullable: true),
                    IdentityRequestedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IdentityProofReceivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Fee = table.Column<string>(type: "TEXT", nullable: true),
                    SubmittedById = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ApprovedById = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ApprovedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Refusal = table.Column<string>(type: "TEXT", nullable: true),
                    ProposedRefusal = table.Column<string>(type: "TEXT", nullable: true),
                    RecipientNotificationsPlanned = table.Column<bool>(type: "INTEGER", nullable: false),
                    RestrictionAppliedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RestrictionLiftNotifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RestrictionLiftedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsentRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PurposeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GivenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    WordingVersion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsentRecords_DataSubjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "DataSubjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CreditReferenceInquiries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DoubtReason = table.Column<string>(type: "TEXT", nullable: true),
                    SubjectContactedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ContactNote = table.Column<string>(type: "TEXT", nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditReferenceInquiries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CreditReferenceInquiries_DataSubjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "DataSubjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequestIdentityVerifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    VerifiedById = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    VerifiedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    VerifiedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", nullable: true),
                    IdCopy = table.Column<string>(type: "TEXT", nullable: true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestIdentityVerifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestIdentityVerifications_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequestPurposeDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PurposeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    RefusalGround = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    GroundReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RemainingBasis = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReplacedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReplacedById = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestPurposeDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestPurposeDecisions_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequestRecipientNotifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PurposeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlannedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedById = table.Column<string>(type: "TEXT", nullable: true),
                    ExemptionReason = table.Column<string>(type: "TEXT", nullable: true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestRecipientNotifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestRecipientNotifications_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequestReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReviewerId = table.Column<string>(type: "TEXT", nullable: false),
                    ReviewerName = table.Column<string>(type: "TEXT", nullable: false),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", nullable: true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestReviews_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CompanyClosingDays_Date",
                table: "CompanyClosingDays",
                column: "Date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecords_PurposeId",
                table: "ConsentRecords",
                column: "PurposeId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecords_SubjectId",
                table: "ConsentRecords",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_CreditReferenceInquiries_SubjectId",
                table: "CreditReferenceInquiries",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_DataSubjects_CustomerNumber",
                table: "DataSubjects",
                column: "CustomerNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Purposes_Key",
                table: "Purposes",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Purposes_Status",
                table: "Purposes",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_RequestIdentityVerifications_RequestId",
                table: "RequestIdentityVerifications",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestPurposeDecisions_RequestId",
                table: "RequestPurposeDecisions",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestRecipientNotifications_RequestId",
                table: "RequestRecipientNotifications",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestReviews_RequestId",
                table: "RequestReviews",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_HandlerId",
                table: "Requests",
                column: "HandlerId");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_ReceivedAt",
                table: "Requests",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Reference",
                table: "Requests",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Status_DueOn",
                table: "Requests",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_SubjectId_Type",
                table: "Requests",
                columns: new[] { "SubjectId", "Type" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CompanyClosingDays");

            migrationBuilder.DropTable(
                name: "ConsentRecords");

            migrationBuilder.DropTable(
                name: "CreditReferenceInquiries");

            migrationBuilder.DropTable(
                name: "Purposes");

            migrationBuilder.DropTable(
                name: "RequestIdentityVerifications");

            migrationBuilder.DropTable(
                name: "RequestPurposeDecisions");

            migrationBuilder.DropTable(
                name: "RequestRecipientNotifications");

            migrationBuilder.DropTable(
                name: "RequestReferenceCounters");

            migrationBuilder.DropTable(
                name: "RequestReviews");

            migrationBuilder.DropTable(
                name: "DataSubjects");

            migrationBuilder.DropTable(
                name: "Requests");
        }
    }
}
