using VnTrace.Server.Locations.Geometry;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Locations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Identity;
using VnTrace.Server.Tests.Infrastructure;
using static VnTrace.Server.Tests.Infrastructure.EpcisHttp;

namespace VnTrace.Server.Tests.Locations;

/// <summary>
/// A business declares its locations through the pages: GLN typed (checked) or allocated, planting areas with a
/// boundary drawn, pasted or uploaded (validated and measured), nothing saved on bad input, and no business ever
/// seeing or touching another's locations.
/// </summary>
public abstract class LocationPagesTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private const string NewPage = "/workspace/locations/new";

    // Near Buôn Ma Thuột.
    private const double Lat = 12.68, Lng = 108.04;

    /// <summary>A fresh GLN under GS1 Vietnam's prefix with the right check digit.</summary>
    private static string NewGln()
    {
        var body = "893" + Random.Shared.NextInt64(0, 1_000_000_000).ToString("000000000", CultureInfo.InvariantCulture);
        return body + Gs1CheckDigit.ComputeChar(body);
    }

    /// <summary>The same GLN with its check digit off by one.</summary>
    private static string WithWrongCheckDigit(string gln) => gln[..12] + (char)('0' + (gln[12] - '0' + 1) % 10);

    /// <summary>A company prefix of 8 digits nobody else in the store has: 10,000 GLNs.</summary>
    private static string NewCompanyPrefix() => "893" + Random.Shared.Next(0, 100_000).ToString("00000", CultureInfo.InvariantCulture);

    /// <summary>A square of the given side (metres) around a point, as the map posts it: [[lat, lng], …], not closed.</summary>
    private static string SquarePoints(double lat, double lng, double side)
    {
        var dLat = side / 2 / 110_574.0;
        var dLng = side / 2 / (111_320.0 * Math.Cos(lat * Math.PI / 180));
        return JsonSerializer.Serialize(new[]
        {
            new[] { lat - dLat, lng - dLng }, new[] { lat - dLat, lng + dLng }, new[] { lat + dLat, lng + dLng }, new[] { lat + dLat, lng - dLng },
        });
    }

    private static string SquareGeoJsonFeature(double lat, double lng, double side)
    {
        var points = JsonSerializer.Deserialize<double[][]>(SquarePoints(lat, lng, side))!;
        var ring = points.Append(points[0]).Select(p => new[] { p[1], p[0] }).ToArray();
        return JsonSerializer.Serialize(new { type = "Feature", properties = new { name = "Lô 3" }, geometry = new { type = "Polygon", coordinates = new[] { ring } } });
    }

    // Drawn in the order corner 1, 3, 2, 4 of a square: the edges cross in the middle, at (12.6805, 108.0405).
    private const string BowTie = "[[12.68,108.04],[12.681,108.041],[12.68,108.041],[12.681,108.04]]";

    private async Task<(TestUser User, PageClient Pages)> BusinessAsync(string name, string? companyPrefix = null)
    {
        var user = await App.CreateBusinessUserAsync(name + " " + Guid.NewGuid().ToString("N")[..6]);
        if (companyPrefix is not null)
            await App.WithDbAsync(db => db.Organizations.Where(o => o.Id == user.OrganizationId)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Gs1CompanyPrefix, companyPrefix)));
        return (user, await App.SignInAsync(user));
    }

    private static Dictionary<string, string> Fields(LocationKind kind, string name, string gln = "", params (string Key, string Value)[] more)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.Kind"] = kind.ToString(),
            ["Form.Name"] = name,
            ["Form.Gln"] = gln,
        };
        foreach (var (key, value) in more)
            fields["Form." + key] = value;
        return fields;
    }

    private static Guid CreatedId(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/workspace/locations/", location);
        return Guid.Parse(location["/workspace/locations/".Length..]);
    }

    private static async Task<string> RefusedAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected the form again, got {(int)response.StatusCode}: {html}");
        Assert.Contains("field-validation-error", html);
        return WebUtility.HtmlDecode(html);
    }

    private Task<Location?> FindAsync(Guid organizationId, string name) =>
        App.WithDbAsync(db => db.Locations.FirstOrDefaultAsync(l => l.OrganizationId == organizationId && l.Name == name));

    [Fact]
    public async Task A_farm_with_a_typed_GLN_is_listed_shown_edited_and_audited()
    {
        var (user, pages) = await BusinessAsync("HTX Ea Tu");
        var gln = NewGln();

        var created = await pages.SubmitFormAsync(NewPage, Fields(LocationKind.Farm, "Trang trại Ea Tu", gln,
            ("CommuneCode", "24133"), ("AddressLine", "Buôn Ea Tu"), ("Latitude", "12,7011"), ("Longitude", "108.0712")));
        var id = CreatedId(created);

        var stored = await App.WithDbAsync(db => db.Locations.SingleAsync(l => l.Id == id));
        Assert.Equal(user.OrganizationId, stored.OrganizationId);
        Assert.Equal((LocationKind.Farm, gln, "24133"), (stored.Kind, stored.Gln, stored.CommuneCode));
        Assert.Equal((12.7011, 108.0712), (stored.Latitude!.Value, stored.Longitude!.Value)); // a decimal comma reads as a point
        var detail = WebUtility.HtmlDecode(await pages.GetPageAsync($"/workspace/locations/{id}"));
        Assert.Contains("Trang trại Ea Tu", detail);
        Assert.Contains(gln, detail);
        Assert.Contains("Phường Buôn Ma Thuột", detail);
        Assert.Contains($"https://id.gs1.org/414/{gln}", detail);
        var list = WebUtility.HtmlDecode(await pages.GetPageAsync("/workspace/locations?q=" + gln[..10]));
        Assert.Contains("Trang trại Ea Tu", list);

        var edited = await pages.SubmitFormAsync($"/workspace/locations/{id}/edit", Fields(LocationKind.Farm, "Trang trại Ea Tu (cũ)", gln));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("Trang trại Ea Tu (cũ)", (await App.WithDbAsync(db => db.Locations.SingleAsync(l => l.Id == id))).Name);
        var actions = await App.WithDbAsync(db => db.AuditLog.Where(a => a.EntityId == id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["location.create", "location.update"], actions);
    }

    [Fact]
    public async Task A_GLN_with_a_wrong_check_digit_is_refused_naming_the_digit_and_nothing_is_saved()
    {
        var (user, pages) = await BusinessAsync("Kho Ea Kar");
        var gln = NewGln();
        var bad = WithWrongCheckDigit(gln);

        var html = await RefusedAsync(await pages.SubmitFormAsync(NewPage, Fields(LocationKind.Warehouse, "Kho Ea Kar", bad)));

        Assert.Contains($"Số kiểm tra sai: chữ số thứ 13 là {bad[12]} nhưng phải là {gln[12]}", html);
        Assert.Contains($"value=\"{bad}\"", html); // the typed value stays in the form to be corrected
        Assert.Null(await FindAsync(user.OrganizationId!.Value, "Kho Ea Kar"));

        var letters = await RefusedAsync(await pages.SubmitFormAsync(NewPage, Fields(LocationKind.Warehouse, "Kho Ea Kar", "89312345X7890")));
        Assert.Contains("Ký tự thứ 9 ('X') không phải chữ số", letters);
        Assert.Null(await FindAsync(user.OrganizationId!.Value, "Kho Ea Kar"));
    }

    [Fact]
    public async Task A_GLN_another_location_has_is_refused_without_naming_its_owner()
    {
        var (_, first) = await BusinessAsync("Công ty Cà phê Thắng Lợi");
        var gln = NewGln();
        CreatedId(await first.SubmitFormAsync(NewPage, Fields(LocationKind.Factory, "Nhà máy rang xay", gln)));

        var (other, second) = await BusinessAsync("HTX Krông Pắc");
        var html = await RefusedAsync(await second.SubmitFormAsync(NewPage, Fields(LocationKind.Shop, "Cửa hàng Krông Pắc", gln)));

        Assert.Contains($"GLN {gln} đã được dùng cho một địa điểm khác", html);
        Assert.DoesNotContain("Thắng Lợi", html);
        Assert.DoesNotContain("Nhà máy rang xay", html);
        Assert.Null(await FindAsync(other.OrganizationId!.Value, "Cửa hàng Krông Pắc"));

        // Its own other location's GLN is refused the same way.
        var again = await RefusedAsync(await first.SubmitFormAsync(NewPage, Fields(LocationKind.Shop, "Cửa hàng", gln)));
        Assert.Contains($"GLN {gln} đã được dùng", again);
    }

    [Fact]
    public async Task Allocated_GLNs_are_valid_distinct_under_the_company_prefix_and_skip_numbers_in_use()
    {
        var prefix = NewCompanyPrefix();
        var (user, pages) = await BusinessAsync("HTX Buôn Đôn", prefix);
        // Someone typed the GLN that location reference 0 would give: allocation passes it by.
        var body0 = prefix + "0000";
        var taken = body0 + Gs1CheckDigit.ComputeChar(body0);
        var (_, squatter) = await BusinessAsync("Cơ sở khác");
        CreatedId(await squatter.SubmitFormAsync(NewPage, Fields(LocationKind.Shop, "Cửa hàng khác", taken)));

        var first = CreatedId(await pages.SubmitFormAsync(NewPage, Fields(LocationKind.Farm, "Trại 1")));
        var second = CreatedId(await pages.SubmitFormAsync(NewPage, Fields(LocationKind.Warehouse, "Kho 1")));

        var glns = await App.WithDbAsync(db => db.Locations.Where(l => l.Id == first || l.Id == second).Select(l => l.Gln).ToListAsync());
        Assert.Equal(2, glns.Distinct().Count());
        Assert.All(glns, g =>
        {
            Assert.True(Gln.TryParse(g, out _, out var error), error?.ToString());
            Assert.StartsWith(prefix, g);
            Assert.NotEqual(taken, g);
        });
        var body1 = prefix + "0001";
        Assert.Contains(body1 + Gs1CheckDigit.ComputeChar(body1), glns);
        Assert.Equal(3, await App.WithDbAsync(db => db.Organizations.Where(o => o.Id == user.OrganizationId).Select(o => o.NextGlnReference).SingleAsync()));
    }

    [Fact]
    public async Task Without_a_company_prefix_an_empty_GLN_says_so_and_nothing_is_saved()
    {
        var (user, pages) = await BusinessAsync("Hộ ông Y Bhim");

        var html = await RefusedAsync(await pages.SubmitFormAsync(NewPage, Fields(LocationKind.Farm, "Rẫy cà phê")));

        Assert.Contains("Doanh nghiệp chưa có mã doanh nghiệp GS1", html);
        Assert.Null(await FindAsync(user.OrganizationId!.Value, "Rẫy cà phê"));
    }

    [Fact]
    public async Task A_planting_area_drawn_on_the_map_stores_normalized_GeoJSON_and_its_computed_area()
    {
        var (user, pages) = await BusinessAsync("HTX Cư M'gar", NewCompanyPrefix());
        var farm = CreatedId(await pages.SubmitFormAsync(NewPage, Fields(LocationKind.Farm, "Trang trại Cư M'gar")));

        var id = CreatedId(await pages.SubmitFormAsync(NewPage, Fields(LocationKind.PlantingArea, "Vùng trồng sầu riêng 1", "",
            ("ParentId", farm.ToString()), ("PlantingAreaCode", "vn-dlor-0101"), ("Crop", "Sầu riêng"),
            ("AreaHectares", "99"), ("BoundaryPoints", SquarePoints(Lat, Lng, 100)))));

        var stored = await App.WithDbAsync(db => db.Locations.SingleAsync(l => l.Id == id));
        Assert.Equal(user.OrganizationId, stored.OrganizationId);
        Assert.Equal(farm, stored.ParentId);
        Assert.Equal("VN-DLOR-0101", stored.PlantingAreaCode);
        Assert.StartsWith("{\"type\":\"Polygon\",\"coordinates\":[[[", stored.BoundaryGeoJson);
        Assert.True(BoundaryPolygon.TryParse(stored.BoundaryGeoJson, out var boundary, out _));
        Assert.Equal(boundary.GeoJson, stored.BoundaryGeoJson); // already in the normalized form
        Assert.Equal(1.0, (double)stored.AreaHectares!.Value, 0.01); // from the drawing, not the 99 typed
        Assert.Equal(Lat, stored.Latitude!.Value, 1e-5);
        Assert.Equal(Lng, stored.Longitude!.Value, 1e-5);

        var detail = WebUtility.HtmlDecode(await pages.GetPageAsync($"/workspace/locations/{id}"));
        Assert.Contains(stored.AreaHectares.Value.ToString("#,##0.####", new CultureInfo("vi")) + " ha", detail);
        Assert.Contains("data-map=\"view\"", detail);
        var farmPage = WebUtility.HtmlDecode(await pages.GetPageAsync($"/workspace/locations/{farm}"));
        Assert.Contains("Vùng trồng sầu riêng 1", farmPage);
        Assert.Contains("VN-DLOR-0101", farmPage);
    }

    [Fact]
    public async Task A_bow_tie_boundary_is_refused_naming_where_it_crosses_and_nothing_is_stored()
    {
        var (user, pages) = await BusinessAsync("HTX Krông Năng", NewCompanyPrefix());

        var html = await RefusedAsync(await pages.SubmitFormAsync(NewPage, Fields(LocationKind.PlantingArea, "Vùng trồng tiêu", "",
            ("Crop", "Hồ tiêu"), ("BoundaryPoints", BowTie))));

        Assert.Contains("Ranh giới tự cắt nhau tại vĩ độ 12.6805, kinh độ 108.0405", html);
        Assert.Contains($"value=\"{BowTie}\"", html); // the drawing comes back to be fixed
        Assert.Null(await FindAsync(user.OrganizationId!.Value, "Vùng trồng tiêu"));
        Assert.Equal(0, await App.WithDbAsync(db => db.Organizations.Where(o => o.Id == user.OrganizationId).Select(o => o.NextGlnReference).SingleAsync()));
        Assert.False(await App.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.OrganizationId == user.OrganizationId)));
    }

    [Fact]
    public async Task Pasted_and_uploaded_GeoJSON_are_accepted_and_a_bad_file_is_refused_next_to_its_field()
    {
        var (user, pages) = await BusinessAsync("HTX Ea H'leo", NewCompanyPrefix());

        var pasted = CreatedId(await pages.SubmitFormAsync(NewPage, Fields(LocationKind.PlantingArea, "Lô dán", "",
            ("BoundaryGeoJson", SquareGeoJsonFeature(Lat, Lng, 200)), ("PlantingAreaCode", "Lô A"))));
        Assert.Equal(4.0, (double)(await App.WithDbAsync(db => db.Locations.SingleAsync(l => l.Id == pasted))).AreaHectares!.Value, 0.04);
        // An unusual planting-area code is saved, with a word of warning.
        Assert.Contains("Lưu ý: mã số vùng trồng \"LÔ A\"", WebUtility.HtmlDecode(await pages.GetPageAsync($"/workspace/locations/{pasted}")));

        var uploaded = await UploadAsync(pages, "Lô tải lên", "ranh-gioi.geojson", SquareGeoJsonFeature(Lat + 0.01, Lng, 300));
        var id = CreatedId(uploaded);
        var stored = await App.WithDbAsync(db => db.Locations.SingleAsync(l => l.Id == id));
        Assert.Equal(9.0, (double)stored.AreaHectares!.Value, 0.09);
        Assert.StartsWith("{\"type\":\"Polygon\"", stored.BoundaryGeoJson);

        var wrongType = await RefusedAsync(await UploadAsync(pages, "Lô sai tệp", "ranh-gioi.kml", "<kml/>"));
        Assert.Contains("Hãy tải tệp GeoJSON có đuôi .geojson hoặc .json.", wrongType);
        var line = JsonSerializer.Serialize(new { type = "LineString", coordinates = new[] { new[] { Lng, Lat }, new[] { Lng + 0.001, Lat } } });
        var notPolygon = await RefusedAsync(await UploadAsync(pages, "Lô đường", "duong.json", line));
        Assert.Contains("Ranh giới phải là một đa giác", notPolygon);
        Assert.Null(await FindAsync(user.OrganizationId!.Value, "Lô sai tệp"));
        Assert.Null(await FindAsync(user.OrganizationId!.Value, "Lô đường"));
    }

    private static async Task<HttpResponseMessage> UploadAsync(PageClient pages, string name, string fileName, string content)
    {
        var html = await pages.GetPageAsync(NewPage);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(PageClient.FindForm(html)!.AntiforgeryToken!), PageClient.AntiforgeryField },
            { new StringContent("PlantingArea"), "Form.Kind" },
            { new StringContent(name), "Form.Name" },
            { new StringContent(""), "Form.Gln" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/geo+json");
        form.Add(file, "Form.BoundaryFile", fileName);
        return await pages.Http.PostAsync(NewPage, form);
    }

    [Fact]
    public async Task Another_business_cannot_see_or_change_a_location()
    {
        var (_, owner) = await BusinessAsync("HTX Lắk");
        var gln = NewGln();
        var id = CreatedId(await owner.SubmitFormAsync(NewPage, Fields(LocationKind.Farm, "Trang trại hồ Lắk", gln)));

        var (_, stranger) = await BusinessAsync("Công ty khác");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/workspace/locations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/workspace/locations/{id}/edit")).StatusCode);
        var token = PageClient.FindForm(await stranger.GetPageAsync(NewPage))!.AntiforgeryToken;
        var edit = await stranger.PostFormAsync($"/workspace/locations/{id}/edit", Fields(LocationKind.Farm, "Đã sửa", gln), token);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        foreach (var handler in new[] { "Delete", "Archive" })
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostFormAsync($"/workspace/locations/{id}?handler={handler}", [], token)).StatusCode);
        // A planting area cannot be put into another business's farm either.
        var intoForeignFarm = await RefusedAsync(await stranger.SubmitFormAsync(NewPage, Fields(LocationKind.PlantingArea, "Vùng lạ", NewGln(), ("ParentId", id.ToString()))));
        Assert.Contains("Hãy chọn một trang trại của doanh nghiệp trong danh sách.", intoForeignFarm);

        foreach (var path in new[] { "/workspace/locations", "/workspace/locations?q=" + gln, "/workspace/locations?q=hồ+Lắk&archived=true" })
            Assert.DoesNotContain("Trang trại hồ Lắk", WebUtility.HtmlDecode(await stranger.GetPageAsync(path)));
        var stored = await App.WithDbAsync(db => db.Locations.SingleAsync(l => l.Id == id));
        Assert.Equal(("Trang trại hồ Lắk", false), (stored.Name, stored.Archived));
    }

    [Fact]
    public async Task A_location_events_name_is_archived_instead_of_deleted_and_an_unused_one_is_deleted()
    {
        var (user, pages) = await BusinessAsync("HTX Ea Súp");
        var usedGln = NewGln();
        var used = CreatedId(await pages.SubmitFormAsync(NewPage, Fields(LocationKind.Warehouse, "Kho đã dùng", usedGln)));
        var unused = CreatedId(await pages.SubmitFormAsync(NewPage, Fields(LocationKind.Warehouse, "Kho chưa dùng", NewGln())));

        string key;
        await using (var scope = App.Services.CreateAsyncScope())
            key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(user.OrganizationId!.Value, "test");
        using var api = App.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var sgln = $"urn:epc:id:sgln:{usedGln[..7]}.{usedGln[7..12]}.0";
        var captured = await api.PostJsonLd("/capture", Document(ObjectEvent(epc: $"urn:epc:id:sgtin:8936012.000010.{Random.Shared.Next()}", bizLocation: sgln)));
        Assert.Equal(HttpStatusCode.Accepted, captured.StatusCode);

        var detail = await pages.GetPageAsync($"/workspace/locations/{used}");
        Assert.DoesNotContain("?handler=Delete", detail); // only archiving is offered
        // A delete posted anyway (from a page opened before the event arrived) archives.
        var token = PageClient.FindForm(detail)!.AntiforgeryToken;
        var archived = await pages.PostFormAsync($"/workspace/locations/{used}?handler=Delete", [], token);
        Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
        Assert.True((await App.WithDbAsync(db => db.Locations.SingleAsync(l => l.Id == used))).Archived);
        var edit = WebUtility.HtmlDecode(await pages.GetPageAsync($"/workspace/locations/{used}/edit"));
        Assert.Contains("không thể đổi", edit); // its GLN is locked
        var changed = await RefusedAsync(await pages.SubmitFormAsync($"/workspace/locations/{used}/edit", Fields(LocationKind.Warehouse, "Kho đã dùng", NewGln())));
        Assert.Contains("GLN này đã được dùng trong nhật ký sự kiện", changed);

        var deleted = await pages.SubmitFormAsync($"/workspace/locations/{unused}", [], formAction: $"/workspace/locations/{unused}?handler=Delete");
        Assert.Equal("/workspace/locations", deleted.Headers.Location?.ToString());
        Assert.False(await App.WithDbAsync(db => db.Locations.AnyAsync(l => l.Id == unused)));
        var actions = await App.WithDbAsync(db => db.AuditLog.Where(a => a.OrganizationId == user.OrganizationId && (a.Action == "location.archive" || a.Action == "location.delete"))
            .Select(a => a.Action).ToListAsync());
        Assert.Equal(["location.archive", "location.delete"], actions.Order());
    }

    [Fact]
    public async Task Typed_point_and_commune_are_checked()
    {
        var (user, pages) = await BusinessAsync("Cửa hàng Đặc sản");
        var html = await RefusedAsync(await pages.SubmitFormAsync(NewPage, Fields(LocationKind.Shop, "Cửa hàng 1", NewGln(),
            ("Latitude", "108.04"), ("Longitude", "12.68"), ("CommuneCode", "99999"))));

        Assert.Contains("Vĩ độ phải là số từ -90 đến 90", html);
        Assert.Contains("Hãy chọn một xã, phường trong danh sách.", html);
        Assert.Null(await FindAsync(user.OrganizationId!.Value, "Cửa hàng 1"));

        var swapped = await RefusedAsync(await pages.SubmitFormAsync(NewPage, Fields(LocationKind.Shop, "Cửa hàng 1", NewGln(),
            ("Latitude", "20.5"), ("Longitude", "12.68"))));
        Assert.Contains("nằm ngoài Việt Nam", swapped);
    }
}

public sealed class SqliteLocationPagesTests(SqliteAppFixture fixture) : LocationPagesTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresLocationPagesTests(PostgresAppFixture fixture) : LocationPagesTests(fixture), IClassFixture<PostgresAppFixture>;
