using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace VnTrace.Server.Tests.Browser;

/// <summary>
/// A planting area drawn by clicking on the map, with no map tiles reachable (a closed network): the polygon still
/// draws over a blank map, the corners go to the form, and the saved location shows the area the server computed.
/// </summary>
public abstract class LocationMapBrowserTests(AppFixture fixture, BrowserFixture browser)
{
    [Fact]
    public async Task A_planting_area_drawn_with_four_clicks_is_saved_with_its_area_in_hectares()
    {
        var app = fixture.App;
        var user = await app.CreateBusinessUserAsync("HTX Cà phê Ea Pốk " + Guid.NewGuid().ToString("N")[..6]);
        var prefix = "893" + Random.Shared.Next(0, 100_000).ToString("00000", CultureInfo.InvariantCulture);
        await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == user.OrganizationId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Gs1CompanyPrefix, prefix)));

        await using var context = await browser.NewContextAsync(app);
        var tileRequests = 0;
        await context.RouteAsync("https://tile.openstreetmap.org/**", route =>
        {
            Interlocked.Increment(ref tileRequests);
            return route.AbortAsync();
        });
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);

        await SignInAsync(page, user);

        await page.GotoAsync("/workspace/locations/new?kind=PlantingArea");
        await page.GetByLabel("Tên địa điểm").FillAsync("Vùng trồng cà phê lô 7");
        await page.GetByLabel("Cây trồng").FillAsync("Cà phê");
        var map = page.Locator("#boundary-map");
        await Expect(map).ToBeVisibleAsync();
        // Zoom to a field near Buôn Ma Thuột, as a person would with the + button.
        await page.EvaluateAsync("() => VnTraceMap.get(document.getElementById('boundary-map')).setView([12.68, 108.04], 17, { animate: false })");
        foreach (var (x, y) in new[] { (150, 80), (380, 90), (370, 260), (160, 250) })
            await map.ClickAsync(new() { Position = new() { X = x, Y = y } });

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "4 góc" })).ToBeVisibleAsync();
        var drawn = JsonSerializer.Deserialize<double[][]>(await page.Locator("#Form_BoundaryPoints").InputValueAsync())!;
        Assert.Equal(4, drawn.Length);
        Assert.All(drawn, p => Assert.InRange(p[0], 12.67, 12.69));
        await Expect(map.Locator("path.leaflet-interactive, path")).Not.ToHaveCountAsync(0); // the polygon is on the map
        await TestArtifacts.ScreenshotAsync(page, $"location-draw-{fixture.Provider.ToString().ToLowerInvariant()}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/workspace/locations/[0-9a-f-]{36}$"));

        var location = await app.WithDbAsync(db => db.Locations
            .SingleAsync(l => l.OrganizationId == user.OrganizationId && l.Name == "Vùng trồng cà phê lô 7"));
        Assert.NotNull(location.BoundaryGeoJson);
        Assert.StartsWith(prefix, location.Gln);
        var hectares = location.AreaHectares!.Value;
        Assert.InRange(hectares, 3m, 8m); // about 225 × 170 px at 1.17 m per pixel: 260 × 200 m
        var area = hectares.ToString("#,##0.####", new CultureInfo("vi")) + " ha";
        await Expect(page.GetByTestId("area")).ToContainTextAsync(area);
        await Expect(page.Locator("#location-map path")).Not.ToHaveCountAsync(0);
        await TestArtifacts.ScreenshotAsync(page, $"location-detail-{fixture.Provider.ToString().ToLowerInvariant()}");

        // Editing shows the stored corners, ready to drag; saving without touching them keeps the boundary.
        await page.GetByRole(AriaRole.Link, new() { Name = "Sửa", Exact = true }).ClickAsync();
        await Expect(page.Locator("#boundary-map .map-vertex")).ToHaveCountAsync(4);
        Assert.Equal("", await page.Locator("#Form_BoundaryPoints").InputValueAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("area")).ToContainTextAsync(area);
        Assert.Empty(scriptErrors);
        TestContext.Current.TestOutputHelper?.WriteLine($"{tileRequests} tile requests refused; area {area}");
    }

    [Fact]
    public async Task A_farm_is_placed_by_clicking_on_the_map_and_only_its_kinds_fields_show()
    {
        var app = fixture.App;
        var user = await app.CreateBusinessUserAsync("Trang trại Hoà Thắng " + Guid.NewGuid().ToString("N")[..6]);
        await using var context = await browser.NewContextAsync(app);
        await context.RouteAsync("https://tile.openstreetmap.org/**", route => route.AbortAsync());
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await SignInAsync(page, user);

        await page.GotoAsync("/workspace/locations/new?kind=PlantingArea");
        await Expect(page.GetByLabel("Mã số vùng trồng")).ToBeVisibleAsync();
        await Expect(page.Locator("#point-map")).ToBeHiddenAsync();
        await page.GetByLabel("Loại địa điểm").SelectOptionAsync(new SelectOptionValue { Label = "Trang trại" });
        await Expect(page.GetByLabel("Mã số vùng trồng")).ToBeHiddenAsync();
        var map = page.Locator("#point-map");
        await Expect(map).ToBeVisibleAsync();

        await map.ClickAsync(new() { Position = new() { X = 200, Y = 150 } });

        var latitude = LocationFormNumber(await page.GetByLabel("Vĩ độ").InputValueAsync());
        var longitude = LocationFormNumber(await page.GetByLabel("Kinh độ").InputValueAsync());
        Assert.InRange(latitude, 8, 24); // the default view is Đắk Lắk
        Assert.InRange(longitude, 102, 110);
        await Expect(map.Locator(".map-point")).ToHaveCountAsync(1);
        Assert.Empty(scriptErrors);
    }

    private static double LocationFormNumber(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static Task SignInAsync(IPage page, TestUser user) => page.SignInAsync(user.UserName);
}

public sealed class SqliteLocationMapBrowserTests(SqliteKestrelAppFixture fixture, BrowserFixture browser)
    : LocationMapBrowserTests(fixture, browser), IClassFixture<SqliteKestrelAppFixture>;

public sealed class PostgresLocationMapBrowserTests(PostgresKestrelAppFixture fixture, BrowserFixture browser)
    : LocationMapBrowserTests(fixture, browser), IClassFixture<PostgresKestrelAppFixture>;
