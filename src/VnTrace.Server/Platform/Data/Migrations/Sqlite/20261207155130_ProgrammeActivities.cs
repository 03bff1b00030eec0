using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VnTrace.Server.Platform.Data.Migrations.Sqlite
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
