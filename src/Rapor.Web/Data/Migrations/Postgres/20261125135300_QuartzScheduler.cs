using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapor.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// Hand-written, PostgreSQL only: the Quartz.NET job store tables (see <see cref="QuartzSchema"/>). No model change,
    /// hence no designer file; SQLite runs the scheduler in memory and needs no tables.
    /// </summary>
    [DbContext(typeof(PostgresRaporDbContext))]
    [Migration("20261125135300_QuartzScheduler")]
    public partial class QuartzScheduler : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(QuartzSchema.CreatePostgres);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(QuartzSchema.DropPostgres);
    }
}
