using Microsoft.Playwright;
using VnTrace.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace VnTrace.Server.Tests.Browser;

/// <summary>
/// Issue 12, item 14: the page's section is marked in the navigation (aria-current and by sight), the navigation's
/// text is readable on its green (WCAG AA, 4.5:1), and the site has a favicon.
/// </summary>
public abstract class NavigationBrowserTests(AppFixture fixture, BrowserFixture browser)
{
    [Fact]
    public async Task The_current_section_is_marked_the_links_contrast_at_least_4_5_to_1_and_the_favicon_loads()
    {
        var owner = await fixture.App.CreateBusinessUserAsync("Nav " + Guid.NewGuid().ToString("N")[..6]);
        await using var context = await browser.NewContextAsync(fixture.App);
        var page = await context.NewPageAsync();
        await page.SignInAsync(owner.UserName);

        await page.GotoAsync("/workspace/products/new");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" });
        await Expect(nav.Locator("a[aria-current=page]")).ToHaveCountAsync(1);
        await Expect(nav.Locator("a[aria-current=page]")).ToHaveAttributeAsync("href", "/workspace/products");
        await Expect(nav.Locator("a[href='/workspace']")).Not.ToHaveAttributeAsync("aria-current", "page");

        await page.GotoAsync("/workspace");
        await Expect(nav.Locator("a[aria-current=page]")).ToHaveAttributeAsync("href", "/workspace");

        var ratios = await page.EvaluateAsync<double[]>("""
            () => {
              const rgb = s => s.match(/[\d.]+/g).map(Number);
              const lum = ([r, g, b]) => { const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
                return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
              const back = rgb(getComputedStyle(document.querySelector('nav.navbar')).backgroundColor);
              return [...document.querySelectorAll('nav.navbar .nav-link')].map(a => {
                const [r, g, b, alpha = 1] = rgb(getComputedStyle(a).color);
                const seen = [r, g, b].map((c, i) => c * alpha + back[i] * (1 - alpha));
                const [l1, l2] = [lum(seen), lum(back)].sort((x, y) => y - x);
                return (l1 + 0.05) / (l2 + 0.05);
              });
            }
            """);
        Assert.NotEmpty(ratios);
        Assert.All(ratios, r => Assert.True(r >= 4.5, $"a navigation link has contrast {r:F2}:1"));

        var icon = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
        Assert.NotNull(icon);
        var response = await page.APIRequest.GetAsync(new Uri(fixture.App.RequiredServerAddress, icon).ToString());
        Assert.Equal(200, response.Status);
        Assert.StartsWith("image/svg+xml", response.Headers["content-type"]);
    }
}

public sealed class SqliteNavigationBrowserTests(SqliteKestrelAppFixture fixture, BrowserFixture browser)
    : NavigationBrowserTests(fixture, browser), IClassFixture<SqliteKestrelAppFixture>;

public sealed class PostgresNavigationBrowserTests(PostgresKestrelAppFixture fixture, BrowserFixture browser)
    : NavigationBrowserTests(fixture, browser), IClassFixture<PostgresKestrelAppFixture>;
