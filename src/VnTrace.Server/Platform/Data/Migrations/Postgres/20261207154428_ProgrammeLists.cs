using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VnTrace.Server.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProgrammeLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "product_list_editions",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Frozen = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CopiedFromYear = table.Column<int>(type: "integer", nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Decision = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_product_list_editions", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "risk_assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductGroup = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GroupKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: true),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    K = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: true),
                    C = table.Column<int>(type: "integer", nullable: true),
                    P = table.Column<int>(type: "integer", nullable: true),
                    R = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssessedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AssessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_risk_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_risk_assessments_agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_risk_assessments_products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "product_list_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    List = table.Column<int>(type: "integer", nullable: false),
                    ProductGroup = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GroupKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GtinPrefix = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: true),
                    Sector = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ResponsibleAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RoadmapDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Steps = table.Column<List<string>>(type: "text[]", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ProposedByAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CopiedFromId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_product_list_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_product_list_entries_agencies_ProposedByAgencyId",
                        column: x => x.ProposedByAgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_product_list_entries_agencies_ResponsibleAgencyId",
                        column: x => x.ResponsibleAgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_product_list_entries_product_list_editions_Year",
                        column: x => x.Year,
                        principalTable: "product_list_editions",
                        principalColumn: "Year",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_product_list_entries_products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_product_list_entries_ProductId",
                table: "product_list_entries",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_product_list_entries_ProposedByAgencyId",
                table: "product_list_entries",
                column: "ProposedByAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_product_list_entries_ResponsibleAgencyId",
                table: "product_list_entries",
                column: "ResponsibleAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_product_list_entries_Year_List_GroupKey",
                table: "product_list_entries",
                columns: new[] { "Year", "List", "GroupKey" });

            migrationBuilder.CreateIndex(
                name: "IX_risk_assessments_AgencyId",
                table: "risk_assessments",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_risk_assessments_GroupKey_EffectiveFrom",
                table: "risk_assessments",
                columns: new[] { "GroupKey", "EffectiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_risk_assessments_ProductId",
                table: "risk_assessments",
                column: "ProductId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "product_list_entries");

            migrationBuilder.DropTable(
                name: "risk_assessments");

            migrationBuilder.DropTable(
                name: "product_list_editions");
        }
    }
}
