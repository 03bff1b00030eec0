using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Plans;
using VnTrace.Server.Tests.Infrastructure;
using VnTrace.Server.Tests.Programme.Support;

namespace VnTrace.Server.Tests.Programme.Inspections;

/// <summary>Inspections (plan, visit, checklist, findings, corrective actions, closure) and the certification contract.</summary>
public abstract class InspectionApiTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Guid> IdOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string contains)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(contains, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_department_inspects_with_the_TCVN_checklist_and_closes_the_visit_only_when_its_corrective_action_is_done()
    {
        var (department, _) = await ProgrammeKit.DepartmentClientAsync(App, "agriculture");
        var (org, _) = await ProgrammeKit.BusinessAsync(App);
        var (outside, _) = await ProgrammeKit.BusinessAsync(App, "aquaculture", "99999");
        var plan = await IdOf(await department.PostAsJsonAsync("/api/programme/inspections/plans", new { year = 2026, title = "Kiểm tra TXNG 2026" }, Ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await department.PostAsJsonAsync($"/api/programme/inspections/plans/{plan}/visits", new { organizationId = outside, date = "2026-09-10" }, Ct)).StatusCode);
        var visit = await IdOf(await department.PostAsJsonAsync($"/api/programme/inspections/plans/{plan}/visits", new { organizationId = org, date = "2026-09-10", inspectors = "Đoàn 1" }, Ct));

        var view = await department.GetFromJsonAsync<JsonElement>($"/api/programme/inspections/visits/{visit}", Ct);
        var checklist = view.GetProperty("checklist").EnumerateArray().ToList();
        Assert.Equal(10, checklist.Count);
        Assert.Contains(checklist, i => i.GetProperty("text").GetString()!.Contains("một bước trước", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await department.PutAsJsonAsync($"/api/programme/inspections/visits/{visit}/checklist/TX-06", new { result = "nonconform", note = "Không sao lưu" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await department.PutAsJsonAsync($"/api/programme/inspections/visits/{visit}/checklist/TX-06", new { result = "maybe" }, Ct)).StatusCode);

        var finding = await IdOf(await department.PostAsJsonAsync($"/api/programme/inspections/visits/{visit}/findings", new { description = "Chưa sao lưu dữ liệu", checklistCode = "TX-06" }, Ct));
        await AssertProblem(await department.PostAsJsonAsync($"/api/programme/inspections/findings/{finding}/actions", new { description = "Sao lưu", dueDate = "2026-09-09" }, Ct),
            HttpStatusCode.BadRequest, "is before the visit of 2026-09-10");
        var action = await IdOf(await department.PostAsJsonAsync($"/api/programme/inspections/findings/{finding}/actions", new { description = "Sao lưu hằng tuần", dueDate = "2026-10-10" }, Ct));
        await AssertProblem(await department.PostAsJsonAsync($"/api/programme/inspections/visits/{visit}/close", new { }, Ct), HttpStatusCode.Conflict, "1 open corrective action");
        Assert.Equal(HttpStatusCode.OK, (await department.PostAsJsonAsync($"/api/programme/inspections/actions/{action}/done", new { date = "2026-10-01" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await department.PostAsJsonAsync($"/api/programme/inspections/visits/{visit}/close", new { notes = "Đã khắc phục" }, Ct)).StatusCode);
        await AssertProblem(await department.PostAsJsonAsync($"/api/programme/inspections/visits/{visit}/findings", new { description = "late" }, Ct), HttpStatusCode.Conflict, "closed");

        // Another department neither sees the visit nor changes it.
        var (other, _) = await ProgrammeKit.DepartmentClientAsync(App, "aquaculture");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/programme/inspections/visits/{visit}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_certification_is_201_its_dates_must_be_in_order_and_a_pass_counts_in_businesses_certified()
    {
        var dost = await ProgrammeKit.DostClientAsync(App);
        var (org, _) = await ProgrammeKit.BusinessAsync(App);
        var period = IndicatorPeriod.Year(2032);
        var before = await CertifiedAsync(period);
        var number = "TXNG-" + Guid.NewGuid().ToString("N")[..8];

        await AssertProblem(await dost.PostAsJsonAsync("/api/programme/certifications", new { organizationId = org, result = "pass", certificateNumber = number, validFrom = "2032-05-01", validTo = "2032-04-30" }, Ct),
            HttpStatusCode.BadRequest, "must come after validFrom");
        await AssertProblem(await dost.PostAsJsonAsync("/api/programme/certifications", new { organizationId = org, result = "passed", certificateNumber = number, validFrom = "2032-05-01", validTo = "2035-04-30" }, Ct),
            HttpStatusCode.BadRequest, "result must be pass or fail");
        await AssertProblem(await dost.PostAsJsonAsync("/api/programme/certifications", new { organizationId = org, result = "pass", validFrom = "2032-05-01", validTo = "2035-04-30" }, Ct),
            HttpStatusCode.BadRequest, "certificateNumber is required");
        await IdOf(await dost.PostAsJsonAsync("/api/programme/certifications", new { organizationId = org, result = "fail", validFrom = "2032-03-01", validTo = "2033-03-01" }, Ct));
        Assert.Equal(before, await CertifiedAsync(period));
        await IdOf(await dost.PostAsJsonAsync("/api/programme/certifications", new { organizationId = org, result = "pass", certificateNumber = number, validFrom = "2032-05-01", validTo = "2035-04-30" }, Ct));
        Assert.Equal(before + 1, await CertifiedAsync(period));
        await AssertProblem(await dost.PostAsJsonAsync("/api/programme/certifications", new { organizationId = org, result = "pass", certificateNumber = number, validFrom = "2032-06-01", validTo = "2035-04-30" }, Ct),
            HttpStatusCode.Conflict, "already recorded");
        // A second pass of the same business counts once.
        await IdOf(await dost.PostAsJsonAsync("/api/programme/certifications", new { organizationId = org, result = "pass", certificateNumber = number + "b", validFrom = "2032-07-01", validTo = "2035-04-30" }, Ct));
        Assert.Equal(before + 1, await CertifiedAsync(period));

        var commune = await ProgrammeKit.CommuneClientAsync(App, "11111");
        Assert.Equal(HttpStatusCode.Forbidden, (await commune.PostAsJsonAsync("/api/programme/certifications", new { organizationId = org, result = "pass", certificateNumber = number + "c", validFrom = "2032-07-01", validTo = "2035-04-30" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().PostAsJsonAsync("/api/programme/certifications", new { organizationId = org }, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_inspections_page_lists_a_visit_with_its_open_corrective_action()
    {
        var dost = await ProgrammeKit.DostClientAsync(App);
        var (org, _) = await ProgrammeKit.BusinessAsync(App);
        var name = await App.WithDbAsync(db => db.Organizations.Where(o => o.Id == org).Select(o => o.Name).FirstAsync(Ct));
        var plan = await IdOf(await dost.PostAsJsonAsync("/api/programme/inspections/plans", new { year = 2026, title = "Kế hoạch trang" }, Ct));
        var visit = await IdOf(await dost.PostAsJsonAsync($"/api/programme/inspections/plans/{plan}/visits", new { organizationId = org, date = "2026-09-10" }, Ct));
        var finding = await IdOf(await dost.PostAsJsonAsync($"/api/programme/inspections/visits/{visit}/findings", new { description = "Thiếu mã truy vết" }, Ct));
        await IdOf(await dost.PostAsJsonAsync($"/api/programme/inspections/findings/{finding}/actions", new { description = "Gắn tem", dueDate = "2026-10-10" }, Ct));

        var pages = await App.SignInAsync(await App.CreateAuthorityUserAsync());
        var html = await pages.GetPageAsync("/authority/inspections?Open=true&Q=" + Uri.EscapeDataString(name));
        Assert.Contains(name, html, StringComparison.Ordinal);
        Assert.Contains("<td data-open-actions>1</td>", html, StringComparison.Ordinal);
        var export = await pages.GetAsync("/authority/inspections?handler=Export");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
    }

    private async Task<decimal> CertifiedAsync(IndicatorPeriod period)
    {
        await using var scope = App.ServerServices.CreateAsyncScope();
        var dost = await scope.ServiceProvider.GetRequiredService<VnTraceDbContext>().Agencies.FirstAsync(a => a.Kind == AgencyKind.Dost, Ct);
        var officer = new OfficerScope(dost.Id, dost.Name, AgencyKind.Dost, Roles.Authority, [], null, Guid.NewGuid());
        var indicator = scope.ServiceProvider.GetServices<IIndicator>().Single(i => i.Code == IndicatorCodes.BusinessesCertified);
        return (await indicator.ComputeAsync(period, officer, Ct)).Actual;
    }
}

public sealed class SqliteInspectionApiTests(SqliteAppFixture fixture) : InspectionApiTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresInspectionApiTests(PostgresAppFixture fixture) : InspectionApiTests(fixture), IClassFixture<PostgresAppFixture>;
