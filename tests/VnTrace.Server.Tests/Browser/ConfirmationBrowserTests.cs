using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace VnTrace.Server.Tests.Browser;

/// <summary>
/// Issue 12, item 14: approving, suspending and opening a recall ask first; answering "no" changes nothing.
/// </summary>
public abstract class ConfirmationBrowserTests(AppFixture fixture, BrowserFixture browser)
{
    [Fact]
    public async Task Approving_and_suspending_a_business_ask_first_and_no_leaves_it_as_it_was()
    {
        var name = "Cty Xác nhận " + Guid.NewGuid().ToString("N")[..6];
        var business = await fixture.App.CreateBusinessUserAsync(name, status: OrganizationStatus.Pending);
        var officer = await fixture.App.CreateAuthorityUserAsync();
        await using var context = await browser.NewContextAsync(fixture.App);
        var page = await context.NewPageAsync();
        await page.SignInAsync(officer.UserName);
        var questions = new List<string>();
        var answer = false;
        page.Dialog += async (_, dialog) =>
        {
            questions.Add(dialog.Message);
            if (answer)
                await dialog.AcceptAsync();
            else
                await dialog.DismissAsync();
        };

        await page.GotoAsync("/authority/organizations?status=Pending&q=" + Uri.EscapeDataString(name));
        var decide = page.GetByRole(AriaRole.Form, new() { Name = name });
        await decide.GetByRole(AriaRole.Button, new() { Name = "Duyệt" }).ClickAsync();
        await UntilAsync(() => questions.Count == 1);
        Assert.Contains(name, Assert.Single(questions));
        Assert.Equal(OrganizationStatus.Pending, await StatusAsync(business.OrganizationId!.Value));

        answer = true;
        await decide.GetByRole(AriaRole.Button, new() { Name = "Duyệt" }).ClickAsync();
        await UntilAsync(() => questions.Count == 2);
        await WaitForStatusAsync(business.OrganizationId!.Value, OrganizationStatus.Approved);

        answer = false;
        await page.GotoAsync("/authority/organizations?status=Approved&q=" + Uri.EscapeDataString(name));
        await page.GetByRole(AriaRole.Form, new() { Name = name }).GetByRole(AriaRole.Button, new() { Name = "Tạm ngừng" }).ClickAsync();
        await UntilAsync(() => questions.Count == 3);
        Assert.Contains("tạm ngừng", questions[^1]);
        Assert.Equal(OrganizationStatus.Approved, await StatusAsync(business.OrganizationId!.Value));
    }

    [Fact]
    public async Task Opening_a_recall_asks_first_and_no_opens_none()
    {
        var officer = await fixture.App.CreateAuthorityUserAsync();
        await using var context = await browser.NewContextAsync(fixture.App);
        var page = await context.NewPageAsync();
        await page.SignInAsync(officer.UserName);
        string? question = null;
        page.Dialog += async (_, dialog) => { question = dialog.Message; await dialog.DismissAsync(); };
        var before = await RecallCountAsync();

        await page.GotoAsync("/authority/recalls/new");
        await page.Locator("#lots").FillAsync("(01)08935049500018(10)CONFIRM-1");
        await page.Locator("#reason").FillAsync("Thử xác nhận");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở đợt thu hồi và gửi thông báo" }).ClickAsync();
        await UntilAsync(() => question is not null);
        Assert.Contains("thu hồi", question);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/authority/recalls/new$"));
        Assert.Equal(before, await RecallCountAsync());
    }

    /// <summary>The browser hands the question to the test on its own schedule; a few seconds at most.</summary>
    private static async Task UntilAsync(Func<bool> done)
    {
        for (var i = 0; i < 100 && !done(); i++)
            await Task.Delay(50);
        Assert.True(done(), "the page asked no question");
    }

    private async Task<OrganizationStatus> StatusAsync(Guid id)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VnTraceDbContext>().Organizations.Where(o => o.Id == id).Select(o => o.Status).SingleAsync();
    }

    /// <summary>The decision is posted by the browser; its page load ends before or after the test looks.</summary>
    private async Task WaitForStatusAsync(Guid id, OrganizationStatus expected)
    {
        for (var i = 0; i < 50 && await StatusAsync(id) != expected; i++)
            await Task.Delay(100);
        Assert.Equal(expected, await StatusAsync(id));
    }

    private async Task<int> RecallCountAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VnTraceDbContext>().RecallCampaigns.CountAsync();
    }
}

public sealed class SqliteConfirmationBrowserTests(SqliteKestrelAppFixture fixture, BrowserFixture browser)
    : ConfirmationBrowserTests(fixture, browser), IClassFixture<SqliteKestrelAppFixture>;

public sealed class PostgresConfirmationBrowserTests(PostgresKestrelAppFixture fixture, BrowserFixture browser)
    : ConfirmationBrowserTests(fixture, browser), IClassFixture<PostgresKestrelAppFixture>;
