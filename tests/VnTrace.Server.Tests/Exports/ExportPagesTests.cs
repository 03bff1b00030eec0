using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using VnTrace.Server.Identity;
using VnTrace.Server.Tests.Infrastructure;
using static VnTrace.Server.Tests.Exports.ExportsApiTests;

namespace VnTrace.Server.Tests.Exports;

/// <summary>
/// The export buttons of the authority console and the workspace: a signed-in officer or business downloads both
/// exports from the page, with its organization's rights (no API key), on SQLite and PostgreSQL.
/// </summary>
public abstract partial class ExportPagesTests(ExportsFixture fixture)
{
    private VnTraceApp App => fixture.App;

    [GeneratedRegex("""<button type="submit" name="kind" value="(\w+)"[^>]*>([^<]+)</button>""")]
    private static partial Regex DownloadButton();

    /// <summary>
    /// What the browser does with the page's GET form when <paramref name="button"/> is pressed: the form's hidden
    /// handler, the fields as filled in, and the button's kind.
    /// </summary>
    private static async Task<HttpResponseMessage> PressAsync(PageClient pages, string page, string button, string fields)
    {
        var html = await pages.GetPageAsync(page);
        Assert.Contains("""<input type="hidden" name="handler" value="download">""", html);
        var buttons = DownloadButton().Matches(html).ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);
        Assert.True(buttons.TryGetValue(button, out var kind), $"no button '{button}' in: {string.Join(", ", buttons.Keys)}");
        return await pages.GetAsync($"{page}?handler=download&{fields}&kind={kind}");
    }

    private static async Task<List<string[]>> CsvAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(bytes));
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        return Csv.Parse(new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3));
    }

    private static Func<string[], string> Field(List<string[]> rows, string header)
    {
        var i = Array.IndexOf(English(rows[0]), header);
        Assert.True(i >= 0, $"no column '{header}' in: {string.Join(" | ", rows[0])}");
        return row => row[i];
    }

    [Fact]
    public async Task An_officer_downloads_both_exports_of_everyone_from_the_authority_console()
    {
        var c = await ExportChain.CaptureAsync(App);
        var (image, address) = await RegisterFarmProductAsync(App, c);
        using var officer = await App.SignInAsync(await App.CreateUserAsync(c.Authority.OrganizationId, Roles.Authority));
        var scope = $"lot={Uri.EscapeDataString(c.LotP)}&trace=Both&format=Csv";

        var cte = await CsvAsync(await PressAsync(officer, "/authority/exports", "Tải các sự kiện truy xuất trọng yếu", scope));

        Assert.Equal("Sự kiện truy xuất trọng yếu / Critical tracking event", cte[0][0]);
        var ids = cte.Skip(1).Select(Field(cte, "EPCIS event ID")).ToList();
        foreach (var name in new[] { "harvest-a", "ship-a", "blend", "ship-p", "receive-p", "claim" })
            Assert.Contains(c.EventId(name), ids); // the authority sees every business, the unrelated claim included

        var mds = await CsvAsync(await PressAsync(officer, "/authority/exports", "Tải bộ thông tin tối thiểu (Nghị định 37)", scope));
        var lotA = mds.Skip(1).Single(r => Field(mds, "Traceability code")(r) == c.LotA);
        Assert.Equal("Xoài cát Hòa Lộc " + c.Suffix, Field(mds, "Product name")(lotA));
        Assert.EndsWith($"/files/{image}", Field(mds, "Product image")(lotA));
        Assert.Equal(c.FarmA.Name, Field(mds, "Business name")(lotA));
        Assert.Equal(address, Field(mds, "Business address")(lotA));
    }

    [Fact]
    public async Task A_business_downloads_both_exports_of_its_own_rows_from_the_workspace()
    {
        var c = await ExportChain.CaptureAsync(App);
        var (image, address) = await RegisterFarmProductAsync(App, c);
        using var farm = await App.SignInAsync(await App.CreateUserAsync(c.FarmA.OrganizationId, Roles.BusinessOwner));
        var scope = "from=2026-08-01&to=2026-09-30&format=Csv";

        var cte = await CsvAsync(await PressAsync(farm, "/workspace/exports", "Tải các sự kiện truy xuất trọng yếu", scope));

        // Its own events and the processor's receipt, which names the farm; nothing of the other businesses.
        var ids = cte.Skip(1).Select(Field(cte, "EPCIS event ID")).ToList();
        Assert.Equal([c.EventId("harvest-a"), c.EventId("harvest-a2"), c.EventId("ship-a"), c.EventId("receive-a")], ids);
        var text = string.Join("\n", cte.Select(r => string.Join(",", r)));
        foreach (var other in new[] { "blend", "ship-p", "receive-p", "harvest-c", "claim" })
            Assert.DoesNotContain(c.EventId(other), text);
        Assert.DoesNotContain(c.Unrelated.Name, text);

        var mds = await CsvAsync(await PressAsync(farm, "/workspace/exports", "Tải bộ thông tin tối thiểu (Nghị định 37)", scope));
        Assert.Equal([c.LotA, c.LotA2], mds.Skip(1).Select(Field(mds, "Traceability code")));
        Assert.Equal(["Xoài cát Hòa Lộc " + c.Suffix, "Xoài cát Hòa Lộc " + c.Suffix], mds.Skip(1).Select(Field(mds, "Product name")));
        Assert.All(mds.Skip(1), r => Assert.EndsWith($"/files/{image}", Field(mds, "Product image")(r)));
        Assert.All(mds.Skip(1), r => Assert.Equal(c.FarmA.Name, Field(mds, "Business name")(r)));
        Assert.All(mds.Skip(1), r => Assert.Equal(address, Field(mds, "Business address")(r)));
    }

    [Fact]
    public async Task An_xlsx_download_from_the_page_is_a_workbook()
    {
        var c = await ExportChain.CaptureAsync(App);
        using var farm = await App.SignInAsync(await App.CreateUserAsync(c.FarmA.OrganizationId, Roles.BusinessOwner));

        var response = await PressAsync(farm, "/workspace/exports", "Tải các sự kiện truy xuất trọng yếu", $"gtin={c.GtinA}&format=Xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(VnTrace.Server.Exports.XlsxExportWriter.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("4", response.Headers.GetValues("X-Export-Rows").Single());
    }

    [Theory]
    [InlineData("gtin=08936012000109", "Mã sản phẩm (GTIN) không hợp lệ.")]
    [InlineData("format=Csv", "Hãy chọn sản phẩm, lô hoặc khoảng thời gian cần xuất.")]
    [InlineData("from=2026-10-01&to=2026-09-01", "Ngày bắt đầu phải trước ngày kết thúc.")]
    [InlineData("lot=hello", "Mã lô không hợp lệ")]
    [InlineData("lot=https%3A%2F%2Fid.gs1.org%2F01%2F08936012000108%2F10%2FNEVER-SEEN", "Không có sự kiện nào bạn được xem ghi nhận lô này.")]
    public async Task A_bad_filter_gets_a_vietnamese_message_on_the_page(string fields, string message)
    {
        var (organizationId, _) = await App.CreateOrganizationClientAsync("Xuất dữ liệu sai " + Guid.NewGuid().ToString("N")[..6]);
        using var owner = await App.SignInAsync(await App.CreateUserAsync(organizationId, Roles.BusinessOwner));

        var response = await PressAsync(owner, "/workspace/exports", "Tải bộ thông tin tối thiểu (Nghị định 37)", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_business_cannot_open_the_authority_exports()
    {
        var c = await ExportChain.CaptureAsync(App);
        using var farm = await App.SignInAsync(await App.CreateUserAsync(c.FarmA.OrganizationId, Roles.BusinessOwner));

        var response = await farm.GetAsync($"/authority/exports?handler=download&kind=CriticalTrackingEvents&gtin={c.GtinP}&format=Csv", followRedirects: false);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("text/csv", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class SqliteExportPagesTests(SqliteExportsFixture fixture) : ExportPagesTests(fixture), IClassFixture<SqliteExportsFixture>;

public sealed class PostgresExportPagesTests(PostgresExportsFixture fixture) : ExportPagesTests(fixture), IClassFixture<PostgresExportsFixture>;
