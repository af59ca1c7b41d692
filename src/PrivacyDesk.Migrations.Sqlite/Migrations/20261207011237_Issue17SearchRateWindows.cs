using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrivacyDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue17SearchRateWindows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RateWindows",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    WindowStart = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateWindows", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Open_SubjectId",
                table: "Requests",
                columns: new[] { "SubjectId", "EffectiveDueOn", "Id", "Status", "HandlerId" },
                filter: "Status IN ('Received', 'AwaitingIdentity', 'InProgress', 'AwaitingApproval')");

            migrationBuilder.CreateIndex(
                name: "IX_RateWindows_WindowStart",
                table: "RateWindows",
                column: "WindowStart");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RateWindows");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Open_SubjectId",
                table: "Requests");
        }
    }
}
