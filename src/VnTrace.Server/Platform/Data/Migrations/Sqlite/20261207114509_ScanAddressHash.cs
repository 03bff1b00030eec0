using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VnTrace.Server.Platform.Data.Migrations.Sqlite
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
                type: "TEXT",
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
