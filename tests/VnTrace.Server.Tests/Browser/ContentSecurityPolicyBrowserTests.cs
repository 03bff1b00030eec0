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
/// The pages under their Content-Security-Policy in a real browser (issue 12): the consumer page with its map, the
/// location form with its map, the label pages; none reports a violation ("Refused to …" on the console, or a
/// securitypolicyviolation event), and their scripts still work. Hostile place names show as text on the map.
/// </summary>
public abstract class ContentSecurityPolicyBrowserTests(AppFixture fixture, BrowserFixture browser)
{
    /// <summary>Markup a business could type as a place name, each of which would run script if put in as HTML.</summary>
    private static readonly string[] HostileNames =
    [
        "<img src=x onerror=\"window.__xss=(window.__xss||0)+1\">",
        "<svg onload=\"window.__xss=(window.__xss||0)+1\"></svg>Xưởng",
        "Cửa hàng<script>window.__xss=(window.__xss||0)+1</script>",
    ];

    /// <summary>Violations the page reported, from the console and from securitypolicyviolation events.</summary>
    private sealed class Violations
    {
        private readonly List<string> console = [];

        public static async Task<(IPage Page, Violations Seen)> WatchAsync(IBrowserContext context)
        {
            var seen = new Violations();
            await context.AddInitScriptAsync("""
                window.__csp = [];
                document.addEventListener('securitypolicyviolation', function (e) { window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); });
                """);
            var page = await context.NewPageAsync();
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Refused to", StringComparison.Ordinal) || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                    lock (seen.console)
                        seen.console.Add(message.Text);
            };
            page.PageError += (_, error) =>
            {
                lock (seen.console)
                    seen.console.Add("script error: " + error);
            };
            return (page, seen);
        }

        public async Task AssertNoneAsync(IPage page, string where)
        {
            var events = await page.EvaluateAsync<string[]>("() => window.__csp || []");
            lock (console)
                Assert.True(console.Count == 0 && events.Length == 0,
                    $"{where}: {string.Join(" | ", console.Concat(events))}");
        }
    }

    private static void AssertStrictPolicy(IResponse? response)
    {
        Assert.NotNull(response);
        var csp = response.Headers.TryGetValue("content-security-policy", out var value) ? value : null;
        Assert.NotNull(csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("style-src 'self';", csp);
    }

    [Fact]
    public async Task Hostile_place_names_show_as_text_in_the_consumer_maps_tooltips_and_run_no_script()
    {
        var s = await LookupScenario.CreateAsync(fixture.App);
        await fixture.App.WithDbAsync(async db =>
        {
            var places = new[] { s.Farm.Id, s.Factory.Id, s.Shop.Id };
            for (var i = 0; i < places.Length; i++)
            {
                var name = HostileNames[i];
                await db.Locations.Where(l => l.Id == places[i]).ExecuteUpdateAsync(u => u.SetProperty(l => l.Name, name));
            }
        });
        await using var context = await browser.NewContextAsync(fixture.App);
        var (page, violations) = await Violations.WatchAsync(context);

        await page.GotoAsync(s.RoastedLotPath);
        await Expect(page.Locator("#map.map-ready")).ToBeVisibleAsync();
        var markers = page.Locator("#map path.leaflet-interactive");
        var count = await markers.CountAsync();
        var tooltips = page.Locator("#map .leaflet-tooltip");
        var texts = new HashSet<string>();
        for (var i = 0; i < count; i++)
        {
            await markers.Nth(i).DispatchEventAsync("mouseover");
            texts.UnionWith(await tooltips.AllTextContentsAsync());
            Assert.Equal(0, await page.Locator("#map .leaflet-tooltip img, #map .leaflet-tooltip svg, #map .leaflet-tooltip script").CountAsync());
        }

        Assert.Contains(texts, t => t.StartsWith(HostileNames[1], StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith(HostileNames[2], StringComparison.Ordinal));
        // The page's own text (the journey) shows the names as typed, too.
        await Expect(page.Locator("#journey")).ToContainTextAsync(HostileNames[2]);
        Assert.Equal(0, await page.Locator("main img[src='x'], main svg[onload]").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss"));
        await violations.AssertNoneAsync(page, "consumer page");
        await TestArtifacts.ScreenshotAsync(page, $"consumer-hostile-names-{fixture.Provider.ToString().ToLowerInvariant()}");
    }

    [Fact]
    public async Task The_consumer_page_draws_its_map_under_the_policy_with_no_violation()
    {
        var s = await LookupScenario.CreateAsync(fixture.App);
        await using var context = await browser.NewContextAsync(fixture.App, phone: true);
        var (page, violations) = await Violations.WatchAsync(context);

        var response = await page.GotoAsync(s.RoastedLotPath);

        AssertStrictPolicy(response);
        await Expect(page.Locator("#map.map-ready")).ToBeVisibleAsync();
        Assert.True(await page.Locator("#map path.leaflet-interactive").CountAsync() >= 3);
        await violations.AssertNoneAsync(page, "consumer page");
    }

    [Fact]
    public async Task The_location_form_and_the_label_pages_work_under_the_policy_with_no_violation()
    {
        var s = await LookupScenario.CreateAsync(fixture.App);
        await s.IssueSerialsAsync("CSP-1", "CSP-2");
        var owner = await fixture.App.CreateUserAsync(s.Producer.Id, Roles.BusinessOwner);
        var batchId = await fixture.App.WithDbAsync(db => db.LabelBatches
            .Where(b => b.OrganizationId == s.Producer.Id).Select(b => b.Id).SingleAsync());
        await using var context = await browser.NewContextAsync(fixture.App);
        await context.RouteAsync("https://tile.openstreetmap.org/**", route => route.AbortAsync()); // no network here
        var (page, violations) = await Violations.WatchAsync(context);
        await page.SignInAsync(owner.UserName);

        // The location form: the kind switch (location-form.js) and the map (Leaflet, boundary-map.js).
        AssertStrictPolicy(await page.GotoAsync("/workspace/locations/new?kind=PlantingArea"));
        await Expect(page.Locator("#boundary-map")).ToBeVisibleAsync();
        await page.GetByLabel("Loại địa điểm").SelectOptionAsync(new SelectOptionValue { Label = "Trang trại" });
        var pointMap = page.Locator("#point-map");
        await Expect(pointMap).ToBeVisibleAsync();
        await pointMap.ClickAsync(new() { Position = new() { X = 200, Y = 150 } });
        await Expect(pointMap.Locator(".map-point")).ToHaveCountAsync(1);
        await violations.AssertNoneAsync(page, "location form");

        // The label pages: the list and a batch with its QR previews.
        AssertStrictPolicy(await page.GotoAsync("/workspace/labels"));
        await violations.AssertNoneAsync(page, "labels list");
        AssertStrictPolicy(await page.GotoAsync($"/workspace/labels/{batchId}"));
        await Expect(page.Locator(".label-preview svg").First).ToBeVisibleAsync();
        // The preview's size comes from site.css now, not from a <style> element in the page.
        Assert.Equal("block", await page.Locator(".label-preview svg").First.EvaluateAsync<string>("e => getComputedStyle(e).display"));
        await violations.AssertNoneAsync(page, "label batch");

        // The product form's checkboxes (site.js): "imported goods" shows the importer's fields.
        AssertStrictPolicy(await page.GotoAsync("/workspace/products/new"));
        var importer = page.Locator("#importer");
        await Expect(importer).ToBeHiddenAsync();
        await page.Locator("input[data-toggles='importer']").CheckAsync();
        await Expect(importer).ToBeVisibleAsync();
        await violations.AssertNoneAsync(page, "product form");
    }
}

public sealed class SqliteContentSecurityPolicyBrowserTests(SqliteKestrelAppFixture fixture, BrowserFixture browser)
    : ContentSecurityPolicyBrowserTests(fixture, browser), IClassFixture<SqliteKestrelAppFixture>;

public sealed class PostgresContentSecurityPolicyBrowserTests(PostgresKestrelAppFixture fixture, BrowserFixture browser)
    : ContentSecurityPolicyBrowserTests(fixture, browser), IClassFixture<PostgresKestrelAppFixture>;
