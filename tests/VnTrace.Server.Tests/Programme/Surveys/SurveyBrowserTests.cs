using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VnTrace.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace VnTrace.Server.Tests.Programme.Surveys;

/// <summary>
/// A needs survey walked in the browser: the DoST officer builds it (adding a question, picking the OCOP producers
/// under a filter) and sends it; the producer sees the reminder on its dashboard and answers; the officer opens the
/// summary and the chart is drawn from the answers, with no script or style refused by the page's policy.
/// </summary>
public abstract class SurveyBrowserTests(AppFixture fixture, BrowserFixture browser)
{
    private VnTraceApp App => fixture.App;
    private string Provider => fixture.Provider.ToString().ToLowerInvariant();

    [Fact]
    public async Task The_DoST_sends_a_survey_an_OCOP_producer_answers_and_the_DoST_sees_the_chart()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var owner = await App.CreateBusinessUserAsync($"HTX Mắc ca {run}");
        await App.WithDbAsync(db => db.Organizations.Where(o => o.Id == owner.OrganizationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.OcopParticipant, true)));
        var officerUser = (await App.CreateOfficerAsync()).User;

        await using var officerContext = await browser.NewContextAsync(App);
        var officer = await officerContext.NewPageAsync();
        var refused = new List<string>();
        officer.Console += (_, message) => { if (message.Type == "error") refused.Add(message.Text); };
        await officer.SignInAsync(officerUser.UserName);
        await officer.GotoAsync("/authority/surveys");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Tạo khảo sát" }).ClickAsync();
        await officer.GetByLabel("Tên khảo sát").FillAsync($"Nhu cầu TXNG {run}");
        await officer.GetByLabel("Nội dung câu hỏi").FillAsync("Cơ sở đã dùng tem truy xuất chưa?");
        await officer.GetByLabel("Các phương án (mỗi dòng một phương án)").FillAsync("Đã dùng\nChưa dùng");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Thêm câu hỏi" }).ClickAsync();
        var second = officer.Locator("[data-question-form='2']");
        await Expect(officer.GetByLabel("Nội dung câu hỏi").First).ToHaveValueAsync("Cơ sở đã dùng tem truy xuất chưa?");
        await second.GetByLabel("Nội dung câu hỏi").FillAsync("Số sản phẩm cần gắn mã");
        await second.GetByLabel("Loại câu hỏi").SelectOptionAsync(new SelectOptionValue { Label = "Số" });
        await officer.GetByLabel("Tên hoặc mã số thuế").FillAsync($"HTX Mắc ca {run}");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Chọn tất cả trong danh sách" }).ClickAsync();
        await Expect(officer.Locator("[data-selected-count]")).ToHaveTextAsync("Đã chọn 1 doanh nghiệp.");
        await Expect(officer.GetByLabel($"HTX Mắc ca {run}")).ToBeCheckedAsync();
        await TestArtifacts.ScreenshotAsync(officer, $"survey-builder-{Provider}");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Gửi khảo sát" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã gửi khảo sát");
        var surveyUrl = officer.Url;

        await using var businessContext = await browser.NewContextAsync(App, phone: true);
        var business = await businessContext.NewPageAsync();
        await business.SignInAsync(owner.UserName);
        await business.GotoAsync("/workspace");
        await business.Locator("[data-alert='surveys']").GetByRole(AriaRole.Link).ClickAsync();
        await business.GetByRole(AriaRole.Row).Filter(new() { HasText = $"Nhu cầu TXNG {run}" }).GetByRole(AriaRole.Link, new() { Name = "Trả lời" }).ClickAsync();
        await business.GetByLabel("Chưa dùng").CheckAsync();
        await business.GetByLabel("Số sản phẩm cần gắn mã").FillAsync("3");
        await business.GetByRole(AriaRole.Button, new() { Name = "Gửi câu trả lời" }).ClickAsync();
        await Expect(business.GetByRole(AriaRole.Status)).ToContainTextAsync("Cảm ơn!");
        await TestArtifacts.ScreenshotAsync(business, $"survey-answered-{Provider}");

        await officer.GotoAsync(surveyUrl);
        await Expect(officer.Locator("[data-responses]")).ToHaveAttributeAsync("data-responses", "1");
        var drawn = await officer.EvaluateAsync<int[]>(
            "() => Array.from(Chart.getChart(document.querySelector('canvas[data-survey-chart]')).data.datasets[0].data)");
        Assert.Equal([0, 1], drawn);
        await Expect(officer.Locator("[data-number-summary]")).ToContainTextAsync("trung bình 3");
        await TestArtifacts.ScreenshotAsync(officer, $"survey-summary-{Provider}");
        Assert.Empty(refused);
    }
}

public sealed class SqliteSurveyBrowserTests(SqliteKestrelAppFixture fixture, BrowserFixture browser)
    : SurveyBrowserTests(fixture, browser), IClassFixture<SqliteKestrelAppFixture>;

public sealed class PostgresSurveyBrowserTests(PostgresKestrelAppFixture fixture, BrowserFixture browser)
    : SurveyBrowserTests(fixture, browser), IClassFixture<PostgresKestrelAppFixture>;
