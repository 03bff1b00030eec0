using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VnTrace.Server.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ScanAddressHash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AddressHash",
                table: "scans",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AddressHash",
                table: "scans");
        }
    }
}
