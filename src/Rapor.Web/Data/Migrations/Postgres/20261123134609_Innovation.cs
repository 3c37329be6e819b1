using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapor.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Innovation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "InnovationStepId",
                table: "Evidence",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OfficialId",
                table: "AspNetUsers",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Innovations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Bentuk = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Jenis = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Problem = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Approach = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Results = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReplicatedFromId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Innovations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Innovations_Innovations_ReplicatedFromId",
                        column: x => x.ReplicatedFromId,
                        principalTable: "Innovations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TppPolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    MinimumStage = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CutOffDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CutPercent = table.Column<double>(type: "double precision", nullable: false),
                    MinimumDays = table.Column<int>(type: "integer", nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TppPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InnovationOwners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InnovationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficialId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InnovationOwners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InnovationOwners_Innovations_InnovationId",
                        column: x => x.InnovationId,
                        principalTable: "Innovations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InnovationOwners_Officials_OfficialId",
                        column: x => x.OfficialId,
                        principalTable: "Officials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InnovationSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InnovationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    ReturnNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    VerifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    VerifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    UnitCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InnovationSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InnovationSteps_Innovations_InnovationId",
                        column: x => x.InnovationId,
                        principalTable: "Innovations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TppExclusions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PolicyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Nip = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TenantCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TppExclusions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TppExclusions_TppPolicies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "TppPolicies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_InnovationStepId",
                table: "Evidence",
                column: "InnovationStepId");

            migrationBuilder.CreateIndex(
                name: "IX_InnovationOwners_InnovationId_OfficialId",
                table: "InnovationOwners",
                columns: new[] { "InnovationId", "OfficialId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InnovationOwners_OfficialId",
                table: "InnovationOwners",
                column: "OfficialId");

            migrationBuilder.CreateIndex(
                name: "IX_Innovations_ReplicatedFromId",
                table: "Innovations",
                column: "ReplicatedFromId");

            migrationBuilder.CreateIndex(
                name: "IX_Innovations_UnitCode",
                table: "Innovations",
                column: "UnitCode");

            migrationBuilder.CreateIndex(
                name: "IX_InnovationSteps_InnovationId_Stage",
                table: "InnovationSteps",
                columns: new[] { "InnovationId", "Stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TppExclusions_PolicyId_Nip",
                table: "TppExclusions",
                columns: new[] { "PolicyId", "Nip" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TppPolicies_TenantCode_Year",
                table: "TppPolicies",
                columns: new[] { "TenantCode", "Year" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Evidence_InnovationSteps_InnovationStepId",
                table: "Evidence",
                column: "InnovationStepId",
                principalTable: "InnovationSteps",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Evidence_InnovationSteps_InnovationStepId",
                table: "Evidence");

            migrationBuilder.DropTable(
                name: "InnovationOwners");

            migrationBuilder.DropTable(
                name: "InnovationSteps");

            migrationBuilder.DropTable(
                name: "TppExclusions");

            migrationBuilder.DropTable(
                name: "Innovations");

            migrationBuilder.DropTable(
                name: "TppPolicies");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_InnovationStepId",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "InnovationStepId",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "OfficialId",
                table: "AspNetUsers");
        }
    }
}
