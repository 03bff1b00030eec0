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

namespace VnTrace.Server.Tests.Programme.Support;

/// <summary>The support programme through /api/programme/support: stage order, roles, scores, budget, indicators.</summary>
public abstract class SupportApiTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Guid Call, Guid[] Criteria)> CallAsync(HttpClient dost, int year = 2026)
    {
        var response = await dost.PostAsJsonAsync("/api/programme/support/calls", new
        {
            year, title = "Hỗ trợ TXNG " + Guid.NewGuid().ToString("N")[..6],
            criteria = new[] { new { name = "Sản phẩm chủ lực", weight = 3, minScore = 0, maxScore = 10 }, new { name = "Năng lực", weight = 2, minScore = 1, maxScore = 5 } },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var calls = await dost.GetFromJsonAsync<JsonElement>("/api/programme/support/calls", Ct);
        var call = calls.EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id);
        return (id, call.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToArray());
    }

    private static async Task<Guid> ApplyAsync(HttpClient client, Guid call, Guid organization, Guid product)
    {
        var response = await client.PostAsJsonAsync($"/api/programme/support/calls/{call}/applications", new { organizationId = organization, productIds = new[] { product }, needs = "Tem QR" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("applied", body.GetProperty("stage").GetString());
        return body.GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, object body) =>
        client.PostAsJsonAsync("/api/programme/support" + path, body, Ct);

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string contains)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString();
        Assert.Contains(contains, detail, StringComparison.Ordinal);
    }

    private static object Scores(Guid[] criteria, int a = 8, int b = 4) => new { scores = new[] { new { criterionId = criteria[0], score = a }, new { criterionId = criteria[1], score = b } } };

    private static readonly object Decision = new { decisionNumber = "12/QĐ-SKHCN", decisionDate = "2026-04-20" };

    [Fact]
    public async Task Each_stage_out_of_order_is_refused_with_the_reason_and_the_call_runs_from_application_to_evaluation()
    {
        var dost = await ProgrammeKit.DostClientAsync(App);
        var (call, criteria) = await CallAsync(dost);
        var (org, product) = await ProgrammeKit.BusinessAsync(App);
        var id = await ApplyAsync(dost, call, org, product);

        // applied: only the survey comes next.
        await AssertProblem(await Post(dost, $"/applications/{id}/scores", Scores(criteria)), HttpStatusCode.Conflict, "can become scored only from surveyed");
        await AssertProblem(await Post(dost, $"/applications/{id}/select", Decision), HttpStatusCode.Conflict, "can become selected only from scored");
        await AssertProblem(await Post(dost, $"/applications/{id}/support", new { date = "2026-05-01" }), HttpStatusCode.Conflict, "can become supported only from selected");
        await AssertProblem(await Post(dost, $"/applications/{id}/evaluation", new { outcome = "achieved", notes = "x" }), HttpStatusCode.Conflict, "can become evaluated only from supported");
        Assert.Equal(HttpStatusCode.OK, (await Post(dost, $"/applications/{id}/survey", new { date = "2026-03-10", notes = "Khảo sát" })).StatusCode);
        await AssertProblem(await Post(dost, $"/applications/{id}/survey", new { date = "2026-03-10", notes = "again" }), HttpStatusCode.Conflict, "The application is surveyed; its next step is scored");
        await AssertProblem(await Post(dost, $"/applications/{id}/reject", new { decisionNumber = "1", decisionDate = "2026-04-20", reason = "x" }), HttpStatusCode.Conflict, "only from scored");
        Assert.Equal(HttpStatusCode.OK, (await Post(dost, $"/applications/{id}/scores", Scores(criteria))).StatusCode);
        await AssertProblem(await Post(dost, $"/applications/{id}/support", new { date = "2026-05-01" }), HttpStatusCode.Conflict, "its next step is selected or rejected");
        Assert.Equal(HttpStatusCode.OK, (await Post(dost, $"/applications/{id}/select", Decision)).StatusCode);
        await AssertProblem(await Post(dost, $"/applications/{id}/evaluation", new { outcome = "achieved", notes = "x" }), HttpStatusCode.Conflict, "only from supported");
        Assert.Equal(HttpStatusCode.OK, (await Post(dost, $"/applications/{id}/support", new { date = "2026-05-01" })).StatusCode);
        var evaluated = await Post(dost, $"/applications/{id}/evaluation", new { date = "2026-11-20", outcome = "achieved", notes = "Đạt" });
        Assert.Equal(HttpStatusCode.OK, evaluated.StatusCode);
        await AssertProblem(await Post(dost, $"/applications/{id}/survey", new { notes = "x" }), HttpStatusCode.Conflict, "evaluated and has no further stage");

        var view = await dost.GetFromJsonAsync<JsonElement>($"/api/programme/support/applications/{id}", Ct);
        Assert.Equal("evaluated", view.GetProperty("stage").GetString());
        Assert.Equal(3 * 8 + 2 * 4, view.GetProperty("totalScore").GetDecimal());
        Assert.Equal("12/QĐ-SKHCN", view.GetProperty("decisionNumber").GetString());
    }

    [Fact]
    public async Task A_rejected_application_goes_no_further()
    {
        var dost = await ProgrammeKit.DostClientAsync(App);
        var (call, criteria) = await CallAsync(dost);
        var (org, product) = await ProgrammeKit.BusinessAsync(App);
        var id = await ApplyAsync(dost, call, org, product);
        await Post(dost, $"/applications/{id}/survey", new { notes = "x" });
        await Post(dost, $"/applications/{id}/scores", Scores(criteria, 1, 1));
        await AssertProblem(await Post(dost, $"/applications/{id}/reject", new { decisionNumber = "1", decisionDate = "2026-04-20" }), HttpStatusCode.BadRequest, "reason is required");
        Assert.Equal(HttpStatusCode.OK, (await Post(dost, $"/applications/{id}/reject", new { decisionNumber = "1", decisionDate = "2026-04-20", reason = "Dưới điểm sàn" })).StatusCode);
        await AssertProblem(await Post(dost, $"/applications/{id}/support", new { }), HttpStatusCode.Conflict, "rejected and has no further stage");
    }

    [Fact]
    public async Task Scores_outside_a_criterion_range_and_missing_criteria_are_refused()
    {
        var dost = await ProgrammeKit.DostClientAsync(App);
        var (call, criteria) = await CallAsync(dost);
        var (org, product) = await ProgrammeKit.BusinessAsync(App);
        var id = await ApplyAsync(dost, call, org, product);
        await Post(dost, $"/applications/{id}/survey", new { notes = "x" });
        await AssertProblem(await Post(dost, $"/applications/{id}/scores", Scores(criteria, 11, 3)), HttpStatusCode.BadRequest, "between 0 and 10; 11 is outside");
        await AssertProblem(await Post(dost, $"/applications/{id}/scores", Scores(criteria, 5, 0)), HttpStatusCode.BadRequest, "between 1 and 5; 0 is outside");
        await AssertProblem(await Post(dost, $"/applications/{id}/scores", new { scores = new[] { new { criterionId = criteria[0], score = 5 } } }), HttpStatusCode.BadRequest, "Score each criterion exactly once");
        Assert.Equal(HttpStatusCode.OK, (await Post(dost, $"/applications/{id}/scores", Scores(criteria, 10, 5))).StatusCode);
    }

    [Fact]
    public async Task Department_and_commune_keys_cannot_open_calls_or_select_and_a_department_cannot_apply_outside_its_sectors()
    {
        var dost = await ProgrammeKit.DostClientAsync(App);
        var (department, _) = await ProgrammeKit.DepartmentClientAsync(App, "agriculture");
        var commune = await ProgrammeKit.CommuneClientAsync(App, "24121");
        var (call, criteria) = await CallAsync(dost);
        await AssertProblem(await Post(department, "/calls", new { year = 2026, title = "x", criteria = new[] { new { name = "a", weight = 1, minScore = 0, maxScore = 5 } } }), HttpStatusCode.Forbidden, "Only a DoST officer");

        var (inSector, product) = await ProgrammeKit.BusinessAsync(App, "agriculture");
        var (outside, otherProduct) = await ProgrammeKit.BusinessAsync(App, "aquaculture", "99999");
        var id = await ApplyAsync(department, call, inSector, product);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(department, $"/calls/{call}/applications", new { organizationId = outside, productIds = new[] { otherProduct } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(commune, $"/calls/{call}/applications", new { organizationId = outside, productIds = new[] { otherProduct } })).StatusCode);
        // Another business's product cannot be named.
        await AssertProblem(await Post(dost, $"/calls/{call}/applications", new { organizationId = outside, productIds = new[] { product } }), HttpStatusCode.BadRequest, "registered product of the applying business");

        Assert.Equal(HttpStatusCode.OK, (await Post(department, $"/applications/{id}/survey", new { notes = "Khảo sát" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(department, $"/applications/{id}/scores", Scores(criteria))).StatusCode);
        await AssertProblem(await Post(department, $"/applications/{id}/select", Decision), HttpStatusCode.Forbidden, "Only a DoST officer selects");
        await AssertProblem(await Post(commune, $"/applications/{id}/select", Decision), HttpStatusCode.Forbidden, "Only a DoST officer selects");
        Assert.Equal(HttpStatusCode.OK, (await Post(dost, $"/applications/{id}/select", Decision)).StatusCode);
        // The department does not see the business outside its sectors.
        var list = await department.GetFromJsonAsync<JsonElement>($"/api/programme/support/applications?callId={call}", Ct);
        Assert.All(list.EnumerateArray(), a => Assert.Equal(inSector, a.GetProperty("organizationId").GetGuid()));
        var inspector = await ProgrammeKit.DostClientAsync(App, Roles.Inspector);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(inspector, $"/applications/{id}/support", new { })).StatusCode);
    }

    [Fact]
    public async Task Spending_beyond_a_budget_line_is_refused_unless_a_DoST_officer_records_an_override_with_a_reason()
    {
        var dost = await ProgrammeKit.DostClientAsync(App);
        var (department, _) = await ProgrammeKit.DepartmentClientAsync(App, "agriculture");
        var (call, criteria) = await CallAsync(dost);
        var (org, product) = await ProgrammeKit.BusinessAsync(App);
        var id = await ApplyAsync(dost, call, org, product);
        await AssertProblem(await Post(dost, $"/applications/{id}/activities", new { kind = "stamps", description = "Tem", budgetLines = new[] { new { fundingSource = "Ngân sách tỉnh", planned = 10_000_000L } } }),
            HttpStatusCode.Conflict, "only for a selected or supported application");
        await Post(dost, $"/applications/{id}/survey", new { notes = "x" });
        await Post(dost, $"/applications/{id}/scores", Scores(criteria));
        await Post(dost, $"/applications/{id}/select", Decision);
        await AssertProblem(await Post(dost, $"/applications/{id}/activities", new { kind = "gifts", description = "x" }), HttpStatusCode.BadRequest, "kind must be");
        var activity = await Post(dost, $"/applications/{id}/activities", new { kind = "stamps", description = "In tem QR", budgetLines = new[] { new { fundingSource = "Ngân sách tỉnh", planned = 10_000_000L } } });
        Assert.Equal(HttpStatusCode.Created, activity.StatusCode);
        var line = (await dost.GetFromJsonAsync<JsonElement>($"/api/programme/support/applications/{id}", Ct))
            .GetProperty("activities")[0].GetProperty("budgetLines")[0].GetProperty("id").GetGuid();

        await AssertProblem(await Post(dost, $"/budget-lines/{line}/entries", new { kind = "spending", amount = 1_000_000L }), HttpStatusCode.Conflict, "spent only while it is supported");
        Assert.Equal(HttpStatusCode.Created, (await Post(dost, $"/budget-lines/{line}/entries", new { kind = "commitment", amount = 10_000_000L })).StatusCode);
        await Post(dost, $"/applications/{id}/support", new { date = "2026-05-01" });
        Assert.Equal(HttpStatusCode.Created, (await Post(department, $"/budget-lines/{line}/entries", new { kind = "spending", amount = 9_000_000L })).StatusCode);
        await AssertProblem(await Post(dost, $"/budget-lines/{line}/entries", new { kind = "spending", amount = 1_500_000L }), HttpStatusCode.Conflict, "beyond the 10,000,000 VND planned");
        await AssertProblem(await Post(department, $"/budget-lines/{line}/entries", new { kind = "spending", amount = 1_500_000L, overrideReason = "Giá tăng" }), HttpStatusCode.Forbidden, "overrides a budget line");
        Assert.Equal(HttpStatusCode.Created, (await Post(dost, $"/budget-lines/{line}/entries", new { kind = "spending", amount = 1_500_000L, date = "2026-06-01", overrideReason = "Giá in tem tăng" })).StatusCode);

        var budget = (await dost.GetFromJsonAsync<JsonElement>($"/api/programme/support/applications/{id}", Ct)).GetProperty("activities")[0].GetProperty("budgetLines")[0];
        Assert.Equal(10_500_000L, budget.GetProperty("spent").GetInt64());
        Assert.Equal(10_000_000L, budget.GetProperty("committed").GetInt64());
        var entries = budget.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(3, entries.Count);
        Assert.Equal("Giá in tem tăng", entries[2].GetProperty("overrideReason").GetString());
        Assert.Equal(JsonValueKind.Null, entries[1].GetProperty("overrideReason").ValueKind);
    }

    [Fact]
    public async Task Supported_businesses_and_their_named_products_count_in_the_year_support_began()
    {
        var dost = await ProgrammeKit.DostClientAsync(App);
        var (call, criteria) = await CallAsync(dost, 2031);
        var (org, product) = await ProgrammeKit.BusinessAsync(App);
        var period = IndicatorPeriod.Year(2031);
        var before = await IndicatorsAsync(period);
        var id = await ApplyAsync(dost, call, org, product);
        await Post(dost, $"/applications/{id}/survey", new { notes = "x" });
        await Post(dost, $"/applications/{id}/scores", Scores(criteria));
        await Post(dost, $"/applications/{id}/select", new { decisionNumber = "1", decisionDate = "2031-02-01" });
        Assert.Equal(before, await IndicatorsAsync(period));
        Assert.Equal(HttpStatusCode.OK, (await Post(dost, $"/applications/{id}/support", new { date = "2031-03-01" })).StatusCode);
        var after = await IndicatorsAsync(period);
        Assert.Equal(before.Businesses + 1, after.Businesses);
        Assert.Equal(before.Products + 1, after.Products);
        // A period that starts after the support began does not count it.
        Assert.Equal(0, (await IndicatorsAsync(new IndicatorPeriod(new DateOnly(2031, 3, 2), new DateOnly(2032, 1, 1)))).Businesses);
    }

    private async Task<(decimal Businesses, decimal Products)> IndicatorsAsync(IndicatorPeriod period)
    {
        await using var scope = App.ServerServices.CreateAsyncScope();
        var dost = await scope.ServiceProvider.GetRequiredService<VnTraceDbContext>().Agencies.FirstAsync(a => a.Kind == AgencyKind.Dost, Ct);
        var officer = new OfficerScope(dost.Id, dost.Name, AgencyKind.Dost, Roles.Authority, [], null, Guid.NewGuid());
        var indicators = scope.ServiceProvider.GetServices<IIndicator>().ToList();
        var businesses = await indicators.Single(i => i.Code == IndicatorCodes.BusinessesSupported).ComputeAsync(period, officer, Ct);
        var products = await indicators.Single(i => i.Code == IndicatorCodes.ProductsSupported).ComputeAsync(period, officer, Ct);
        return (businesses.Actual, products.Actual);
    }
}

public sealed class SqliteSupportApiTests(SqliteAppFixture fixture) : SupportApiTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresSupportApiTests(PostgresAppFixture fixture) : SupportApiTests(fixture), IClassFixture<PostgresAppFixture>;
