using Microsoft.Playwright;
using VnTrace.Server.Tests.Infrastructure;
using VnTrace.Server.Tests.Products;
using static Microsoft.Playwright.Assertions;

namespace VnTrace.Server.Tests.Browser;

/// <summary>The product form's small scripts: importer fields follow "imported goods", an allocated GTIN locks the typed one.</summary>
public abstract class ProductFormBrowserTests(AppFixture fixture, BrowserFixture browser)
{
    private static Task SignInAsync(IPage page, TestUser user) => page.SignInAsync(user.UserName);

    [Fact]
    public async Task A_product_is_declared_with_an_allocated_gtin_and_importer_fields_on_a_phone()
    {
        var business = await fixture.App.NewBusinessAsync("HTX Trình Duyệt " + Guid.NewGuid().ToString("N")[..6], withPrefix: true);
        await using var context = await browser.NewContextAsync(fixture.App, phone: true);
        var page = await context.NewPageAsync();
        await SignInAsync(page, business.Owner);

        await page.GotoAsync("/workspace/products/new");
        var gtin = page.GetByLabel("Mã GTIN", new() { Exact = true });
        var importer = page.GetByLabel("Tên đơn vị nhập khẩu");
        await Expect(importer).ToBeHiddenAsync();
        await Expect(gtin).Not.ToBeEditableAsync();
        await page.GetByLabel("Hàng nhập khẩu").CheckAsync();
        await Expect(importer).ToBeVisibleAsync();
        await page.GetByLabel("Tên sản phẩm (tiếng Việt)").FillAsync("Sầu riêng Ri6");
        await importer.FillAsync("Công ty Nhập khẩu Trái cây");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "the form is wider than the phone's screen");
        await TestArtifacts.ScreenshotAsync(page, $"product-new-{fixture.Provider.ToString().ToLowerInvariant()}-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sầu riêng Ri6", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("dd code")).ToContainTextAsync("0" + business.Prefix);
        await Expect(page.GetByText("Công ty Nhập khẩu Trái cây")).ToBeVisibleAsync();
        await TestArtifacts.ScreenshotAsync(page, $"product-detail-{fixture.Provider.ToString().ToLowerInvariant()}-phone");
    }

    [Fact]
    public async Task A_chosen_image_is_kept_when_the_form_comes_back_with_an_error_and_saved_with_the_product()
    {
        var business = await fixture.App.NewBusinessAsync("HTX Ảnh Trình Duyệt " + Guid.NewGuid().ToString("N")[..6], withPrefix: true);
        await using var context = await browser.NewContextAsync(fixture.App);
        var page = await context.NewPageAsync();
        await SignInAsync(page, business.Owner);

        await page.GotoAsync("/workspace/products/new");
        await page.GetByLabel("Hình ảnh", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "sau-rieng.png", MimeType = "image/png", Buffer = ProductTestData.Png });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync(); // no name: refused

        var kept = page.GetByRole(AriaRole.List, new() { Name = "Ảnh đã chọn (được giữ lại khi lưu)" }).GetByRole(AriaRole.Img);
        await Expect(kept).ToHaveCountAsync(1);
        Assert.True(await kept.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the kept image's thumbnail loads");
        await TestArtifacts.ScreenshotAsync(page, $"product-new-kept-image-{fixture.Provider.ToString().ToLowerInvariant()}");
        await page.GetByLabel("Tên sản phẩm (tiếng Việt)").FillAsync("Sầu riêng giữ ảnh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sầu riêng giữ ảnh", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("img[src^='/files/']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task An_import_with_a_broken_row_is_reported_and_only_the_valid_rows_go_in_on_request()
    {
        var business = await fixture.App.NewBusinessAsync("HTX Nhập Trình Duyệt " + Guid.NewGuid().ToString("N")[..6], withPrefix: true);
        await using var context = await browser.NewContextAsync(fixture.App);
        var page = await context.NewPageAsync();
        await SignInAsync(page, business.Owner);
        var (bad, expected) = ProductTestData.WithBadCheckDigit(ProductTestData.NewGtin13());
        var csv = "Mã GTIN,Tên sản phẩm *,Đơn vị tính *,Sao OCOP\r\n"
            + $"{ProductTestData.NewGtin13()},Cà phê hạt,kg,4\r\n"
            + $"{bad},Cà phê bột,gói,\r\n"
            + ",Hạt điều,hộp,6\r\n"
            + ",Mắc ca,hộp,\r\n";

        await page.GotoAsync("/workspace/imports");
        await page.GetByLabel("2. Tải tệp đã điền lên để kiểm tra").SetInputFilesAsync(new FilePayload
        {
            Name = "san-pham.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(csv),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra tệp" }).ClickAsync();

        await Expect(page.GetByText("4 dòng dữ liệu: 2 hợp lệ, 2 có lỗi.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = $"nhưng phải là {expected}" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Nhập cả 4 dòng" })).ToBeDisabledAsync();
        await TestArtifacts.ScreenshotAsync(page, $"import-report-{fixture.Provider.ToString().ToLowerInvariant()}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chỉ nhập 2 dòng hợp lệ (bỏ 2 dòng lỗi)" }).ClickAsync();

        await Expect(page.GetByText("Đã nhập 2 bản ghi (Sản phẩm); bỏ qua 2 dòng lỗi.")).ToBeVisibleAsync();
        await page.GotoAsync("/workspace/products");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Cà phê hạt" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mắc ca" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Cà phê bột" })).ToHaveCountAsync(0);
        await TestArtifacts.ScreenshotAsync(page, $"product-list-{fixture.Provider.ToString().ToLowerInvariant()}");
    }
}

public sealed class SqliteProductFormBrowserTests(SqliteKestrelAppFixture fixture, BrowserFixture browser)
    : ProductFormBrowserTests(fixture, browser), IClassFixture<SqliteKestrelAppFixture>;
