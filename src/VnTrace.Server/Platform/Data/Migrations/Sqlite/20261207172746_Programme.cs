using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VnTrace.Server.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Programme : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "capture_jobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "conformity_assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conformity_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_conformity_assessments_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inspection_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Checklist = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inspection_plans_agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "programme_activities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Venue = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Online = table.Column<bool>(type: "INTEGER", nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Outlet = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_programme_activities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_programme_activities_agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "programme_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FromYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ToYear = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_programme_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "programme_surveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_programme_surveys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_programme_surveys_agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "support_calls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_calls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inspection_visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Inspectors = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosingNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inspection_visits_inspection_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "inspection_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_inspection_visits_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
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

            migrationBuilder.CreateTable(
                name: "programme_activity_attendees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganizationName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CivilServant = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_programme_activity_attendees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_programme_activity_attendees_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_programme_activity_attendees_programme_activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "programme_activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "programme_activity_materials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_programme_activity_materials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_programme_activity_materials_files_FileId",
                        column: x => x.FileId,
                        principalTable: "files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_programme_activity_materials_programme_activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "programme_activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "programme_plan_targets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Target = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_programme_plan_targets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_programme_plan_targets_programme_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "programme_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "programme_survey_questions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurveyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Options = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_programme_survey_questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_programme_survey_questions_programme_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "programme_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "programme_survey_recipients",
                columns: table => new
                {
                    SurveyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_programme_survey_recipients", x => new { x.SurveyId, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_programme_survey_recipients_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_programme_survey_recipients_programme_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "programme_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "programme_survey_responses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurveyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EnteredByOfficer = table.Column<bool>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_programme_survey_responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_programme_survey_responses_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_programme_survey_responses_programme_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "programme_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProductIds = table.Column<string>(type: "TEXT", nullable: false),
                    Needs = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AppliedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AppliedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SurveyedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SurveyNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ScoredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TotalScore = table.Column<decimal>(type: "TEXT", precision: 12, scale: 3, nullable: true),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SupportedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EvaluatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    EvaluationNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_applications_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_support_applications_support_calls_CallId",
                        column: x => x.CallId,
                        principalTable: "support_calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "support_criteria",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Weight = table.Column<decimal>(type: "TEXT", precision: 9, scale: 3, nullable: false),
                    MinScore = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxScore = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_criteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_criteria_support_calls_CallId",
                        column: x => x.CallId,
                        principalTable: "support_calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inspection_checklist_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_checklist_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inspection_checklist_items_inspection_visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "inspection_visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inspection_findings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChecklistCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_findings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inspection_findings_inspection_visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "inspection_visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "programme_survey_answers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResponseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Choices = table.Column<string>(type: "TEXT", nullable: false),
                    Number = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_programme_survey_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_programme_survey_answers_programme_survey_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "programme_survey_questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_programme_survey_answers_programme_survey_responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "programme_survey_responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_activities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_activities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_activities_support_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "support_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_scores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CriterionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_scores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_scores_support_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "support_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_support_scores_support_criteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "support_criteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inspection_corrective_actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FindingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletionNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_corrective_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inspection_corrective_actions_inspection_findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "inspection_findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_budget_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FundingSource = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Planned = table.Column<long>(type: "INTEGER", nullable: false),
                    Committed = table.Column<long>(type: "INTEGER", nullable: false),
                    Spent = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_budget_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_budget_lines_support_activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "support_activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_budget_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BudgetLineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_budget_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_budget_entries_support_budget_lines_BudgetLineId",
                        column: x => x.BudgetLineId,
                        principalTable: "support_budget_lines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_conformity_assessments_OrganizationId",
                table: "conformity_assessments",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_conformity_assessments_Result_AssessedOn",
                table: "conformity_assessments",
                columns: new[] { "Result", "AssessedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_inspection_checklist_items_VisitId_Code",
                table: "inspection_checklist_items",
                columns: new[] { "VisitId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inspection_corrective_actions_FindingId",
                table: "inspection_corrective_actions",
                column: "FindingId");

            migrationBuilder.CreateIndex(
                name: "IX_inspection_findings_VisitId",
                table: "inspection_findings",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_inspection_plans_AgencyId",
                table: "inspection_plans",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_inspection_visits_OrganizationId_VisitDate",
                table: "inspection_visits",
                columns: new[] { "OrganizationId", "VisitDate" });

            migrationBuilder.CreateIndex(
                name: "IX_inspection_visits_PlanId",
                table: "inspection_visits",
                column: "PlanId");

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
                name: "IX_programme_activities_AgencyId",
                table: "programme_activities",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_programme_activities_Date_Kind",
                table: "programme_activities",
                columns: new[] { "Date", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_programme_activity_attendees_ActivityId",
                table: "programme_activity_attendees",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_programme_activity_attendees_OrganizationId",
                table: "programme_activity_attendees",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_programme_activity_materials_ActivityId",
                table: "programme_activity_materials",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_programme_activity_materials_FileId",
                table: "programme_activity_materials",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_programme_plan_targets_PlanId_Year_Indicator",
                table: "programme_plan_targets",
                columns: new[] { "PlanId", "Year", "Indicator" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_programme_survey_answers_QuestionId",
                table: "programme_survey_answers",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_programme_survey_answers_ResponseId",
                table: "programme_survey_answers",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_programme_survey_questions_SurveyId",
                table: "programme_survey_questions",
                column: "SurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_programme_survey_recipients_OrganizationId",
                table: "programme_survey_recipients",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_programme_survey_responses_OrganizationId",
                table: "programme_survey_responses",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_programme_survey_responses_SurveyId_OrganizationId",
                table: "programme_survey_responses",
                columns: new[] { "SurveyId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_programme_surveys_AgencyId",
                table: "programme_surveys",
                column: "AgencyId");

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

            migrationBuilder.CreateIndex(
                name: "IX_support_activities_ApplicationId",
                table: "support_activities",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_support_applications_CallId_OrganizationId",
                table: "support_applications",
                columns: new[] { "CallId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_support_applications_OrganizationId_SupportedOn",
                table: "support_applications",
                columns: new[] { "OrganizationId", "SupportedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_support_budget_entries_BudgetLineId",
                table: "support_budget_entries",
                column: "BudgetLineId");

            migrationBuilder.CreateIndex(
                name: "IX_support_budget_lines_ActivityId",
                table: "support_budget_lines",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_support_calls_Year",
                table: "support_calls",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_support_criteria_CallId",
                table: "support_criteria",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_support_scores_ApplicationId_CriterionId",
                table: "support_scores",
                columns: new[] { "ApplicationId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_support_scores_CriterionId",
                table: "support_scores",
                column: "CriterionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "conformity_assessments");

            migrationBuilder.DropTable(
                name: "inspection_checklist_items");

            migrationBuilder.DropTable(
                name: "inspection_corrective_actions");

            migrationBuilder.DropTable(
                name: "product_list_entries");

            migrationBuilder.DropTable(
                name: "programme_activity_attendees");

            migrationBuilder.DropTable(
                name: "programme_activity_materials");

            migrationBuilder.DropTable(
                name: "programme_plan_targets");

            migrationBuilder.DropTable(
                name: "programme_survey_answers");

            migrationBuilder.DropTable(
                name: "programme_survey_recipients");

            migrationBuilder.DropTable(
                name: "risk_assessments");

            migrationBuilder.DropTable(
                name: "support_budget_entries");

            migrationBuilder.DropTable(
                name: "support_scores");

            migrationBuilder.DropTable(
                name: "inspection_findings");

            migrationBuilder.DropTable(
                name: "product_list_editions");

            migrationBuilder.DropTable(
                name: "programme_activities");

            migrationBuilder.DropTable(
                name: "programme_plans");

            migrationBuilder.DropTable(
                name: "programme_survey_questions");

            migrationBuilder.DropTable(
                name: "programme_survey_responses");

            migrationBuilder.DropTable(
                name: "support_budget_lines");

            migrationBuilder.DropTable(
                name: "support_criteria");

            migrationBuilder.DropTable(
                name: "inspection_visits");

            migrationBuilder.DropTable(
                name: "programme_surveys");

            migrationBuilder.DropTable(
                name: "support_activities");

            migrationBuilder.DropTable(
                name: "inspection_plans");

            migrationBuilder.DropTable(
                name: "support_applications");

            migrationBuilder.DropTable(
                name: "support_calls");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "capture_jobs");
        }
    }
}
