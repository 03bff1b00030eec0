using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VnTrace.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LocationHierarchy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "location_hierarchy",
                columns: table => new
                {
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ChildId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_location_hierarchy", x => new { x.OwnerId, x.ParentId, x.ChildId });
                    table.ForeignKey(
                        name: "FK_location_hierarchy_organizations_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "location_hierarchy");
        }
    }
}
