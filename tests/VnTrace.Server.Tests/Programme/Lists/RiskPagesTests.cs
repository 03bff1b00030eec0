using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Products;
using VnTrace.Server.Programme.Risk;
using VnTrace.Server.Tests.Infrastructure;
using VnTrace.Server.Tests.Products;
using static VnTrace.Server.Tests.Programme.Lists.ListsPageKit;

namespace VnTrace.Server.Tests.Programme.Lists;

/// <summary>/authority/risk: R and its level, stored assessments with who and when, roles, the ministry list import with its errors by row.</summary>
public abstract class RiskPagesTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private static Dictionary<string, string> Assess(string k, int c, int p, string? group = null, string? gtin = null) => new()
    {
        ["Form.K"] = k, ["Form.C"] = c.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Form.P"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Form.ProductGroup"] = group ?? "", ["Form.Gtin"] = gtin ?? "", ["Form.EffectiveFrom"] = "2026-02-01", ["Form.Basis"] = "Đánh giá thử",
    };

    [Theory]
    [InlineData("1,5", 3, 1, "data-result=\"medium\"", "4,5")]
    [InlineData("1.0", 2, 2, "data-result=\"low\"", "R = 4:")]
    [InlineData("2", 4, 2, "data-result=\"high\"", "R = 16:")]
    public async Task Computing_shows_r_and_its_level_with_either_decimal_mark(string k, int c, int p, string level, string r)
    {
        var (_, pages) = await DostPagesAsync(App);
        var token = await TokenAsync(pages, "/authority/risk");
        var response = await pages.PostFormAsync("/authority/risk?handler=Compute", Assess(k, c, p), token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(level, html);
        Assert.Contains(r, html);
    }

    [Fact]
    public async Task Out_of_range_inputs_are_refused_with_a_message()
    {
        var (_, pages) = await DostPagesAsync(App);
        var token = await TokenAsync(pages, "/authority/risk");
        var html = await (await pages.PostFormAsync("/authority/risk?handler=Compute", Assess("3", 6, 0), token)).Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\"", html);
        Assert.Contains("k (the coefficient) must be between", html);
        Assert.Contains("c (consequence)", html);
        Assert.Contains("p (probability)", html);
    }

    [Fact]
    public async Task A_department_stores_a_group_and_a_product_assessment_seen_in_the_history_with_who_and_a_commune_is_refused()
    {
        var group = "Nhóm " + Guid.NewGuid().ToString("N")[..8];
        var (department, pages) = await DepartmentPagesAsync(App, "agriculture");
        var token = await TokenAsync(pages, "/authority/risk");
        var stored = await pages.PostFormAsync("/authority/risk?handler=Store", Assess("1.0", 3, 2, group), token);
        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        var assessment = await App.WithDbAsync(db => db.RiskAssessments.SingleAsync(a => a.ProductGroup == group));
        Assert.Equal(RiskLevel.Medium, assessment.Level);
        Assert.Equal(6m, assessment.R);
        Assert.Equal(department.Scope.Actor, assessment.AssessedBy);

        var history = await pages.GetPageAsync("/authority/risk?Group=" + Uri.EscapeDataString(group));
        Assert.Contains("Đã lưu đánh giá.", history);
        var row = history[history.IndexOf($"data-assessment=\"{assessment.Id}\"", StringComparison.Ordinal)..];
        Assert.Contains(group, row[..row.IndexOf("</tr>", StringComparison.Ordinal)]);
        Assert.Contains(department.User.UserName, row[..row.IndexOf("</tr>", StringComparison.Ordinal)]);
        Assert.Contains(department.Scope.AgencyName, row[..row.IndexOf("</tr>", StringComparison.Ordinal)]);

        // One product of the group, by its GTIN, overrides it.
        var owner = await App.CreateBusinessUserAsync("HTX rủi ro " + Guid.NewGuid().ToString("N")[..6]);
        var gtin = "0" + ProductTestData.NewGtin13();
        await App.WithDbAsync(db =>
        {
            db.Products.Add(new Product { OrganizationId = owner.OrganizationId!.Value, Gtin = gtin, NameVi = "Sản phẩm rủi ro", Category = group, Unit = "kg" });
            return db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostFormAsync("/authority/risk?handler=Store", Assess("2", 5, 4, gtin: gtin[1..]), token)).StatusCode);
        var own = await App.WithDbAsync(db => db.RiskAssessments.SingleAsync(a => a.ProductId != null && a.GroupKey == group.ToLowerInvariant()));
        Assert.Equal(RiskLevel.High, own.Level);
        var unknown = await pages.PostFormAsync("/authority/risk?handler=Store", Assess("2", 5, 4, gtin: "0000000000000"), token);
        Assert.Contains("Không có sản phẩm nào mang GTIN", await unknown.Content.ReadAsStringAsync());

        var (_, commune) = await CommunePagesAsync(App, ProgrammeTestAgencies.UniqueCommune());
        var communeToken = await TokenAsync(commune, "/authority/risk");
        var refused = await commune.PostFormAsync("/authority/risk?handler=Store", Assess("1.0", 3, 2, group + " xã"), communeToken);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Only the DoST and the departments store risk assessments.", await refused.Content.ReadAsStringAsync());
        Assert.False(await App.WithDbAsync(db => db.RiskAssessments.AnyAsync(a => a.ProductGroup == group + " xã")));
    }

    private static async Task<HttpResponseMessage> ImportAsync(PageClient pages, string token, string csv)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), PageClient.AntiforgeryField },
            { new StringContent("Quyết định thử của Bộ"), "basis" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "danh-muc.csv" },
        };
        return await pages.Http.PostAsync("/authority/risk?handler=Import", form);
    }

    [Fact]
    public async Task The_dost_imports_a_ministry_list_with_errors_reported_by_row_and_then_whole_and_a_department_may_not()
    {
        var good = "Nhóm " + Guid.NewGuid().ToString("N")[..8];
        var (_, pages) = await DostPagesAsync(App);
        var token = await TokenAsync(pages, "/authority/risk");

        var broken = await ImportAsync(pages, token, $"Nhóm sản phẩm,Ngày hiệu lực\r\n{good},2026-01-23\r\n,2026-02-01\r\nThịt lợn,31/02/2026\r\n");
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        var html = await broken.Content.ReadAsStringAsync();
        var errors = html[html.IndexOf("data-import-errors", StringComparison.Ordinal)..];
        Assert.Contains("Dòng 3:", errors);
        Assert.Contains("Dòng 4:", errors);
        Assert.Contains("31/02/2026", errors);
        Assert.False(await App.WithDbAsync(db => db.RiskAssessments.AnyAsync(a => a.ProductGroup == good)));

        var imported = await ImportAsync(pages, token, $"Nhóm sản phẩm,Ngày hiệu lực\r\n{good},2026-01-23\r\n");
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var after = await pages.GetPageAsync("/authority/risk");
        Assert.Contains("Đã nhập 1 nhóm rủi ro cao.", after);
        var row = after[after.IndexOf($">{good}</a>", StringComparison.Ordinal)..];
        Assert.Contains("Danh mục của Bộ", row[..row.IndexOf("</tr>", StringComparison.Ordinal)]);

        var (_, department) = await DepartmentPagesAsync(App, "agriculture");
        var departmentHtml = await department.GetPageAsync("/authority/risk");
        Assert.DoesNotContain("handler=Import", departmentHtml);
        var refused = await ImportAsync(department, PageClient.FindForm(departmentHtml)!.AntiforgeryToken!, $"Nhóm sản phẩm,Ngày hiệu lực\r\n{good} sở,2026-01-23\r\n");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Only DoST officers import", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Hostile_text_in_an_assessment_is_rendered_as_text()
    {
        var group = "<img src=x onerror=alert(1)> " + Guid.NewGuid().ToString("N")[..6];
        var (_, pages) = await DostPagesAsync(App);
        var token = await TokenAsync(pages, "/authority/risk");
        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostFormAsync("/authority/risk?handler=Store", Assess("1", 1, 1, group), token)).StatusCode);
        var html = await pages.GetPageAsync("/authority/risk");
        Assert.DoesNotContain("<img src=x onerror=alert(1)>", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
    }
}

public sealed class SqliteRiskPagesTests(SqliteAppFixture fixture) : RiskPagesTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresRiskPagesTests(PostgresAppFixture fixture) : RiskPagesTests(fixture), IClassFixture<PostgresAppFixture>;
