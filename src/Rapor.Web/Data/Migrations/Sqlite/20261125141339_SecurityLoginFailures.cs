using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapor.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SecurityLoginFailures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LoginFailures",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 66, nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    LastFailureAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoginFailures", x => x.Key);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LoginFailures");
        }
    }
}
