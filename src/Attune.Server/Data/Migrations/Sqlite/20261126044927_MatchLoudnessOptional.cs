using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attune.Server.Data.Migrations.Sqlite
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
                type: "REAL",
                nullable: true,
                oldClrType: typeof(double),
                oldType: "REAL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<double>(
                name: "LoudnessDbSl",
                table: "TinnitusMatches",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldNullable: true);
        }
    }
}
