using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapor.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WaspadaDomain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "LastSubmissionId",
                table: "FieldVisits",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "FieldVisits",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "ChecklistItemId",
                table: "Evidence",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SupervisionVisitId",
                table: "Evidence",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TemuanEventId",
                table: "Evidence",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ChecklistTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FrozenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CopiedFromId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChecklistTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdmScores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    DesaCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Iks = table.Column<double>(type: "REAL", nullable: false),
                    Ike = table.Column<double>(type: "REAL", nullable: false),
                    Ikl = table.Column<double>(type: "REAL", nullable: false),
                    Idm = table.Column<double>(type: "REAL", nullable: false),
                    SheetStatus = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    StatusMismatch = table.Column<bool>(type: "INTEGER", nullable: false),
                    IdmMismatch = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdmScores", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChecklistItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TemplateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    SectionOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Guidance = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChecklistItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChecklistItems_ChecklistTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "ChecklistTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    KecamatanCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    DesaCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    TenantCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    TemplateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScheduledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    GpsAccuracy = table.Column<double>(type: "REAL", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSubmissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionVisits_ChecklistTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "ChecklistTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionTeamMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DesaCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionTeamMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionTeamMembers_Officials_OfficialId",
                        column: x => x.OfficialId,
                        principalTable: "Officials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupervisionTeamMembers_SupervisionVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "SupervisionVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Temuan",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TenantCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    KecamatanCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    DesaCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ItemText = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Recommendation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    FoundOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FollowUp = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FollowUpAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FollowUpOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedOnTime = table.Column<bool>(type: "INTEGER", nullable: true),
                    EscalationLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Temuan", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Temuan_SupervisionVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "SupervisionVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Recommendation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DesaCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitAnswers_ChecklistItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "ChecklistItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VisitAnswers_SupervisionVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "SupervisionVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TemuanEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TemuanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DesaCode = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TemuanEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TemuanEvents_Temuan_TemuanId",
                        column: x => x.TemuanId,
                        principalTable: "Temuan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_SupervisionVisitId",
                table: "Evidence",
                column: "SupervisionVisitId");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_TemuanEventId",
                table: "Evidence",
                column: "TemuanEventId");

            migrationBuilder.CreateIndex(
                name: "IX_ChecklistItems_TemplateId",
                table: "ChecklistItems",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_ChecklistTemplates_TenantCode_Number",
                table: "ChecklistTemplates",
                columns: new[] { "TenantCode", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdmScores_DesaCode_Year",
                table: "IdmScores",
                columns: new[] { "DesaCode", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdmScores_TenantCode_Year_Status",
                table: "IdmScores",
                columns: new[] { "TenantCode", "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionTeamMembers_OfficialId",
                table: "SupervisionTeamMembers",
                column: "OfficialId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionTeamMembers_VisitId_OfficialId",
                table: "SupervisionTeamMembers",
                columns: new[] { "VisitId", "OfficialId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionVisits_DesaCode_ScheduledOn",
                table: "SupervisionVisits",
                columns: new[] { "DesaCode", "ScheduledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionVisits_KecamatanCode_ScheduledOn",
                table: "SupervisionVisits",
                columns: new[] { "KecamatanCode", "ScheduledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionVisits_TemplateId",
                table: "SupervisionVisits",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionVisits_TenantCode_ScheduledOn",
                table: "SupervisionVisits",
                columns: new[] { "TenantCode", "ScheduledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Temuan_DesaCode_Status",
                table: "Temuan",
                columns: new[] { "DesaCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Temuan_KecamatanCode_Status",
                table: "Temuan",
                columns: new[] { "KecamatanCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Temuan_Status_DueOn",
                table: "Temuan",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Temuan_VisitId_ItemId",
                table: "Temuan",
                columns: new[] { "VisitId", "ItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TemuanEvents_TemuanId",
                table: "TemuanEvents",
                column: "TemuanId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitAnswers_ItemId",
                table: "VisitAnswers",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitAnswers_VisitId_ItemId",
                table: "VisitAnswers",
                columns: new[] { "VisitId", "ItemId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Evidence_SupervisionVisits_SupervisionVisitId",
                table: "Evidence",
                column: "SupervisionVisitId",
                principalTable: "SupervisionVisits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Evidence_TemuanEvents_TemuanEventId",
                table: "Evidence",
                column: "TemuanEventId",
                principalTable: "TemuanEvents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Evidence_SupervisionVisits_SupervisionVisitId",
                table: "Evidence");

            migrationBuilder.DropForeignKey(
                name: "FK_Evidence_TemuanEvents_TemuanEventId",
                table: "Evidence");

            migrationBuilder.DropTable(
                name: "IdmScores");

            migrationBuilder.DropTable(
                name: "SupervisionTeamMembers");

            migrationBuilder.DropTable(
                name: "TemuanEvents");

            migrationBuilder.DropTable(
                name: "VisitAnswers");

            migrationBuilder.DropTable(
                name: "Temuan");

            migrationBuilder.DropTable(
                name: "ChecklistItems");

            migrationBuilder.DropTable(
                name: "SupervisionVisits");

            migrationBuilder.DropTable(
                name: "ChecklistTemplates");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_SupervisionVisitId",
                table: "Evidence");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_TemuanEventId",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "LastSubmissionId",
                table: "FieldVisits");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "FieldVisits");

            migrationBuilder.DropColumn(
                name: "ChecklistItemId",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "SupervisionVisitId",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "TemuanEventId",
                table: "Evidence");
        }
    }
}
