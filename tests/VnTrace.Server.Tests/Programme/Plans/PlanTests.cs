using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Text;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Plans;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Programme.Plans;

/// <summary>
/// The plan's targets and their progress: actuals are computed from the records when asked (a capture through the
/// API moves businesses_interoperable_pct at once), targets are checked all or nothing, and only the DoST sets them.
/// </summary>
public abstract class PlanTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private int ThisYear => VietnamTime.Today(App.Clock).Year;

    private async Task<(Guid PlanId, HttpClient Dost)> PlanWithTargetsAsync(Dictionary<string, decimal> targets)
    {
        var (_, dost) = await App.DostClientAsync();
        var created = await dost.PostAsJsonAsync("/api/programme/plans", new { name = ProgrammeTestKit.Unique("Kế hoạch"), from = ThisYear, to = ThisYear + 4, decisionNumber = "12/QĐ-UBND" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var plan = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(ThisYear, (int)plan["from"]!);
        Assert.Equal(ThisYear + 4, (int)plan["to"]!);
        var id = Guid.Parse((string)plan["id"]!);
        var set = await dost.PutAsJsonAsync($"/api/programme/plans/{id}/targets/{ThisYear}", new { targets });
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        return (id, dost);
    }

    private static async Task<JsonObject> ProgressOfAsync(HttpClient client, Guid plan, string indicator, int year)
    {
        var response = await client.GetAsync($"/api/programme/plans/{plan}/progress?year={year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await response.Content.ReadFromJsonAsync<JsonArray>())!;
        return rows.Single(r => (string)r!["indicator"]! == indicator)!.AsObject();
    }

    [Fact]
    public async Task Plans_are_listed_and_progress_gives_every_target_of_the_year_with_indicator_target_actual_percent()
    {
        var (plan, dost) = await PlanWithTargetsAsync(new()
        {
            [IndicatorCodes.SystemsConnectedNational] = 1,
            [IndicatorCodes.BusinessesInteroperablePct] = 70,
        });
        var plans = (await dost.GetFromJsonAsync<JsonArray>("/api/programme/plans"))!;
        var listed = plans.Single(p => (string)p!["id"]! == plan.ToString())!.AsObject();
        foreach (var field in new[] { "id", "name", "from", "to" })
            Assert.True(listed.ContainsKey(field), $"plan without '{field}'");

        var rows = (await dost.GetFromJsonAsync<JsonArray>($"/api/programme/plans/{plan}/progress?year={ThisYear}"))!;
        Assert.Equal([IndicatorCodes.SystemsConnectedNational, IndicatorCodes.BusinessesInteroperablePct], rows.Select(r => (string)r!["indicator"]!).ToArray());
        var national = rows[0]!.AsObject();
        Assert.Equal(1m, (decimal)national["target"]!);
        Assert.Equal(0m, (decimal)national["actual"]!);
        Assert.Equal(0m, (decimal)national["percent"]!);
        Assert.Equal("count", (string)national["unit"]!);
        Assert.Equal("percent", (string)rows[1]!["unit"]!);

        // A year of the plan without targets has no rows; a year outside the plan and a bad year are refused.
        Assert.Empty((await dost.GetFromJsonAsync<JsonArray>($"/api/programme/plans/{plan}/progress?year={ThisYear + 1}"))!);
        await (await dost.GetAsync($"/api/programme/plans/{plan}/progress?year={ThisYear + 5}")).AssertProgrammeProblem(400, "invalid");
        await (await dost.GetAsync($"/api/programme/plans/{plan}/progress?year=next")).AssertProgrammeProblem(400, "invalid");
        await (await dost.GetAsync($"/api/programme/plans/{Guid.NewGuid()}/progress?year={ThisYear}")).AssertProgrammeProblem(404, "not-found");
    }

    [Fact]
    public async Task An_api_capture_moves_the_interoperable_share_at_once_and_diary_entries_do_not()
    {
        var (plan, dost) = await PlanWithTargetsAsync(new() { [IndicatorCodes.BusinessesInteroperablePct] = 50 });
        var before = await ProgressOfAsync(dost, plan, IndicatorCodes.BusinessesInteroperablePct, ThisYear);
        var (businessId, business) = await App.CreateOrganizationClientAsync(ProgrammeTestKit.Unique("HTX"));
        var after = await ProgressOfAsync(dost, plan, IndicatorCodes.BusinessesInteroperablePct, ThisYear);
        // One more approved business, none more interoperable: the denominator grows, the numerator does not.
        Assert.Equal((int)before["denominator"]! + 1, (int)after["denominator"]!);
        Assert.Equal((int)before["numerator"]!, (int)after["numerator"]!);

        var epc = $"urn:epc:id:sgtin:8936012.000010.{Random.Shared.Next(100000, 999999)}";
        var captured = await business.PostJsonLd("/capture", EpcisHttp.Document(EpcisHttp.ObjectEvent(epc: epc, time: DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm:ssK"))));
        Assert.Equal(HttpStatusCode.Accepted, captured.StatusCode);
        var moved = await ProgressOfAsync(dost, plan, IndicatorCodes.BusinessesInteroperablePct, ThisYear);
        Assert.Equal((int)after["numerator"]! + 1, (int)moved["numerator"]!);
        Assert.Equal((int)after["denominator"]!, (int)moved["denominator"]!);
        Assert.True((decimal)moved["actual"]! > (decimal)after["actual"]!);

        var records = (await dost.GetFromJsonAsync<JsonArray>($"/api/programme/plans/{plan}/progress/{IndicatorCodes.BusinessesInteroperablePct}/records?year={ThisYear}"))!;
        Assert.Contains(records, r => (string)r!["id"]! == businessId.ToString());
        await (await dost.GetAsync($"/api/programme/plans/{plan}/progress/not_an_indicator/records?year={ThisYear}")).AssertProgrammeProblem(404, "not-found");

        // The same kind of capture through the diary's path is VnTrace's own screen, not the business's system.
        var (diaryBusiness, _) = await App.CreateOrganizationClientAsync(ProgrammeTestKit.Unique("Hộ"));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var capture = scope.ServiceProvider.GetRequiredService<VnTrace.Server.Capture.CaptureService>();
            var document = VnTrace.Gs1.Epcis.Json.EpcisJsonReader.ReadDocument(System.Text.Encoding.UTF8.GetBytes(EpcisHttp.Document(EpcisHttp.ObjectEvent(
                epc: $"urn:epc:id:sgtin:8936012.000010.{Random.Shared.Next(100000, 999999)}", time: DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm:ssK"))))).Document!;
            var outcome = await capture.CaptureAsync(diaryBusiness, document.Events, i => $"/{i}", CancellationToken.None, channel: VnTrace.Server.Capture.CaptureChannel.Diary);
            Assert.True(outcome.Success);
        }
        var diary = await ProgressOfAsync(dost, plan, IndicatorCodes.BusinessesInteroperablePct, ThisYear);
        Assert.Equal((int)moved["numerator"]!, (int)diary["numerator"]!);
    }

    [Fact]
    public async Task Targets_are_checked_all_or_nothing_and_only_the_dost_sets_plans()
    {
        var (plan, dost) = await PlanWithTargetsAsync(new() { [IndicatorCodes.Articles] = 5 });
        async Task RefusedAsync(object targets, string field)
        {
            var response = await dost.PutAsJsonAsync($"/api/programme/plans/{plan}/targets/{ThisYear}", new { targets });
            var problem = await response.AssertProgrammeProblem(400, "invalid");
            Assert.Contains(problem["errors"]!.AsArray(), e => (string?)e!["field"] == field);
        }
        await RefusedAsync(new Dictionary<string, decimal> { ["articles"] = 6, ["not_an_indicator"] = 1 }, "not_an_indicator");
        await RefusedAsync(new Dictionary<string, decimal> { ["businesses_trained_pct"] = 101 }, "businesses_trained_pct");
        await RefusedAsync(new Dictionary<string, decimal> { ["conferences"] = 2.5m }, "conferences");
        await RefusedAsync(new Dictionary<string, decimal> { ["conferences"] = -1 }, "conferences");
        var outside = await dost.PutAsJsonAsync($"/api/programme/plans/{plan}/targets/{ThisYear + 9}", new { targets = new Dictionary<string, decimal> { ["articles"] = 1 } });
        await outside.AssertProgrammeProblem(400, "invalid");
        // Nothing of the refused sets was stored: the year still has its one target.
        var rows = (await dost.GetFromJsonAsync<JsonArray>($"/api/programme/plans/{plan}/progress?year={ThisYear}"))!;
        Assert.Equal(5m, (decimal)Assert.Single(rows)!["target"]!);

        var department = await App.AgencyClientAsync(await App.CreateOfficerAsync(await App.CreateAgencyAsync(AgencyKind.Department, ["agriculture"]), Roles.DepartmentOfficer));
        await (await department.PostAsJsonAsync("/api/programme/plans", new { name = "Kế hoạch của sở", from = ThisYear, to = ThisYear })).AssertProgrammeProblem(403, "forbidden");
        await (await department.PutAsJsonAsync($"/api/programme/plans/{plan}/targets/{ThisYear}", new { targets = new Dictionary<string, decimal>() })).AssertProgrammeProblem(403, "forbidden");
        // The department reads the plan and its progress, within its sectors.
        Assert.Equal(HttpStatusCode.OK, (await department.GetAsync($"/api/programme/plans/{plan}/progress?year={ThisYear}")).StatusCode);

        await (await dost.PostAsJsonAsync("/api/programme/plans", new { name = "Ngược", from = ThisYear, to = ThisYear - 1 })).AssertProgrammeProblem(400, "invalid");
        await (await dost.PostAsJsonAsync("/api/programme/plans", new { name = "Quá dài", from = 2026, to = 2040 })).AssertProgrammeProblem(400, "invalid");
        await (await dost.PostAsJsonAsync("/api/programme/plans", new { name = "", from = 2026, to = 2030 })).AssertProgrammeProblem(400, "invalid");
        await (await dost.PostAsJsonAsync("/api/programme/plans", new { name = "Không năm" })).AssertProgrammeProblem(400, "invalid");
    }

    [Theory]
    [InlineData(10, 4, 0.5, "Behind")]   // expected 5 by mid-year, 4 done
    [InlineData(10, 5, 0.5, "OnTrack")]
    [InlineData(10, 10, 0.5, "Reached")]
    [InlineData(10, 0, 0, "NotStarted")]
    [InlineData(10, 9, 1, "Behind")]     // the year is over and the target missed
    public void Pace_is_a_straight_line_through_the_year(int target, int actual, double fraction, string pace)
    {
        var progress = ProgressService.Progress(IndicatorCodes.Articles, target, IndicatorValue.Count(actual), (decimal)fraction);
        Assert.Equal(pace, progress.Pace.ToString());
        Assert.Equal(Math.Round(target * (decimal)fraction, 1), progress.Expected);
        Assert.Equal(Math.Round(100m * actual / target, 1), progress.Percent);
    }

    [Fact]
    public async Task The_dost_sets_targets_on_the_page_and_the_progress_page_and_export_show_them()
    {
        var (plan, _) = await PlanWithTargetsAsync(new() { [IndicatorCodes.Articles] = 5 });
        var officer = await App.CreateOfficerAsync();
        using var pages = await App.SignInAsync(officer.User);
        var saved = await pages.SubmitFormAsync($"/authority/plans/{plan}?year={ThisYear}", new Dictionary<string, string>
        {
            [$"Targets[{IndicatorCodes.Articles}]"] = "6",
            [$"Targets[{IndicatorCodes.BusinessesTrainedPct}]"] = "50,5",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = await pages.GetPageAsync($"/authority/plans/{plan}?year={ThisYear}");
        Assert.Contains($"data-indicator=\"{IndicatorCodes.Articles}\"", html);
        Assert.Contains($"data-indicator=\"{IndicatorCodes.BusinessesTrainedPct}\"", html);
        Assert.Contains("50.5 %", html);

        var bad = await pages.SubmitFormAsync($"/authority/plans/{plan}?year={ThisYear}", new Dictionary<string, string> { [$"Targets[{IndicatorCodes.Articles}]"] = "năm" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("năm", await bad.Content.ReadAsStringAsync());

        var export = await pages.GetAsync($"/authority/plans/{plan}?handler=Export&year={ThisYear}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);

        var records = await pages.GetAsync($"/authority/plans/{plan}/indicators/{IndicatorCodes.Articles}?year={ThisYear}", followRedirects: false);
        Assert.Equal(HttpStatusCode.OK, records.StatusCode);

        // A department officer sees the progress but not the targets form.
        var department = await App.CreateOfficerAsync(await App.CreateAgencyAsync(AgencyKind.Department, ["agriculture"]), Roles.DepartmentOfficer);
        using var departmentPages = await App.SignInAsync(department.User);
        var seen = await departmentPages.GetPageAsync($"/authority/plans/{plan}?year={ThisYear}");
        Assert.Contains("data-progress", seen);
        Assert.DoesNotContain("Targets[articles]", seen);
    }

    [Fact]
    public async Task Every_indicator_of_the_catalogue_is_computed_by_exactly_one_registered_indicator()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var codes = scope.ServiceProvider.GetServices<IIndicator>().Select(i => i.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(IndicatorCodes.All.Order(), codes.Order());
    }
}

public sealed class SqlitePlanTests(SqliteAppFixture fixture) : PlanTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresPlanTests(PostgresAppFixture fixture) : PlanTests(fixture), IClassFixture<PostgresAppFixture>;
