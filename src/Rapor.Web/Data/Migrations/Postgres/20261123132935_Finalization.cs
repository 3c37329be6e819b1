using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapor.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Finalization : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FinalizedBy",
                table: "Periods",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReopenReason",
                table: "Periods",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FinalizedBy",
                table: "Periods");

            migrationBuilder.DropColumn(
                name: "ReopenReason",
                table: "Periods");
        }
    }
}
