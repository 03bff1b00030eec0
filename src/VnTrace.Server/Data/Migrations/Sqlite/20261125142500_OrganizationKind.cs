using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VnTrace.Server.Data.Migrations.Sqlite
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
                type: "INTEGER",
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
