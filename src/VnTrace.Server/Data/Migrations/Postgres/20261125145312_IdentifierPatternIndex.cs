using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VnTrace.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IdentifierPatternIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_event_identifiers_Value_Role",
                table: "event_identifiers");

            migrationBuilder.CreateIndex(
                name: "IX_event_identifiers_Value_Role",
                table: "event_identifiers",
                columns: new[] { "Value", "Role" })
                .Annotation("Npgsql:IndexOperators", new[] { "varchar_pattern_ops", "int2_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_event_identifiers_Value_Role",
                table: "event_identifiers");

            migrationBuilder.CreateIndex(
                name: "IX_event_identifiers_Value_Role",
                table: "event_identifiers",
                columns: new[] { "Value", "Role" });
        }
    }
}
