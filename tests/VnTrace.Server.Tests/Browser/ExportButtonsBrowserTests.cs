using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using VnTrace.Server.Identity;
using VnTrace.Server.Tests.Exports;
using VnTrace.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace VnTrace.Server.Tests.Browser;

/// <summary>
/// The export buttons in a real browser (issue 12, item 12): a signed-in officer in the authority console and a
/// business owner in the workspace click them and receive a file whose headers are Vietnamese, then English.
/// </summary>
public abstract class ExportButtonsBrowserTests(AppFixture fixture, BrowserFixture browser)
{
    private string Provider => fixture.Provider.ToString().ToLowerInvariant();

    private static async Task<(string Name, byte[] Content)> DownloadAsync(IPage page, string button)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync());
        var path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task An_officer_clicks_the_export_button_and_receives_a_csv_with_vietnamese_then_english_headers()
    {
        var c = await ExportChain.CaptureAsync(fixture.App);
        var officer = await fixture.App.CreateUserAsync(c.Authority.OrganizationId, Roles.Authority);
        await using var context = await browser.NewContextAsync(fixture.App);
        var page = await context.NewPageAsync();
        await page.SignInAsync(officer.UserName);

        await page.GotoAsync("/authority/exports");
        await page.GetByLabel("Mã lô", new() { Exact = true }).FillAsync(c.LotP);
        await page.GetByLabel("Theo chuỗi cung ứng").SelectOptionAsync("Both");
        await page.GetByLabel("Định dạng tệp").SelectOptionAsync("Csv");
        await TestArtifacts.ScreenshotAsync(page, $"exports-authority-{Provider}");
        var (name, content) = await DownloadAsync(page, "Tải các sự kiện truy xuất trọng yếu");

        Assert.EndsWith(".csv", name);
        var header = new UTF8Encoding(false).GetString(content, 3, content.Length - 3).Split('\n')[0];
        Assert.StartsWith("Sự kiện truy xuất trọng yếu / Critical tracking event", header.TrimStart('"'));
        Assert.Contains(c.EventId("claim"), Encoding.UTF8.GetString(content)); // every business's events
    }

    [Fact]
    public async Task A_business_owner_clicks_the_export_button_and_receives_an_xlsx_with_vietnamese_then_english_headers()
    {
        var c = await ExportChain.CaptureAsync(fixture.App);
        var owner = await fixture.App.CreateUserAsync(c.FarmA.OrganizationId, Roles.BusinessOwner);
        await using var context = await browser.NewContextAsync(fixture.App);
        var page = await context.NewPageAsync();
        await page.SignInAsync(owner.UserName);

        await page.GotoAsync("/workspace/exports");
        await page.GetByLabel("Mã lô", new() { Exact = true }).FillAsync(c.LotA);
        await TestArtifacts.ScreenshotAsync(page, $"exports-workspace-{Provider}");
        var (name, content) = await DownloadAsync(page, "Tải bộ thông tin tối thiểu (Nghị định 37)");

        Assert.EndsWith(".xlsx", name);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(content), false);
        var book = workbook.WorkbookPart!;
        var cells = ExportsApiTests.Cells(book, ExportsApiTests.Worksheet(book, "Minimum data set"));
        Assert.Equal("Hạn sử dụng / Expiry date", cells["K1"].Text);
        Assert.Contains(cells.Values, v => v.Text == c.LotA);
    }
}

public sealed class SqliteExportButtonsBrowserTests(SqliteKestrelAppFixture fixture, BrowserFixture browser)
    : ExportButtonsBrowserTests(fixture, browser), IClassFixture<SqliteKestrelAppFixture>;
