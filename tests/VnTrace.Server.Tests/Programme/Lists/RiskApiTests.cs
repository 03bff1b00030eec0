using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Programme.Lists;

/// <summary>POST /api/programme/risk/assess and the ministries' high-risk lists, on SQLite and PostgreSQL.</summary>
public abstract class RiskApiTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    internal static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(body)!.AsObject();
    }

    [Fact]
    public async Task Assess_gives_r_and_level_as_the_contract_says()
    {
        var dost = await ProgrammeKeys.DostAsync(App);
        var response = await dost.PostAsync("/api/programme/risk/assess", new StringContent("""{"k":1.0,"c":3,"p":2}""", Encoding.UTF8, "application/json"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(6.0m, body["r"]!.GetValue<decimal>());
        Assert.Equal("medium", body["level"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("0.5", 3, 3, "4.5", "medium")]   // exactly 4.5: medium (bound inclusive)
    [InlineData("1.1", 2, 2, "4.4", "low")]      // just below 4.5
    [InlineData("0.5", 1, 1, "0.5", "low")]
    [InlineData("1.0", 4, 4, "16", "high")]      // exactly 16: high
    [InlineData("1.25", 4, 3, "15", "medium")]   // below 16
    [InlineData("0.79", 4, 5, "15.8", "medium")] // just below 16
    [InlineData("2.0", 5, 5, "50", "high")]
    public async Task Levels_change_exactly_at_4_5_and_16(string k, int c, int p, string r, string level)
    {
        var dost = await ProgrammeKeys.DostAsync(App);
        var response = await dost.PostAsync("/api/programme/risk/assess", new StringContent($$"""{"k":{{k}},"c":{{c}},"p":{{p}}}""", Encoding.UTF8, "application/json"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(decimal.Parse(r, System.Globalization.CultureInfo.InvariantCulture), body["r"]!.GetValue<decimal>());
        Assert.Equal(level, body["level"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"k":0.49,"c":3,"p":2}""", "k")]
    [InlineData("""{"k":2.01,"c":3,"p":2}""", "k")]
    [InlineData("""{"c":3,"p":2}""", "k")]
    [InlineData("""{"k":1.0,"c":0,"p":2}""", "c")]
    [InlineData("""{"k":1.0,"c":6,"p":2}""", "c")]
    [InlineData("""{"k":1.0,"c":2.5,"p":2}""", "c")]
    [InlineData("""{"k":1.0,"c":3,"p":0}""", "p")]
    [InlineData("""{"k":1.0,"c":3,"p":6}""", "p")]
    public async Task Out_of_range_input_is_refused_with_400_naming_the_field(string json, string field)
    {
        var dost = await ProgrammeKeys.DostAsync(App);
        var problem = await ProblemAsync(await dost.PostAsync("/api/programme/risk/assess", new StringContent(json, Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.Contains(problem["errors"]!.AsArray(), e => e!["field"]!.GetValue<string>() == field);
    }

    [Fact]
    public async Task A_stored_assessment_sets_its_group_level_and_a_commune_may_not_store_one()
    {
        var group = "Nhóm " + Guid.NewGuid().ToString("N")[..8];
        var (department, _) = await ProgrammeKeys.DepartmentAsync(App, "agriculture");
        var (commune, _) = await ProgrammeKeys.CommuneAsync(App, "24000");
        var stored = await department.PostAsJsonAsync("/api/programme/risk/assess", new { k = 2.0, c = 4, p = 2, productGroup = group, effectiveFrom = "2026-01-01" });
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.NotNull(JsonNode.Parse(await stored.Content.ReadAsStringAsync())!["id"]);
        await ProblemAsync(await commune.PostAsJsonAsync("/api/programme/risk/assess", new { k = 1.0, c = 1, p = 1, productGroup = group }), HttpStatusCode.Forbidden);

        var groups = JsonNode.Parse(await department.GetStringAsync("/api/programme/risk/groups?day=2026-06-01"))!.AsArray();
        var mine = Assert.Single(groups, g => g!["productGroup"]!.GetValue<string>() == group)!;
        Assert.Equal("high", mine["level"]!.GetValue<string>());
        Assert.Equal(16m, mine["r"]!.GetValue<decimal>());
    }

    private static MultipartFormDataContent File(string csv, string name = "list.csv")
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", name);
        return form;
    }

    [Fact]
    public async Task A_ministry_list_with_broken_rows_is_reported_by_row_and_nothing_is_imported()
    {
        var dost = await ProgrammeKeys.DostAsync(App);
        var good = "Nhóm " + Guid.NewGuid().ToString("N")[..8];
        var csv = $"group,effective date\r\n{good},2026-01-23\r\n,2026-02-01\r\nThịt lợn,31/02/2026\r\n";
        var problem = await ProblemAsync(await dost.PostAsync("/api/programme/risk/high-risk-lists", File(csv)), HttpStatusCode.BadRequest);
        var rows = problem["errors"]!.AsArray().Select(e => e!["row"]!.GetValue<int>()).ToList();
        Assert.Equal([3, 4], rows);
        Assert.False(await App.WithDbAsync(db => db.RiskAssessments.AnyAsync(a => a.ProductGroup == good)));
    }

    [Fact]
    public async Task A_ministry_list_sets_its_groups_high_from_their_date_and_only_the_dost_imports_it()
    {
        var dost = await ProgrammeKeys.DostAsync(App);
        var (department, _) = await ProgrammeKeys.DepartmentAsync(App, "agriculture");
        var group = "Nhóm " + Guid.NewGuid().ToString("N")[..8];
        // Assessed low first; the ministry's list overrides it from its effective date.
        Assert.Equal(HttpStatusCode.OK, (await dost.PostAsJsonAsync("/api/programme/risk/assess", new { k = 1.0, c = 1, p = 1, productGroup = group, effectiveFrom = "2026-01-01" })).StatusCode);
        var csv = $"Nhóm sản phẩm,Ngày hiệu lực\r\n{group},01/03/2026\r\n";
        await ProblemAsync(await department.PostAsync("/api/programme/risk/high-risk-lists", File(csv)), HttpStatusCode.Forbidden);
        var imported = await dost.PostAsync("/api/programme/risk/high-risk-lists", File(csv));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        Assert.Equal(1, JsonNode.Parse(await imported.Content.ReadAsStringAsync())!["imported"]!.GetValue<int>());

        async Task<string> LevelOn(string day) => JsonNode.Parse(await dost.GetStringAsync("/api/programme/risk/groups?day=" + day))!.AsArray()
            .Single(g => g!["productGroup"]!.GetValue<string>() == group)!["level"]!.GetValue<string>();
        Assert.Equal("low", await LevelOn("2026-02-28"));
        Assert.Equal("high", await LevelOn("2026-03-01"));
    }
}

public sealed class SqliteRiskApiTests(SqliteAppFixture fixture) : RiskApiTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresRiskApiTests(PostgresAppFixture fixture) : RiskApiTests(fixture), IClassFixture<PostgresAppFixture>;
