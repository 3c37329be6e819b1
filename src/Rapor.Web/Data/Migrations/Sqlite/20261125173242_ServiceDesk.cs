using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapor.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServiceDesk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Derivation",
                table: "ReportValues",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Access = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hint = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LastUsedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QueueCounters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Groups = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QueueCounters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QueueSequences",
                columns: table => new
                {
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QueueSequences", x => new { x.UnitCode, x.Day, x.Group });
                });

            migrationBuilder.CreateTable(
                name: "QueueTickets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    OutcomeNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    TakenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstCalledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CalledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CallCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CounterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TransferredToCounterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Transfers = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CalledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ServedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QueueTickets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ServiceDesks",
                columns: table => new
                {
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    TenantCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    UsesQueue = table.Column<bool>(type: "INTEGER", nullable: false),
                    UsesSkm = table.Column<bool>(type: "INTEGER", nullable: false),
                    RunningText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Weighting = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceDesks", x => x.UnitCode);
                });

            migrationBuilder.CreateTable(
                name: "ServiceStandards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    QueueGroup = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    Requirements = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Procedure = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SlaValue = table.Column<int>(type: "INTEGER", nullable: false),
                    SlaUnit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Fee = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Product = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Responsible = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    AdoptedFromId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceStandards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SkmReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    TenantCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    TypedPopulation = table.Column<int>(type: "INTEGER", nullable: true),
                    Analysis = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PublishedFigures = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SkmReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SkmResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    TenantCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ServiceCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: true),
                    U1 = table.Column<byte>(type: "INTEGER", nullable: false),
                    U2 = table.Column<byte>(type: "INTEGER", nullable: false),
                    U3 = table.Column<byte>(type: "INTEGER", nullable: false),
                    U4 = table.Column<byte>(type: "INTEGER", nullable: false),
                    U5 = table.Column<byte>(type: "INTEGER", nullable: false),
                    U6 = table.Column<byte>(type: "INTEGER", nullable: false),
                    U7 = table.Column<byte>(type: "INTEGER", nullable: false),
                    U8 = table.Column<byte>(type: "INTEGER", nullable: false),
                    U9 = table.Column<byte>(type: "INTEGER", nullable: false),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    Age = table.Column<int>(type: "INTEGER", nullable: true),
                    Education = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Occupation = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Saran = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClientKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SkmResponses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SkmFollowUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Unsur = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Pic = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SkmFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SkmFollowUps_SkmReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "SkmReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_Hash",
                table: "ApiTokens",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_UnitCode",
                table: "ApiTokens",
                column: "UnitCode");

            migrationBuilder.CreateIndex(
                name: "IX_QueueCounters_UnitCode_Number",
                table: "QueueCounters",
                columns: new[] { "UnitCode", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QueueTickets_CounterId_Status",
                table: "QueueTickets",
                columns: new[] { "CounterId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_QueueTickets_UnitCode_Day_Group_Seq",
                table: "QueueTickets",
                columns: new[] { "UnitCode", "Day", "Group", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QueueTickets_UnitCode_Day_Status",
                table: "QueueTickets",
                columns: new[] { "UnitCode", "Day", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceStandards_UnitCode_Code",
                table: "ServiceStandards",
                columns: new[] { "UnitCode", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SkmFollowUps_ReportId",
                table: "SkmFollowUps",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_SkmReports_UnitCode_Period",
                table: "SkmReports",
                columns: new[] { "UnitCode", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SkmResponses_ClientKey_SubmittedAt",
                table: "SkmResponses",
                columns: new[] { "ClientKey", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SkmResponses_TicketId",
                table: "SkmResponses",
                column: "TicketId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SkmResponses_UnitCode_Date",
                table: "SkmResponses",
                columns: new[] { "UnitCode", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "QueueCounters");

            migrationBuilder.DropTable(
                name: "QueueSequences");

            migrationBuilder.DropTable(
                name: "QueueTickets");

            migrationBuilder.DropTable(
                name: "ServiceDesks");

            migrationBuilder.DropTable(
                name: "ServiceStandards");

            migrationBuilder.DropTable(
                name: "SkmFollowUps");

            migrationBuilder.DropTable(
                name: "SkmResponses");

            migrationBuilder.DropTable(
                name: "SkmReports");

            migrationBuilder.DropColumn(
                name: "Derivation",
                table: "ReportValues");
        }
    }
}
