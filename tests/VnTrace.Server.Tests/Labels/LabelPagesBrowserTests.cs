using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Lots;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Products;
using VnTrace.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace VnTrace.Server.Tests.Labels;

/// <summary>
/// The label pages driven as a person does, by their labels and button names: issue serials for a lot, then
/// download the PDF to print; the PDF's codes point at the server the browser reached (no resolver base configured).
/// </summary>
public sealed class LabelPagesBrowserTests(SqliteKestrelAppFixture fixture, BrowserFixture browser) : IClassFixture<SqliteKestrelAppFixture>, IDisposable
{
    private readonly LabelTools tools = new();

    public void Dispose() => tools.Dispose();

    [Fact]
    public async Task Owner_issues_serials_for_a_lot_and_downloads_the_sheet_to_print()
    {
        var app = fixture.App;
        var owner = await app.CreateBusinessUserAsync("HTX Cà phê Ea Kar");
        var digits = "893" + Random.Shared.NextInt64(0, 1_000_000_000).ToString("D9");
        var gtin = "0" + digits + Gs1CheckDigit.ComputeChar(digits);
        var lotNumber = "EK" + Random.Shared.Next(1000, 9999);
        await app.WithDbAsync(async db =>
        {
            var product = new Product { OrganizationId = owner.OrganizationId!.Value, Gtin = gtin, NameVi = "Cà phê rang xay Ea Kar", Unit = "kg" };
            db.Products.Add(product);
            db.Lots.Add(new Lot { OrganizationId = owner.OrganizationId.Value, Gtin = gtin, LotNumber = lotNumber, ProductId = product.Id });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        await using var context = await browser.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in?returnUrl=%2Fworkspace%2Flabels");
        await page.Locator("#Form_UserName").FillAsync(owner.UserName);
        await page.Locator("#Form_Password").FillAsync(VnTraceApp.TestPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync("**/workspace/labels");

        await page.GetByLabel("Lô hàng").SelectOptionAsync(new SelectOptionValue { Label = $"{lotNumber} — Cà phê rang xay Ea Kar ({gtin})" });
        await page.GetByLabel("Mỗi sản phẩm một mã riêng (số sê-ri)").CheckAsync();
        await page.GetByLabel("Số lượng tem").FillAsync("25");
        await page.GetByLabel("Khổ giấy tem").SelectOptionAsync("a4-3x7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo mã và in tem" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Tem của lô {lotNumber}", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã cấp 25 mã sê-ri");
        await TestArtifacts.ScreenshotAsync(page, "labels-batch");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Tải PDF để in" }).ClickAsync());
        Assert.Equal($"labels-{lotNumber}.pdf", download.SuggestedFilename);
        var pdf = Path.Combine(tools.Folder, "browser.pdf");
        await download.SaveAsAsync(pdf);

        var decoded = await tools.DecodeSheetAsync(pdf, Server.Labels.LabelLayout.Find("a4-3x7")!, 21);
        var server = app.RequiredServerAddress.ToString().TrimEnd('/');
        Assert.All(decoded, uri => Assert.StartsWith($"{server}/01/{gtin}/10/{lotNumber}/21/", uri));
        Assert.Equal(21, decoded.Distinct().Count());

        await page.GotoAsync("/workspace/labels");
        await TestArtifacts.ScreenshotAsync(page, "labels-list");
    }
}
