using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapor.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// What Quartz 4.x's schema check asks for beyond the first Quartz migration: the paused job groups table and the
    /// trigger retry columns. Without the table a clustered instance refuses to start on PostgreSQL (found by the
    /// cluster start in issue 17). Conditional DDL, so a database where someone already added them migrates too.
    /// </summary>
    [DbContext(typeof(PostgresRaporDbContext))]
    [Migration("20261125193000_QuartzPausedJobGroups")]
    public partial class QuartzPausedJobGroups : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
            CREATE TABLE IF NOT EXISTS qrtz_paused_job_grps (
                sched_name TEXT NOT NULL, job_group TEXT NOT NULL, PRIMARY KEY (sched_name, job_group));
            ALTER TABLE qrtz_triggers ADD COLUMN IF NOT EXISTS retry_policy VARCHAR(250) NULL;
            ALTER TABLE qrtz_triggers ADD COLUMN IF NOT EXISTS retry_attempt INTEGER NULL;
            """);

        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
            DROP TABLE IF EXISTS qrtz_paused_job_grps;
            ALTER TABLE qrtz_triggers DROP COLUMN IF EXISTS retry_policy, DROP COLUMN IF EXISTS retry_attempt;
            """);
    }
}
