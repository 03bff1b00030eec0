using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Products;
using VnTrace.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace VnTrace.Server.Tests.Programme.Support;

/// <summary>
/// A support call walked in the browser: the business applies in its workspace; the officers survey, score, select,
/// plan budget lines, support and evaluate (through the agency API); the business sees its application evaluated,
/// the officer sees it with its budget in the console and records the business's certification. Screenshots go to the artifacts.
/// </summary>
public abstract class SupportBrowserTests(AppFixture fixture, BrowserFixture browser)
{
    private VnTraceApp App => fixture.App;
    private string Provider => fixture.Provider.ToString().ToLowerInvariant();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_business_applies_in_its_workspace_is_supported_and_evaluated_and_then_certified()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var owner = await App.CreateBusinessUserAsync($"HTX Cà phê {run}");
        var productName = $"Cà phê nhân {run}";
        await App.WithDbAsync(db =>
        {
            db.Products.Add(new Product { OrganizationId = owner.OrganizationId!.Value, Gtin = "0893" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999), NameVi = productName, Unit = "kg" });
            return db.SaveChangesAsync();
        });
        var dost = await ProgrammeKit.DostClientAsync(App);
        var created = await dost.PostAsJsonAsync("/api/programme/support/calls", new
        {
            year = 2026, title = $"Hỗ trợ TXNG 2026 {run}",
            criteria = new[] { new { name = "Sản phẩm chủ lực", weight = 3, minScore = 0, maxScore = 10 } },
        }, Ct);
        created.EnsureSuccessStatusCode();

        await using var context = await browser.NewContextAsync(App);
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.SignInAsync(owner.UserName);
        await page.GotoAsync("/workspace/support");
        await page.GetByLabel("Đợt hỗ trợ").SelectOptionAsync(new SelectOptionValue { Label = $"Hỗ trợ TXNG 2026 {run} (2026)" });
        await page.GetByLabel(productName).CheckAsync();
        await page.GetByLabel("Nhu cầu hỗ trợ").FillAsync("Tư vấn và tem QR");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã nộp hồ sơ.");
        await Expect(page.Locator("[data-stage]").First).ToHaveTextAsync("Đã nộp");
        await TestArtifacts.ScreenshotAsync(page, $"support-workspace-applied-{Provider}");

        // The officers move the application through its stages, with a budget line.
        var application = await App.WithDbAsync(db => db.SupportApplications.FirstAsync(a => a.OrganizationId == owner.OrganizationId, Ct));
        var criterion = await App.WithDbAsync(db => db.SupportCriteria.FirstAsync(c => c.CallId == application.CallId, Ct));
        var root = $"/api/programme/support/applications/{application.Id}";
        (await dost.PostAsJsonAsync(root + "/survey", new { date = "2026-03-10", notes = "Khảo sát tại cơ sở" }, Ct)).EnsureSuccessStatusCode();
        (await dost.PostAsJsonAsync(root + "/scores", new { scores = new[] { new { criterionId = criterion.Id, score = 9 } } }, Ct)).EnsureSuccessStatusCode();
        (await dost.PostAsJsonAsync(root + "/select", new { decisionNumber = "125/QĐ-SKHCN", decisionDate = "2026-04-20" }, Ct)).EnsureSuccessStatusCode();
        (await dost.PostAsJsonAsync(root + "/activities", new { kind = "stamps", description = "In tem QR", budgetLines = new[] { new { fundingSource = "Ngân sách tỉnh", planned = 25_000_000L } } }, Ct)).EnsureSuccessStatusCode();
        (await dost.PostAsJsonAsync(root + "/support", new { date = "2026-05-05" }, Ct)).EnsureSuccessStatusCode();
        var view = await dost.GetFromJsonAsync<JsonElement>(root, Ct);
        var line = view.GetProperty("activities")[0].GetProperty("budgetLines")[0].GetProperty("id").GetGuid();
        (await dost.PostAsJsonAsync($"/api/programme/support/budget-lines/{line}/entries", new { kind = "spending", amount = 20_000_000L }, Ct)).EnsureSuccessStatusCode();
        (await dost.PostAsJsonAsync(root + "/evaluation", new { date = "2026-11-20", outcome = "achieved", notes = "Đạt mục tiêu" }, Ct)).EnsureSuccessStatusCode();

        await page.ReloadAsync();
        await Expect(page.Locator("[data-stage]").First).ToHaveTextAsync("Đã đánh giá");

        // The officer sees it in the console with its budget, then records the certification.
        await using var officerContext = await browser.NewContextAsync(App);
        var officer = await officerContext.NewPageAsync();
        officer.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        var officerUser = await App.CreateAuthorityUserAsync();
        await officer.SignInAsync(officerUser.UserName);
        await officer.GotoAsync("/authority/support?Stage=evaluated");
        var row = officer.GetByRole(AriaRole.Row).Filter(new() { HasText = $"HTX Cà phê {run}" });
        await Expect(row).ToContainTextAsync("25.000.000");
        await Expect(row).ToContainTextAsync("20.000.000");
        await Expect(row.Locator("[data-stage]")).ToHaveTextAsync("Đã đánh giá");
        await TestArtifacts.ScreenshotAsync(officer, $"support-authority-evaluated-{Provider}");

        await officer.GotoAsync("/authority/certifications");
        await officer.GetByLabel("Doanh nghiệp", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"HTX Cà phê {run}" });
        await officer.GetByLabel("Số giấy chứng nhận").FillAsync($"TXNG-{run}");
        await officer.GetByLabel("Hiệu lực từ").FillAsync("2026-11-25");
        await officer.GetByLabel("Hiệu lực đến").FillAsync("2026-11-24");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Alert)).ToContainTextAsync("must come after validFrom");
        await officer.GetByLabel("Doanh nghiệp", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"HTX Cà phê {run}" });
        await officer.GetByLabel("Số giấy chứng nhận").FillAsync($"TXNG-{run}");
        await officer.GetByLabel("Hiệu lực từ").FillAsync("2026-11-25");
        await officer.GetByLabel("Hiệu lực đến").FillAsync("2029-11-24");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã ghi nhận kết quả đánh giá.");
        await Expect(officer.GetByRole(AriaRole.Row).Filter(new() { HasText = $"TXNG-{run}" })).ToContainTextAsync("Đạt");
        await TestArtifacts.ScreenshotAsync(officer, $"certification-recorded-{Provider}");
    }
}

public sealed class SqliteSupportBrowserTests(SqliteKestrelAppFixture fixture, BrowserFixture browser)
    : SupportBrowserTests(fixture, browser), IClassFixture<SqliteKestrelAppFixture>;

public sealed class PostgresSupportBrowserTests(PostgresKestrelAppFixture fixture, BrowserFixture browser)
    : SupportBrowserTests(fixture, browser), IClassFixture<PostgresKestrelAppFixture>;
