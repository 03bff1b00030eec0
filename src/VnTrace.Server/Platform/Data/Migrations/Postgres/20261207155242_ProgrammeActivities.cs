using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VnTrace.Server.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProgrammeActivities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "programme_activities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Venue = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Online = table.Column<bool>(type: "boolean", nullable: false),
                    Audience = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Outlet = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Link = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "programme_surveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "programme_activity_attendees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CivilServant = table.Column<bool>(type: "boolean", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false)
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
                name: "programme_survey_questions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SurveyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Options = table.Column<List<string>>(type: "text[]", nullable: false)
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
                    SurveyId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SurveyId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnteredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EnteredByOfficer = table.Column<bool>(type: "boolean", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "programme_survey_answers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Choices = table.Column<List<int>>(type: "integer[]", nullable: false),
                    Number = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_programme_survey_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_programme_survey_answers_programme_survey_questions_Questio~",
                        column: x => x.QuestionId,
                        principalTable: "programme_survey_questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_programme_survey_answers_programme_survey_responses_Respons~",
                        column: x => x.ResponseId,
                        principalTable: "programme_survey_responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "programme_activity_attendees");

            migrationBuilder.DropTable(
                name: "programme_activity_materials");

            migrationBuilder.DropTable(
                name: "programme_survey_answers");

            migrationBuilder.DropTable(
                name: "programme_survey_recipients");

            migrationBuilder.DropTable(
                name: "programme_activities");

            migrationBuilder.DropTable(
                name: "programme_survey_questions");

            migrationBuilder.DropTable(
                name: "programme_survey_responses");

            migrationBuilder.DropTable(
                name: "programme_surveys");
        }
    }
}
