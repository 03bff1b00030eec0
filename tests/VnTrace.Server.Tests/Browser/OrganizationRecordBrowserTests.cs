using Microsoft.Playwright;
using VnTrace.Server.Lots;
using VnTrace.Server.Organizations;
using VnTrace.Server.Products;
using VnTrace.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace VnTrace.Server.Tests.Browser;

/// <summary>An officer opens a business's record from the organizations list in a real browser (issue 12, item 14).</summary>
public abstract class OrganizationRecordBrowserTests(AppFixture fixture, BrowserFixture browser)
{
    private string Provider => fixture.Provider.ToString().ToLowerInvariant();

    [Fact]
    public async Task An_officer_opens_a_business_record_from_the_list_and_follows_a_lot_to_the_trace_page()
    {
        var name = "HTX Hồ Sơ Trình Duyệt " + Guid.NewGuid().ToString("N")[..6];
        var owner = await fixture.App.CreateBusinessUserAsync(name);
        var id = owner.OrganizationId!.Value;
        var gtin = VnTrace.Server.Tests.Lots.LotsTestBusiness.NewGtin();
        var lotNumber = "HSB-" + Guid.NewGuid().ToString("N")[..6];
        await fixture.App.WithDbAsync(db =>
        {
            var product = new Product { OrganizationId = id, Gtin = gtin, NameVi = "Cà phê hồ sơ trình duyệt", Unit = "kg" };
            db.Products.Add(product);
            db.Lots.Add(new Lot { OrganizationId = id, Gtin = gtin, LotNumber = lotNumber, ProductId = product.Id, Quantity = 80, Unit = "kg" });
            return db.SaveChangesAsync();
        });
        var officer = await fixture.App.CreateAuthorityUserAsync();
        await using var context = await browser.NewContextAsync(fixture.App);
        var page = await context.NewPageAsync();
        await page.SignInAsync(officer.UserName);

        await page.GotoAsync("/authority/organizations?status=Approved&q=" + Uri.EscapeDataString(name));
        await page.GetByRole(AriaRole.Link, new() { Name = "Xem hồ sơ " + name }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sản phẩm (1)" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Cà phê hồ sơ trình duyệt" }).First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Quyết định của cơ quan quản lý" })).ToBeVisibleAsync();
        await TestArtifacts.ScreenshotAsync(page, $"authority-organization-record-{Provider}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Truy xuất lô " + lotNumber }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/authority/trace?code=", StringComparison.Ordinal));
        Assert.Contains(Uri.EscapeDataString(LotCodes.LotClass(gtin, lotNumber)), page.Url);
    }
}

public sealed class SqliteOrganizationRecordBrowserTests(SqliteKestrelAppFixture fixture, BrowserFixture browser)
    : OrganizationRecordBrowserTests(fixture, browser), IClassFixture<SqliteKestrelAppFixture>;
