using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Tests.Infrastructure;
using VnTrace.Server.Tests.Lookup;
using static Microsoft.Playwright.Assertions;

namespace VnTrace.Server.Tests.Browser;

/// <summary>
/// A consumer scanning a lot's QR code: the page in Vietnamese, in English through the language switch, and on a
/// phone with the recall banner; journey, certificates and the map drawn by the page's script; screenshots saved.
/// </summary>
public abstract class ConsumerPageBrowserTests(AppFixture fixture, BrowserFixture browser)
{
    private string Provider => fixture.Provider.ToString().ToLowerInvariant();

    [Fact]
    public async Task The_lot_page_shows_journey_certificates_and_map_in_vietnamese()
    {
        var s = await LookupScenario.CreateAsync(fixture.App);
        await using var context = await browser.NewContextAsync(fixture.App);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(s.RoastedLotPath);

        Assert.Equal(200, response?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cà phê rang xay Ea Tu", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Mã chính hãng" })).ToContainTextAsync("đã được doanh nghiệp đăng ký");
        var journey = page.Locator("#journey ol.timeline > li");
        await Expect(journey).ToHaveCountAsync(4); // roasted, packed, shipped, received (the internal storing is hidden)
        await Expect(journey.Filter(new() { HasText = "Nhận hàng" })).ToContainTextAsync("Cửa hàng trung tâm");
        var certificates = page.GetByRole(AriaRole.Region, new() { Name = "Chứng nhận" });
        await Expect(certificates.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "VietGAP" })).ToContainTextAsync("Còn hiệu lực");
        await Expect(certificates.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Hữu cơ" })).ToContainTextAsync("Hết hiệu lực");
        // The script loaded Leaflet and drew a marker for each place with coordinates.
        await Expect(page.Locator("#map.map-ready")).ToBeVisibleAsync();
        Assert.True(await page.Locator("#map path.leaflet-interactive").CountAsync() >= 3);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo vấn đề về sản phẩm" })).ToBeVisibleAsync();
        await TestArtifacts.ScreenshotAsync(page, $"consumer-lot-{Provider}-{BrowserFixture.Vietnamese}");
    }

    [Fact]
    public async Task The_language_switch_shows_the_page_in_english()
    {
        var s = await LookupScenario.CreateAsync(fixture.App);
        await using var context = await browser.NewContextAsync(fixture.App, BrowserFixture.English);
        var page = await context.NewPageAsync();
        await page.GotoAsync(s.RoastedLotPath);

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ea Tu roasted ground coffee", Level = 1 })).ToBeVisibleAsync();
        Assert.EndsWith(s.RoastedLotPath, page.Url);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Journey of the product" })).ToBeVisibleAsync();
        await Expect(page.Locator("#journey")).ToContainTextAsync("Receiving");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Certificates" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await TestArtifacts.ScreenshotAsync(page, $"consumer-lot-{Provider}-{BrowserFixture.English}");
    }

    [Fact]
    public async Task On_a_phone_a_recalled_lot_shows_the_banner_first_and_fits_the_screen()
    {
        var s = await LookupScenario.CreateAsync(fixture.App);
        await s.RecallRoastedLotAsync();
        await using var context = await browser.NewContextAsync(fixture.App, phone: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync(s.RoastedLotPath);

        var banner = page.GetByRole(AriaRole.Alert);
        await Expect(banner).ToContainTextAsync("Sản phẩm đang bị thu hồi");
        await Expect(banner).ToBeInViewportAsync();
        await Expect(page.Locator("#journey ol.timeline > li").First).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "the page is wider than the phone's screen");
        await TestArtifacts.ScreenshotAsync(page, $"consumer-lot-{Provider}-phone-recalled");
    }

    [Fact]
    public async Task A_unit_page_shares_a_rounded_position_when_the_browser_allows_it()
    {
        var s = await LookupScenario.CreateAsync(fixture.App);
        await s.IssueSerialsAsync("GPS-1");
        await using var context = await browser.NewContextAsync(fixture.App, phone: true);
        await context.GrantPermissionsAsync(["geolocation"]);
        await context.SetGeolocationAsync(new Geolocation { Latitude = 12.6812f, Longitude = 108.0456f });
        var page = await context.NewPageAsync();
        var posted = page.WaitForResponseAsync(r => r.Url.EndsWith("/lookup/scan-location", StringComparison.Ordinal));

        await page.GotoAsync(s.Unit("GPS-1"));

        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Mã chính hãng — lần quét đầu tiên" })).ToBeVisibleAsync();
        Assert.Equal(204, (await posted).Status);
        var scan = await fixture.App.WithDbAsync(db => db.Scans
            .SingleAsync(x => x.Identifier == $"https://id.gs1.org/01/{s.Roasted.Gtin}/21/GPS-1"));
        Assert.Equal(12.68, scan.Latitude);
        Assert.Equal(108.05, scan.Longitude);
        await TestArtifacts.ScreenshotAsync(page, $"consumer-unit-{Provider}-phone");
    }
}

public sealed class SqliteConsumerPageBrowserTests(SqliteKestrelAppFixture fixture, BrowserFixture browser)
    : ConsumerPageBrowserTests(fixture, browser), IClassFixture<SqliteKestrelAppFixture>;

public sealed class PostgresConsumerPageBrowserTests(PostgresKestrelAppFixture fixture, BrowserFixture browser)
    : ConsumerPageBrowserTests(fixture, browser), IClassFixture<PostgresKestrelAppFixture>;
