using Microsoft.Playwright;
using VnTrace.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace VnTrace.Server.Tests.Browser;

/// <summary>Smoke test of the browser set-up: Chromium reaches the real server on a loopback port, on both providers.</summary>
public abstract class HomePageBrowserTests(AppFixture fixture, BrowserFixture browser)
{
    [Fact]
    public async Task Home_page_shows_its_Vietnamese_heading_and_links_to_the_API_reference()
    {
        await using var context = await browser.NewContextAsync(fixture.App);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/");

        Assert.Equal(200, response?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Truy xuất nguồn gốc sản phẩm", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tài liệu API EPCIS 2.0" })).ToHaveAttributeAsync("href", "/scalar");
        await TestArtifacts.ScreenshotAsync(page, $"home-{fixture.Provider.ToString().ToLowerInvariant()}-{BrowserFixture.Vietnamese}");
    }

    [Fact]
    public async Task Home_page_fits_a_phone_screen_without_sideways_scrolling()
    {
        await using var context = await browser.NewContextAsync(fixture.App, phone: true);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Truy xuất nguồn gốc sản phẩm", Level = 1 })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "the page is wider than the phone's screen");
        await TestArtifacts.ScreenshotAsync(page, $"home-{fixture.Provider.ToString().ToLowerInvariant()}-phone");
    }
}

public sealed class SqliteHomePageBrowserTests(SqliteKestrelAppFixture fixture, BrowserFixture browser)
    : HomePageBrowserTests(fixture, browser), IClassFixture<SqliteKestrelAppFixture>;

public sealed class PostgresHomePageBrowserTests(PostgresKestrelAppFixture fixture, BrowserFixture browser)
    : HomePageBrowserTests(fixture, browser), IClassFixture<PostgresKestrelAppFixture>;
