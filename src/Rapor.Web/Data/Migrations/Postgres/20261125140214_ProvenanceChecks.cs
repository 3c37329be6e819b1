using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapor.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProvenanceChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CapturedAt",
                table: "Evidence",
                type: "character varying(19)",
                maxLength: 19,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Checked",
                table: "Evidence",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "Evidence",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "Evidence",
                type: "double precision",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EvidenceFlags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EvidenceId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    HashDistance = table.Column<int>(type: "integer", nullable: true),
                    Meters = table.Column<int>(type: "integer", nullable: true),
                    CapturedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Days = table.Column<int>(type: "integer", nullable: true),
                    Missing = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    OtherEvidenceId = table.Column<Guid>(type: "uuid", nullable: true),
                    OtherUnitCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    OtherPeriod = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    OtherSource = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    OtherRef = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OtherUploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceFlags_Evidence_EvidenceId",
                        column: x => x.EvidenceId,
                        principalTable: "Evidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PhotoPrints",
                columns: table => new
                {
                    EvidenceId = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Hash = table.Column<long>(type: "bigint", nullable: false),
                    Innovation = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "CURRENT_TIMESTAMP")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhotoPrints", x => x.EvidenceId);
                    table.ForeignKey(
                        name: "FK_PhotoPrints_Evidence_EvidenceId",
                        column: x => x.EvidenceId,
                        principalTable: "Evidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_Sha256",
                table: "Evidence",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFlags_EvidenceId",
                table: "EvidenceFlags",
                column: "EvidenceId");

            migrationBuilder.CreateIndex(
                name: "IX_PhotoPrints_Innovation_RecordedAt",
                table: "PhotoPrints",
                columns: new[] { "Innovation", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PhotoPrints_TenantCode_RecordedAt",
                table: "PhotoPrints",
                columns: new[] { "TenantCode", "RecordedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvidenceFlags");

            migrationBuilder.DropTable(
                name: "PhotoPrints");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_Sha256",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "CapturedAt",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "Checked",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "Latitude",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "Longitude",
                table: "Evidence");
        }
    }
}
