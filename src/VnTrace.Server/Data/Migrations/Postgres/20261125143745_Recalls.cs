using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VnTrace.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Recalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "recall_campaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InitiatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosingNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AffectedTruncated = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recall_campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recall_campaigns_organizations_InitiatorId",
                        column: x => x.InitiatorId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recall_lots",
                columns: table => new
                {
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    Identifier = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Named = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recall_lots", x => new { x.CampaignId, x.Identifier });
                    table.ForeignKey(
                        name: "FK_recall_lots_recall_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "recall_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recall_notices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuantityReceived = table.Column<decimal>(type: "numeric", nullable: true),
                    Uom = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    NotifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    QuantityRecovered = table.Column<decimal>(type: "numeric", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recall_notices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recall_notices_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_recall_notices_recall_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "recall_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_recall_campaigns_InitiatorId_OpenedAt",
                table: "recall_campaigns",
                columns: new[] { "InitiatorId", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_recall_lots_Identifier",
                table: "recall_lots",
                column: "Identifier");

            migrationBuilder.CreateIndex(
                name: "IX_recall_notices_CampaignId_OrganizationId",
                table: "recall_notices",
                columns: new[] { "CampaignId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recall_notices_OrganizationId",
                table: "recall_notices",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recall_lots");

            migrationBuilder.DropTable(
                name: "recall_notices");

            migrationBuilder.DropTable(
                name: "recall_campaigns");
        }
    }
}
