using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Tests.Infrastructure;
using VnTrace.Server.Tests.Lookup;
using static Microsoft.Playwright.Assertions;

namespace VnTrace.Server.Tests.Browser;

/// <summary>
/// What a person reads in a real browser (issue 12, item 10): the consumer page and the workspace trace table name
/// steps, units, dates, places and businesses in words, never a CBV name, a Rec 20 code or a Digital Link; the
/// invalid-code page explains the parse error in Vietnamese.
/// </summary>
public abstract class PeoplesWordsBrowserTests(AppFixture fixture, BrowserFixture browser)
{
    private string Provider => fixture.Provider.ToString().ToLowerInvariant();

    /// <summary>The text the reader sees in the page's main part, as the browser laid it out.</summary>
    private static Task<string> VisibleTextAsync(IPage page) => page.Locator("main").InnerTextAsync();

    private static void Speaks(string text, params string[] readable)
    {
        foreach (var raw in PeoplesWordsTests.Raw)
            Assert.False(text.Contains(raw, StringComparison.Ordinal), $"'{raw}' shown in: {text}");
        foreach (var words in readable)
            Assert.True(text.Contains(words, StringComparison.Ordinal), $"'{words}' not shown in: {text}");
    }

    [Fact]
    public async Task The_consumer_page_and_the_workspace_trace_table_speak_people_s_language()
    {
        var s = await PeoplesWordsTests.ScenarioAsync(fixture.App);
        Guid lotId;
        await using (var scope = fixture.App.Services.CreateAsyncScope())
            lotId = await scope.ServiceProvider.GetRequiredService<VnTraceDbContext>().Lots
                .Where(l => l.OrganizationId == s.Producer.Id && l.LotNumber == s.RoastedLot).Select(l => l.Id).SingleAsync();
        var owner = await fixture.App.CreateUserAsync(s.Producer.Id, Roles.BusinessOwner);
        await using var context = await browser.NewContextAsync(fixture.App);
        var page = await context.NewPageAsync();

        await page.GotoAsync(s.RoastedLotPath);
        await Expect(page.Locator("#journey ol.timeline > li").First).ToBeVisibleAsync();
        Speaks(await VisibleTextAsync(page), "Chế biến", "Đóng gói", "Nhận hàng", "28/10/2026 09:00", "Xưởng rang Buôn Ma Thuột", "Cửa hàng trung tâm", "Lô");
        await TestArtifacts.ScreenshotAsync(page, $"peoples-words-consumer-{Provider}");

        await page.SignInAsync(owner.UserName);
        await page.GotoAsync($"/workspace/lots/{lotId}/trace");
        await Expect(page.GetByRole(AriaRole.Table).First).ToBeVisibleAsync();
        var table = await VisibleTextAsync(page);
        Speaks(table, "Chế biến", "Đóng gói", "Xuất hàng", "28/10/2026 09:00", "1.000 kg", "1.600 cái", "5 đơn vị XYZ",
            "Xưởng rang Buôn Ma Thuột", "Cà phê rang xay Ea Tu", "· lô RB26-", "Cửa hàng trung tâm", s.Producer.Name);
        Assert.DoesNotContain(" lot ", table, StringComparison.Ordinal);
        await TestArtifacts.ScreenshotAsync(page, $"peoples-words-trace-table-{Provider}");
    }

    [Fact]
    public async Task The_invalid_code_page_explains_a_bad_check_digit_in_vietnamese()
    {
        await using var context = await browser.NewContextAsync(fixture.App);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/01/08936012000109");

        Assert.Equal(400, response?.Status);
        var text = await VisibleTextAsync(page);
        Assert.Contains("Số kiểm tra của mã không khớp", text);
        Assert.DoesNotContain("check digit", text, StringComparison.OrdinalIgnoreCase);
        await TestArtifacts.ScreenshotAsync(page, $"peoples-words-invalid-code-{Provider}");
    }
}

public sealed class SqlitePeoplesWordsBrowserTests(SqliteKestrelAppFixture fixture, BrowserFixture browser)
    : PeoplesWordsBrowserTests(fixture, browser), IClassFixture<SqliteKestrelAppFixture>;
