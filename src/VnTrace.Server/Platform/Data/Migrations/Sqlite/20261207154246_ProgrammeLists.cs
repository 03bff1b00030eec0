using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VnTrace.Server.Platform.Data.Migrations.Sqlite
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
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Frozen = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CopiedFromYear = table.Column<int>(type: "INTEGER", nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_product_list_editions", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "risk_assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductGroup = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GroupKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    K = table.Column<decimal>(type: "TEXT", precision: 4, scale: 2, nullable: true),
                    C = table.Column<int>(type: "INTEGER", nullable: true),
                    P = table.Column<int>(type: "INTEGER", nullable: true),
                    R = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssessedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AssessedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    List = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductGroup = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GroupKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GtinPrefix = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ResponsibleAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RoadmapDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Steps = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedByAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CopiedFromId = table.Column<Guid>(type: "TEXT", nullable: true)
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
