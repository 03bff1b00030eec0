using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VnTrace.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReferenceValueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_event_references_Kind_Type_Value",
                table: "event_references");

            migrationBuilder.CreateIndex(
                name: "IX_event_references_Value_Kind_Type",
                table: "event_references",
                columns: new[] { "Value", "Kind", "Type" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_event_references_Value_Kind_Type",
                table: "event_references");

            migrationBuilder.CreateIndex(
                name: "IX_event_references_Kind_Type_Value",
                table: "event_references",
                columns: new[] { "Kind", "Type", "Value" });
        }
    }
}
