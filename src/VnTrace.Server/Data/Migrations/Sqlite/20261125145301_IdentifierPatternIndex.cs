using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VnTrace.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IdentifierPatternIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
