using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace VnTrace.Server.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "organizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    TaxCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Gln = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DisplayPrefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_keys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_api_keys_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "capture_jobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Running = table.Column<bool>(type: "boolean", nullable: false),
                    Success = table.Column<bool>(type: "boolean", nullable: false),
                    EventCount = table.Column<int>(type: "integer", nullable: false),
                    StoredCount = table.Column<int>(type: "integer", nullable: false),
                    ErrorsJson = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_capture_jobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_capture_jobs_organizations_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaptureId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    EventType = table.Column<int>(type: "integer", nullable: false),
                    EventTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EventTimeZoneOffset = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    RecordTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: true),
                    BizStep = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Disposition = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    ReadPoint = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    BizLocation = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    HasErrorDeclaration = table.Column<bool>(type: "boolean", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_events_organizations_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "event_identifiers",
                columns: table => new
                {
                    TraceabilityEventId = table.Column<long>(type: "bigint", nullable: false),
                    Role = table.Column<byte>(type: "smallint", nullable: false),
                    Value = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_event_identifiers", x => new { x.TraceabilityEventId, x.Role, x.Value });
                    table.ForeignKey(
                        name: "FK_event_identifiers_events_TraceabilityEventId",
                        column: x => x.TraceabilityEventId,
                        principalTable: "events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "event_references",
                columns: table => new
                {
                    TraceabilityEventId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<byte>(type: "smallint", nullable: false),
                    Type = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Value = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_event_references", x => new { x.TraceabilityEventId, x.Kind, x.Type, x.Value });
                    table.ForeignKey(
                        name: "FK_event_references_events_TraceabilityEventId",
                        column: x => x.TraceabilityEventId,
                        principalTable: "events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "IX_api_keys_KeyHash",
                table: "api_keys",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_api_keys_OrganizationId",
                table: "api_keys",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_capture_jobs_OwnerId_CreatedAt",
                table: "capture_jobs",
                columns: new[] { "OwnerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_event_identifiers_Value_Role",
                table: "event_identifiers",
                columns: new[] { "Value", "Role" })
                .Annotation("Npgsql:IndexOperators", new[] { "varchar_pattern_ops", "int2_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_event_references_Value_Kind_Type",
                table: "event_references",
                columns: new[] { "Value", "Kind", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_events_OwnerId_BizLocation_EventTime",
                table: "events",
                columns: new[] { "OwnerId", "BizLocation", "EventTime" });

            migrationBuilder.CreateIndex(
                name: "IX_events_OwnerId_BizStep_EventTime",
                table: "events",
                columns: new[] { "OwnerId", "BizStep", "EventTime" });

            migrationBuilder.CreateIndex(
                name: "IX_events_OwnerId_EventId_HasErrorDeclaration",
                table: "events",
                columns: new[] { "OwnerId", "EventId", "HasErrorDeclaration" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_events_OwnerId_EventTime_Id",
                table: "events",
                columns: new[] { "OwnerId", "EventTime", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_events_OwnerId_ReadPoint_EventTime",
                table: "events",
                columns: new[] { "OwnerId", "ReadPoint", "EventTime" });

            migrationBuilder.CreateIndex(
                name: "IX_events_OwnerId_RecordTime_Id",
                table: "events",
                columns: new[] { "OwnerId", "RecordTime", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_organizations_Gln",
                table: "organizations",
                column: "Gln",
                unique: true);

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
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "capture_jobs");

            migrationBuilder.DropTable(
                name: "event_identifiers");

            migrationBuilder.DropTable(
                name: "event_references");

            migrationBuilder.DropTable(
                name: "location_hierarchy");

            migrationBuilder.DropTable(
                name: "recall_lots");

            migrationBuilder.DropTable(
                name: "recall_notices");

            migrationBuilder.DropTable(
                name: "events");

            migrationBuilder.DropTable(
                name: "recall_campaigns");

            migrationBuilder.DropTable(
                name: "organizations");
        }
    }
}
