using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapor.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Verification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Verification",
                table: "ReportValues",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "VerificationNote",
                table: "ReportValues",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "VerifiedAt",
                table: "ReportValues",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerifiedBy",
                table: "ReportValues",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FieldVisitId",
                table: "Evidence",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FieldVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    PeriodId = table.Column<Guid>(type: "uuid", nullable: false),
                    ScheduledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Verifier = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FieldVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FieldVisits_Periods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "Periods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Scores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PeriodId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ParentCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    OwnScore = table.Column<double>(type: "double precision", nullable: false),
                    KelurahanMean = table.Column<double>(type: "double precision", nullable: true),
                    Total = table.Column<double>(type: "double precision", nullable: false),
                    Bidang1 = table.Column<double>(type: "double precision", nullable: false),
                    BidangScores = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Zone = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Tied = table.Column<bool>(type: "boolean", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    MissingReport = table.Column<bool>(type: "boolean", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Scores_Periods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "Periods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Matches = table.Column<bool>(type: "boolean", nullable: false),
                    FoundValue = table.Column<double>(type: "double precision", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitFindings_FieldVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "FieldVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VisitFindings_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_FieldVisitId",
                table: "Evidence",
                column: "FieldVisitId");

            migrationBuilder.CreateIndex(
                name: "IX_FieldVisits_PeriodId_UnitCode",
                table: "FieldVisits",
                columns: new[] { "PeriodId", "UnitCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Scores_PeriodId_UnitCode",
                table: "Scores",
                columns: new[] { "PeriodId", "UnitCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitFindings_IndicatorId",
                table: "VisitFindings",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitFindings_VisitId_IndicatorId",
                table: "VisitFindings",
                columns: new[] { "VisitId", "IndicatorId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Evidence_FieldVisits_FieldVisitId",
                table: "Evidence",
                column: "FieldVisitId",
                principalTable: "FieldVisits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Evidence_FieldVisits_FieldVisitId",
                table: "Evidence");

            migrationBuilder.DropTable(
                name: "Scores");

            migrationBuilder.DropTable(
                name: "VisitFindings");

            migrationBuilder.DropTable(
                name: "FieldVisits");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_FieldVisitId",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "Verification",
                table: "ReportValues");

            migrationBuilder.DropColumn(
                name: "VerificationNote",
                table: "ReportValues");

            migrationBuilder.DropColumn(
                name: "VerifiedAt",
                table: "ReportValues");

            migrationBuilder.DropColumn(
                name: "VerifiedBy",
                table: "ReportValues");

            migrationBuilder.DropColumn(
                name: "FieldVisitId",
                table: "Evidence");
        }
    }
}
