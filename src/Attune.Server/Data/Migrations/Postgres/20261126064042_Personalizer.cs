using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attune.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Personalizer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OutcomeJson",
                table: "TherapySessions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Preset",
                table: "TherapySessions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Reward",
                table: "TherapySessions",
                type: "double precision",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Personalizers",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    StateJson = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Sessions = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Personalizers", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_Personalizers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TherapySessions_EndedAt",
                table: "TherapySessions",
                column: "EndedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Personalizers");

            migrationBuilder.DropIndex(
                name: "IX_TherapySessions_EndedAt",
                table: "TherapySessions");

            migrationBuilder.DropColumn(
                name: "OutcomeJson",
                table: "TherapySessions");

            migrationBuilder.DropColumn(
                name: "Preset",
                table: "TherapySessions");

            migrationBuilder.DropColumn(
                name: "Reward",
                table: "TherapySessions");
        }
    }
}
