using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attune.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MatchLoudnessOptional : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<double>(
                name: "LoudnessDbSl",
                table: "TinnitusMatches",
                type: "double precision",
                nullable: true,
                oldClrType: typeof(double),
                oldType: "double precision");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<double>(
                name: "LoudnessDbSl",
                table: "TinnitusMatches",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0,
                oldClrType: typeof(double),
                oldType: "double precision",
                oldNullable: true);
        }
    }
}
