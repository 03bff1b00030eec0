using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Exports;
using VnTrace.Server.Identity;
using VnTrace.Server.Programme.Activities;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Plans;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Programme.Activities;

/// <summary>
/// <c>POST /api/programme/activities</c> and its register import through the real pipeline: who may record, every
/// bad input refused by name (and a broken register by row, nothing imported), and the plan's activity indicators
/// moving the moment a record changes.
/// </summary>
public abstract class ActivitiesApiTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly IndicatorPeriod Year2026 = IndicatorPeriod.Year(2026);

    private async Task<decimal> IndicatorAsync(string code, OfficerScope scope)
    {
        await using var services = App.ServerServices.CreateAsyncScope();
        var indicator = services.ServiceProvider.GetServices<IIndicator>().Single(i => i.Code == code);
        return (await indicator.ComputeAsync(Year2026, scope, Ct)).Actual;
    }

    private static async Task<Guid> CreatedIdAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return body.GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Recording_a_class_moves_awareness_classes_and_the_attendance_counts_at_once()
    {
        var dost = await ProgrammeTestAgencies.OfficerAsync(App);
        var business = await ProgrammeTestAgencies.BusinessAsync(App);
        string[] codes = [IndicatorCodes.AwarenessClasses, IndicatorCodes.TraineeAttendances, IndicatorCodes.CivilServantAttendances,
            IndicatorCodes.Conferences, IndicatorCodes.Articles, IndicatorCodes.TrainingCourses];
        var before = new Dictionary<string, decimal>();
        foreach (var code in codes)
            before[code] = await IndicatorAsync(code, dost.Scope);

        var response = await dost.Api.PostAsJsonAsync("/api/programme/activities", new
        {
            kind = "awareness_class",
            title = "Lớp tuyên truyền truy xuất nguồn gốc",
            date = "2026-05-14",
            attendees = new object[]
            {
                new { name = "Nguyễn Văn A", civilServant = true },
                new { name = "Trần Thị B", civilServant = true },
                new { name = "Y Bhăm", organizationId = business.Id, civilServant = false },
            },
        }, Ct);
        var id = await CreatedIdAsync(response);
        Assert.Equal($"/api/programme/activities/{id}", response.Headers.Location?.OriginalString);

        Assert.Equal(before[IndicatorCodes.AwarenessClasses] + 1, await IndicatorAsync(IndicatorCodes.AwarenessClasses, dost.Scope));
        Assert.Equal(before[IndicatorCodes.TraineeAttendances] + 3, await IndicatorAsync(IndicatorCodes.TraineeAttendances, dost.Scope));
        Assert.Equal(before[IndicatorCodes.CivilServantAttendances] + 2, await IndicatorAsync(IndicatorCodes.CivilServantAttendances, dost.Scope));
        Assert.Equal(before[IndicatorCodes.Conferences], await IndicatorAsync(IndicatorCodes.Conferences, dost.Scope));

        // A conference's audience are not trainees; an article counts as an article only; a 2025 course not in 2026.
        await CreatedIdAsync(await dost.Api.PostAsJsonAsync("/api/programme/activities", new
        {
            kind = "conference", title = "Hội nghị triển khai", date = "2026-03-10",
            attendees = new[] { new { name = "Lê C", civilServant = true } },
        }, Ct));
        await CreatedIdAsync(await dost.Api.PostAsJsonAsync("/api/programme/activities",
            new { kind = "article", title = "Bài báo", date = "2026-02-12" }, Ct));
        await CreatedIdAsync(await dost.Api.PostAsJsonAsync("/api/programme/activities",
            new { kind = "training_course", title = "Tập huấn 2025", date = "2025-12-31", attendees = new[] { new { name = "D", civilServant = true } } }, Ct));
        Assert.Equal(before[IndicatorCodes.Conferences] + 1, await IndicatorAsync(IndicatorCodes.Conferences, dost.Scope));
        Assert.Equal(before[IndicatorCodes.Articles] + 1, await IndicatorAsync(IndicatorCodes.Articles, dost.Scope));
        Assert.Equal(before[IndicatorCodes.TrainingCourses], await IndicatorAsync(IndicatorCodes.TrainingCourses, dost.Scope));
        Assert.Equal(before[IndicatorCodes.CivilServantAttendances] + 2, await IndicatorAsync(IndicatorCodes.CivilServantAttendances, dost.Scope));

        // The drill-down lists the class.
        await using var services = App.ServerServices.CreateAsyncScope();
        var records = await services.ServiceProvider.GetServices<IIndicator>().Single(i => i.Code == IndicatorCodes.AwarenessClasses)
            .RecordsAsync(Year2026, dost.Scope, Ct);
        Assert.Contains(records, r => r.Id == id && r.Href == $"/authority/activities/{id}" && r.Date == new DateOnly(2026, 5, 14));
    }

    [Fact]
    public async Task Businesses_trained_pct_is_the_share_of_the_scopes_approved_businesses_with_an_attendee()
    {
        var commune = ProgrammeTestAgencies.UniqueCommune();
        var agency = await ProgrammeTestAgencies.CreateAgencyAsync(App, AgencyKind.Commune, communeCode: commune);
        var officer = await ProgrammeTestAgencies.OfficerAsync(App, agency, Roles.CommuneOfficer);
        var a = await ProgrammeTestAgencies.BusinessAsync(App, commune);
        await ProgrammeTestAgencies.BusinessAsync(App, commune);
        await ProgrammeTestAgencies.BusinessAsync(App, commune);
        var pending = await ProgrammeTestAgencies.BusinessAsync(App, commune, status: VnTrace.Server.Organizations.OrganizationStatus.Pending);
        Assert.Equal(0m, await IndicatorAsync(IndicatorCodes.BusinessesTrainedPct, officer.Scope));

        // The DoST's conference, attended by business a (twice) and by the pending business: 1 of 3 approved.
        var dost = await ProgrammeTestAgencies.OfficerAsync(App);
        await CreatedIdAsync(await dost.Api.PostAsJsonAsync("/api/programme/activities", new
        {
            kind = "conference", title = "Hội thảo mã số mã vạch", date = "2026-08-26",
            attendees = new object[]
            {
                new { name = "A1", organizationId = a.Id, civilServant = false },
                new { name = "A2", organizationId = a.Id, civilServant = false },
                new { name = "P", organizationId = pending.Id, civilServant = false },
            },
        }, Ct));
        Assert.Equal(33.3m, await IndicatorAsync(IndicatorCodes.BusinessesTrainedPct, officer.Scope));

        // The commune officer now reads that conference (its business attended) but may not add to its register.
        var list = await officer.Api.GetFromJsonAsync<JsonElement>("/api/programme/activities?year=2026", Ct);
        var conference = Assert.Single(list.EnumerateArray());
        Assert.Equal("conference", conference.GetProperty("kind").GetString());
        var add = await officer.Api.PostAsJsonAsync($"/api/programme/activities/{conference.GetProperty("id").GetGuid()}/attendees",
            new[] { new { name = "X", civilServant = false } }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
    }

    public static TheoryData<string, string> BadActivities => new()
    {
        { """{"kind":"workshop","title":"T","date":"2026-05-01"}""", "kind" },
        { """{"title":"T","date":"2026-05-01"}""", "kind" },
        { """{"kind":"conference","title":"  ","date":"2026-05-01"}""", "title" },
        { """{"kind":"conference","title":"T"}""", "date" },
        { """{"kind":"conference","title":"T","date":"2026-02-30"}""", "date" },
        { """{"kind":"conference","title":"T","date":"14/05/2026"}""", "date" },
        { """{"kind":"conference","title":"T","date":"2099-01-01"}""", "date" },
        { """{"kind":"article","title":"T","date":"2026-05-01","attendees":[{"name":"A","civilServant":false}]}""", "attendees" },
        { """{"kind":"article","title":"T","date":"2026-05-01","link":"javascript:alert(1)"}""", "link" },
        { """{"kind":"conference","title":"T","date":"2026-05-01","attendees":[{"name":"A","civilServant":false},{"name":"","civilServant":true}]}""", "attendees[1].name" },
        { """{"kind":"conference","title":"T","date":"2026-05-01","attendees":[{"name":"A","organizationId":"0193a000-0000-7000-8000-000000000000","civilServant":false}]}""", "attendees[0].organizationId" },
    };

    [Theory]
    [MemberData(nameof(BadActivities))]
    public async Task A_bad_activity_is_refused_with_a_problem_naming_the_field(string json, string field)
    {
        var dost = await ProgrammeTestAgencies.OfficerAsync(App);
        var before = await IndicatorAsync(IndicatorCodes.Conferences, dost.Scope);
        var response = await dost.Api.PostAsync("/api/programme/activities", new StringContent(json, MediaTypeHeaderValue.Parse("application/json")), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
        Assert.Equal(before, await IndicatorAsync(IndicatorCodes.Conferences, dost.Scope));
    }

    [Fact]
    public async Task An_inspector_and_other_agencies_officers_cannot_record_for_someone_else()
    {
        var body = new { kind = "awareness_class", title = "Lớp", date = "2026-05-14" };
        var inspector = await ProgrammeTestAgencies.OfficerAsync(App, role: Roles.Inspector);
        await AssertForbiddenAsync(await inspector.Api.PostAsJsonAsync("/api/programme/activities", body, Ct));

        var department = await ProgrammeTestAgencies.CreateAgencyAsync(App, AgencyKind.Department, ["agriculture"]);
        var commune = await ProgrammeTestAgencies.CreateAgencyAsync(App, AgencyKind.Commune, communeCode: ProgrammeTestAgencies.UniqueCommune());
        var departmentOfficer = await ProgrammeTestAgencies.OfficerAsync(App, department, Roles.DepartmentOfficer);
        await AssertForbiddenAsync(await departmentOfficer.Api.PostAsJsonAsync("/api/programme/activities",
            new { kind = "awareness_class", title = "Lớp", date = "2026-05-14", agencyId = commune.Id }, Ct));

        // Its own agency's class it records; the DoST records one for the commune.
        var own = await CreatedIdAsync(await departmentOfficer.Api.PostAsJsonAsync("/api/programme/activities", body, Ct));
        var dost = await ProgrammeTestAgencies.OfficerAsync(App);
        var forCommune = await CreatedIdAsync(await dost.Api.PostAsJsonAsync("/api/programme/activities",
            new { kind = "awareness_class", title = "Lớp của phường", date = "2026-05-14", agencyId = commune.Id }, Ct));
        var item = await dost.Api.GetFromJsonAsync<JsonElement>($"/api/programme/activities/{forCommune}", Ct);
        Assert.Equal(commune.Id, item.GetProperty("agencyId").GetGuid());

        // The commune officer does not see the department's class (none of its businesses attended): 404, not 403.
        var communeOfficer = await ProgrammeTestAgencies.OfficerAsync(App, commune, Roles.CommuneOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await communeOfficer.Api.GetAsync($"/api/programme/activities/{own}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await communeOfficer.Api.GetAsync($"/api/programme/activities/{forCommune}", Ct)).StatusCode);
        // The inspector reads everything in the province.
        Assert.Equal(HttpStatusCode.OK, (await inspector.Api.GetAsync($"/api/programme/activities/{own}", Ct)).StatusCode);
        // No key at all: 401.
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().PostAsJsonAsync("/api/programme/activities", body, Ct)).StatusCode);
    }

    private static async Task AssertForbiddenAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A register as an officer types it up in Excel (written by the server's own .xlsx writer).</summary>
    public static byte[] Register(params string?[][] rows)
    {
        var columns = AttendeeRegister.Headers.Select(h => new ExportColumn(h, ExportCellKind.Text, h) { Header = h }).ToList();
        return XlsxExportWriter.Write(new ExportSheet("Danh sách", "Register", columns, [.. rows.Select(r => r.Cast<object?>().ToArray())], []));
    }

    private static MultipartFormDataContent Upload(byte[] file, string name = "register.xlsx")
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(XlsxExportWriter.ContentType);
        return new MultipartFormDataContent { { content, "file", name } };
    }

    [Fact]
    public async Task A_register_with_broken_rows_is_refused_by_row_and_nothing_is_imported()
    {
        var dost = await ProgrammeTestAgencies.OfficerAsync(App);
        var business = await ProgrammeTestAgencies.BusinessAsync(App);
        var id = await CreatedIdAsync(await dost.Api.PostAsJsonAsync("/api/programme/activities",
            new { kind = "training_course", title = "Tập huấn", date = "2026-09-17" }, Ct));
        var trainees = await IndicatorAsync(IndicatorCodes.TraineeAttendances, dost.Scope);

        var broken = Register(
            ["Nguyễn Văn A", business.Name, null, "x"],     // row 2: fine
            ["", "UBND xã", null, "có"],                    // row 3: no name
            ["Trần B", null, null, "có lẽ"],                // row 4: neither yes nor no
            ["Lê C", null, "0000000000", "không"]);         // row 5: unknown tax code
        var refused = await dost.Api.PostAsync($"/api/programme/activities/{id}/attendees/import", Upload(broken), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal([3, 4, 5], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("row").GetInt32()));
        var item = await dost.Api.GetFromJsonAsync<JsonElement>($"/api/programme/activities/{id}", Ct);
        Assert.Empty(item.GetProperty("attendees").EnumerateArray());
        Assert.Equal(trainees, await IndicatorAsync(IndicatorCodes.TraineeAttendances, dost.Scope));

        var good = Register(
            ["Nguyễn Văn A", business.Name, null, "x"],
            ["Phạm D", null, business.TaxCode, ""],
            ["Đỗ E", "UBND phường Tân An", null, "Có"]);
        var imported = await dost.Api.PostAsync($"/api/programme/activities/{id}/attendees/import", Upload(good), Ct);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(3, (await imported.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("added").GetInt32());
        item = await dost.Api.GetFromJsonAsync<JsonElement>($"/api/programme/activities/{id}", Ct);
        var attendees = item.GetProperty("attendees").EnumerateArray().ToList();
        Assert.Equal([business.Id, business.Id, (Guid?)null], attendees.Select(a => a.GetProperty("organizationId").ValueKind == JsonValueKind.Null ? (Guid?)null : a.GetProperty("organizationId").GetGuid()));
        Assert.Equal("UBND phường Tân An", attendees[2].GetProperty("organization").GetString());
        Assert.Equal([true, false, true], attendees.Select(a => a.GetProperty("civilServant").GetBoolean()));
        Assert.Equal(trainees + 3, await IndicatorAsync(IndicatorCodes.TraineeAttendances, dost.Scope));

        // Not a spreadsheet at all: refused as a whole.
        var pdf = await dost.Api.PostAsync($"/api/programme/activities/{id}/attendees/import", Upload("%PDF-1.4 x"u8.ToArray(), "register.pdf"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
    }
}

public sealed class SqliteActivitiesApiTests(SqliteAppFixture fixture) : ActivitiesApiTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresActivitiesApiTests(PostgresAppFixture fixture) : ActivitiesApiTests(fixture), IClassFixture<PostgresAppFixture>;
