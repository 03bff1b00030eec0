using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VnTrace.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrganizationKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "organizations",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "organizations");
        }
    }
}
