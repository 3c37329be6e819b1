using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapor.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReopenReason",
                table: "Periods",
                type: "TEXT",
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
