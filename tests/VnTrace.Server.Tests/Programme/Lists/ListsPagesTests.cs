using System.Net;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Programme.Lists;
using VnTrace.Server.Tests.Infrastructure;
using static VnTrace.Server.Tests.Programme.Lists.ListsPageKit;

namespace VnTrace.Server.Tests.Programme.Lists;

/// <summary>/authority/lists: filters, the filtered xlsx, proposals within and outside scope, the DoST's decisions, the edition's freeze and copy, the history.</summary>
public abstract class ListsPagesTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private static string Run() => Guid.NewGuid().ToString("N")[..6];

    private static Dictionary<string, string> Propose(string group, string sector = "agriculture", string list = "priority") => new()
    {
        ["Form.List"] = list, ["Form.ProductGroup"] = group, ["Form.Sector"] = sector, ["Form.Reason"] = "Sản phẩm chủ lực",
        ["Form.LegalBasis"] = "Nghị định 37/2026/NĐ-CP", ["Form.RoadmapDate"] = "2026-12-31",
    };

    private async Task<ListEntryStatus> StatusAsync(Guid id) =>
        await App.WithDbAsync(db => db.ProductListEntries.Where(e => e.Id == id).Select(e => e.Status).FirstAsync());

    [Fact]
    public async Task The_lists_page_filters_by_list_status_sector_and_agency_and_exports_only_the_filtered_rows()
    {
        var year = ProgrammeKeys.NewYear(App);
        var run = Run();
        var (dost, pages) = await DostPagesAsync(App);
        var (department, _) = await DepartmentPagesAsync(App, "food-processing");
        var coffee = await ProposeAsync(App, dost.Scope, year, $"Cà phê {run}", "priority", "agriculture");
        await ProposeAsync(App, dost.Scope, year, $"Sầu riêng {run}", "mandatory", "agriculture");
        await ProposeAsync(App, department.Scope, year, $"Gạo {run}", "priority", "food-processing");
        await WithServiceAsync<ProductListService, object>(App, async s => await s.ApproveAsync(dost.Scope, coffee.Id, null, default));

        var all = await pages.GetPageAsync($"/authority/lists?Year={year}");
        Assert.Contains($"Cà phê {run}", all);
        Assert.Contains($"Sầu riêng {run}", all);
        Assert.Contains($"Gạo {run}", all);

        var priority = await pages.GetPageAsync($"/authority/lists?Year={year}&List=priority");
        Assert.Contains($"Cà phê {run}", priority);
        Assert.DoesNotContain($"Sầu riêng {run}", priority);
        var approved = await pages.GetPageAsync($"/authority/lists?Year={year}&Status=approved");
        Assert.Contains($"Cà phê {run}", approved);
        Assert.DoesNotContain($"Gạo {run}", approved);
        var food = await pages.GetPageAsync($"/authority/lists?Year={year}&Sector=food-processing");
        Assert.Contains($"Gạo {run}", food);
        Assert.DoesNotContain($"Cà phê {run}", food);
        var byAgency = await pages.GetPageAsync($"/authority/lists?Year={year}&Agency={department.Scope.AgencyId}");
        Assert.Contains($"Gạo {run}", byAgency);
        Assert.DoesNotContain($"Sầu riêng {run}", byAgency);

        var export = await pages.GetAsync($"/authority/lists?handler=Export&Year={year}&List=priority");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        var rows = XlsxRows(await export.Content.ReadAsByteArrayAsync());
        Assert.Contains("Nhóm sản phẩm / Product group", rows[0]);
        var groups = rows.Skip(1).Select(r => r.FirstOrDefault(c => c.Contains(run, StringComparison.Ordinal))).Where(c => c is not null).ToList();
        Assert.Equal([$"Cà phê {run}", $"Gạo {run}"], groups.Order(StringComparer.Ordinal));
        Assert.All(rows.Skip(1), r => Assert.Equal("priority", r[0]));
    }

    [Fact]
    public async Task A_department_officer_proposes_within_its_sectors_and_is_refused_outside_them_with_a_message()
    {
        var year = ProgrammeKeys.NewYear(App);
        var run = Run();
        var (department, pages) = await DepartmentPagesAsync(App, "agriculture");
        var page = $"/authority/lists?Year={year}";

        var html = await pages.GetPageAsync(page);
        Assert.DoesNotContain("value=\"handicrafts\"", html[html.IndexOf("Form_Sector", StringComparison.Ordinal)..]);
        var token = PageClient.FindForm(html)!.AntiforgeryToken!;
        var proposed = await pages.PostFormAsync($"/authority/lists?handler=Propose&Year={year}", Propose($"Bơ {run}"), token);
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var entry = await App.WithDbAsync(db => db.ProductListEntries.FirstAsync(e => e.Year == year && e.ProductGroup == $"Bơ {run}"));
        Assert.Equal(ListEntryStatus.Proposed, entry.Status);
        Assert.Equal(department.Scope.AgencyId, entry.ProposedByAgencyId);
        var after = await pages.GetPageAsync(page);
        Assert.Contains("Đã gửi đề xuất.", after);

        var outside = await pages.PostFormAsync($"/authority/lists?handler=Propose&Year={year}", Propose($"Mây tre {run}", "handicrafts"), token);
        Assert.Equal(HttpStatusCode.OK, outside.StatusCode);
        var body = await outside.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\"", body);
        Assert.Contains("not handicrafts", body);
        Assert.False(await App.WithDbAsync(db => db.ProductListEntries.AnyAsync(e => e.ProductGroup == $"Mây tre {run}")));

        var invalid = await pages.PostFormAsync($"/authority/lists?handler=Propose&Year={year}", Propose(""), token);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("productGroup is required", await invalid.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_commune_officer_proposes_and_the_approve_reject_freeze_and_copy_actions_are_refused_to_department_and_commune_officers()
    {
        var year = ProgrammeKeys.NewYear(App);
        var run = Run();
        var (_, departmentPages) = await DepartmentPagesAsync(App, "agriculture");
        var (_, communePages) = await CommunePagesAsync(App, ProgrammeTestAgencies.UniqueCommune());
        var page = $"/authority/lists?Year={year}";

        var communeToken = await TokenAsync(communePages, page);
        Assert.Equal(HttpStatusCode.Redirect,
            (await communePages.PostFormAsync($"/authority/lists?handler=Propose&Year={year}", Propose($"Mật ong {run}", "livestock"), communeToken)).StatusCode);
        var entry = await App.WithDbAsync(db => db.ProductListEntries.FirstAsync(e => e.Year == year && e.ProductGroup == $"Mật ong {run}"));

        foreach (var pages in new[] { departmentPages, communePages })
        {
            var html = await pages.GetPageAsync(page);
            Assert.Contains($"Mật ong {run}", html);
            Assert.DoesNotContain("handler=Approve", html);
            Assert.DoesNotContain("handler=Freeze", html);
            var token = PageClient.FindForm(html)!.AntiforgeryToken!;
            foreach (var (handler, fields) in new (string, Dictionary<string, string>)[]
                     {
                         ($"Approve&id={entry.Id}", new() { ["reason"] = "tự duyệt" }),
                         ($"Reject&id={entry.Id}", new() { ["reason"] = "tự từ chối" }),
                         ("Freeze", new() { ["decision"] = "QĐ tự ban hành" }),
                         ("StartNext", new()),
                     })
            {
                var refused = await pages.PostFormAsync($"/authority/lists?handler={handler}&Year={year}", fields, token);
                Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
                var body = await refused.Content.ReadAsStringAsync();
                Assert.Contains("role=\"alert\"", body);
                Assert.Contains("Only DoST officers", body);
            }
        }
        Assert.Equal(ListEntryStatus.Proposed, await StatusAsync(entry.Id));
        Assert.False(await App.WithDbAsync(db => db.ProductListEditions.AnyAsync(e => e.Year == year && e.Frozen)));
    }

    [Fact]
    public async Task The_dost_approves_rejects_with_a_reason_freezes_the_edition_and_starts_the_next_year_as_a_copy_with_its_history()
    {
        var year = ProgrammeKeys.NewYear(App);
        var run = Run();
        var (dost, pages) = await DostPagesAsync(App);
        var (department, _) = await DepartmentPagesAsync(App, "agriculture");
        var keep = await ProposeAsync(App, department.Scope, year, $"Cà phê {run}");
        var drop = await ProposeAsync(App, department.Scope, year, $"Hồ tiêu {run}");
        var page = $"/authority/lists?Year={year}";

        var html = await pages.GetPageAsync(page);
        Assert.Contains($"id={keep.Id}", html);
        Assert.Contains("handler=Approve", html);
        var token = PageClient.FindForm(html)!.AntiforgeryToken!;
        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostFormAsync($"/authority/lists?handler=Approve&id={keep.Id}&Year={year}",
            new Dictionary<string, string> { ["reason"] = "Đúng tiêu chí" }, token)).StatusCode);
        Assert.Equal(ListEntryStatus.Approved, await StatusAsync(keep.Id));

        // A rejection without its reason is refused on the page; with it, recorded.
        var noReason = await pages.PostFormAsync($"/authority/lists?handler=Reject&id={drop.Id}&Year={year}", new Dictionary<string, string> { ["reason"] = " " }, token);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("A rejection needs its reason.", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostFormAsync($"/authority/lists?handler=Reject&id={drop.Id}&Year={year}",
            new Dictionary<string, string> { ["reason"] = "Chưa đủ căn cứ" }, token)).StatusCode);
        Assert.Equal(ListEntryStatus.Rejected, await StatusAsync(drop.Id));

        // The next year cannot start while this one is open.
        var early = await pages.PostFormAsync($"/authority/lists?handler=StartNext&Year={year}", [], token);
        Assert.Contains("still open", await early.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostFormAsync($"/authority/lists?handler=Freeze&Year={year}",
            new Dictionary<string, string> { ["decision"] = $"QĐ {run}/QĐ-SKHCN" }, token)).StatusCode);
        var frozen = await pages.GetPageAsync(page);
        Assert.Contains("data-edition=\"frozen\"", frozen);
        Assert.Contains($"QĐ {run}/QĐ-SKHCN", frozen);
        Assert.DoesNotContain("handler=Propose", frozen);

        var started = await pages.PostFormAsync($"/authority/lists?handler=StartNext&Year={year}", [], token);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Contains($"Year={year + 1}", started.Headers.Location!.ToString());
        var copy = await App.WithDbAsync(db => db.ProductListEntries.Where(e => e.Year == year + 1 && e.CopiedFromId != null).ToListAsync());
        var copied = Assert.Single(copy, e => e.CopiedFromId == keep.Id);
        Assert.DoesNotContain(copy, e => e.CopiedFromId == drop.Id);
        var again = await pages.PostFormAsync($"/authority/lists?handler=StartNext&Year={year}", [], token);
        Assert.Contains("already started", await again.Content.ReadAsStringAsync());

        var history = await pages.GetPageAsync($"/authority/lists?Year={year + 1}&History={copied.Id}");
        var list = history[history.IndexOf("data-history", StringComparison.Ordinal)..];
        Assert.Contains($"{year + 1}:", list);
        Assert.Contains($"{year}:", list);
        Assert.Contains("Đúng tiêu chí", list);
        Assert.Contains(department.Scope.AgencyName, list);
    }

    [Fact]
    public async Task Hostile_text_in_an_entry_is_rendered_as_text()
    {
        var year = ProgrammeKeys.NewYear(App);
        var (dost, pages) = await DostPagesAsync(App);
        await ProposeAsync(App, dost.Scope, year, "<script>alert('nhóm')</script>");
        var html = await pages.GetPageAsync($"/authority/lists?Year={year}");
        Assert.DoesNotContain("<script>alert('nhóm')</script>", html);
        Assert.Contains("&lt;script&gt;alert(&#x27;nhóm&#x27;)&lt;/script&gt;", html);
    }

    [Fact]
    public async Task The_page_is_in_English_when_asked()
    {
        var (_, pages) = await DostPagesAsync(App);
        var html = await pages.GetPageAsync($"/authority/lists?Year={ProgrammeKeys.NewYear(App)}&culture=en");
        Assert.Contains("Product lists", html);
        Assert.Contains("Propose an entry", html);
    }
}

public sealed class SqliteListsPagesTests(SqliteAppFixture fixture) : ListsPagesTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresListsPagesTests(PostgresAppFixture fixture) : ListsPagesTests(fixture), IClassFixture<PostgresAppFixture>;
