using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using VnTrace.Server.Imports;
using VnTrace.Server.Lots;
using VnTrace.Server.Lots.Diary;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Tests.Lots;
using VnTrace.Server.Tests.Products;
using VnTrace.Server.Capture;
using VnTrace.Server.Tests.Infrastructure;
// VnTrace.Server.Tests.Data would shadow VnTrace.Server.Data here.
using DuplicateEventException = VnTrace.Server.Platform.Data.DuplicateEventException;
using IEventWriter = VnTrace.Server.Platform.Data.IEventWriter;
using TraceabilityEvent = VnTrace.Server.Platform.Events.TraceabilityEvent;
using VnTraceDbContext = VnTrace.Server.Platform.Data.VnTraceDbContext;

namespace VnTrace.Server.Tests.Imports;

/// <summary>
/// Production-diary entries imported from spreadsheets through the import page: each row one EPCIS event written by
/// the diary service, checked by the same code as the lot forms, all rows in one capture or none.
/// </summary>
public abstract class DiaryImportTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;
    private const string Page = "/workspace/imports?kind=diary";

    /// <summary>A CBV bizStep as the JSON-LD of GET /events writes it: the bare word.</summary>
    private static string Step(string word) => word;
    private const string FarmingInputStep = "https://vntrace.vn/epcis/bizstep/farming_input";

    private static IReadOnlyList<ImportColumn> Columns(VnTraceApp app)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetServices<IImportKind>().Single(k => k.Key == "diary").Columns;
    }

    /// <summary>A CSV in the template's layout: the header row, then each row's values by column key, every cell quoted.</summary>
    private byte[] Csv(params Dictionary<string, string>[] rows)
    {
        var columns = Columns(App);
        static string Quote(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var lines = new List<string> { string.Join(",", columns.Select(c => Quote(ImportTemplate.Header(c)))) };
        lines.AddRange(rows.Select(r => string.Join(",", columns.Select(c => Quote(r.GetValueOrDefault(c.Key, ""))))));
        return Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");
    }

    /// <summary>Vietnam wall-clock time some hours ago, as people type it: 25/11/2026 08:30.</summary>
    private static string HoursAgo(double hours, string format = "dd/MM/yyyy HH:mm") =>
        DateTime.UtcNow.AddHours(7 - hours).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The GTIN-13 a business prints, from the GTIN-14 the database keeps.</summary>
    private static string Gtin13(string gtin14) => gtin14[1..];

    private static Dictionary<string, string> Entry(string type, string gtin, string lot, string time, string gln, params (string Key, string Value)[] more)
    {
        var row = new Dictionary<string, string> { ["type"] = type, ["gtin"] = gtin, ["lot"] = lot, ["time"] = time, ["location"] = gln };
        foreach (var (key, value) in more)
            row[key] = value;
        return row;
    }

    private static string? Str(JsonNode? e, string name) => e?[name]?.GetValue<string>();

    private static decimal? QuantityOf(JsonNode e) => e["quantityList"]?.AsArray().SingleOrDefault()?["quantity"]?.GetValue<decimal>();

    private Task<bool> AuditedAsync(Guid organizationId) =>
        App.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.OrganizationId == organizationId && a.Action == "import.diary"));

    [Fact]
    public async Task The_templates_download_and_read_back()
    {
        using var farm = await LotsTestBusiness.CreateAsync(App, "HTX Mẫu Nhật Ký");
        var columns = Columns(App);

        var page = WebUtility.HtmlDecode(await farm.Pages.GetPageAsync("/workspace/imports"));
        Assert.Contains("href=\"/workspace/imports?kind=diary\">Nhật ký sản xuất</a>", page);
        Assert.Contains("href=\"/workspace/imports?kind=products\"", page);
        foreach (var format in new[] { "xlsx", "csv" })
        {
            using var response = await farm.Pages.GetAsync($"/workspace/imports?handler=Template&kind=diary&format={format}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("mau-nhap-nhat-ky." + format, response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.True(TabularFile.TryRead(bytes, "template." + format, out var data, out var error), error?.ToString());
            Assert.Equal(columns.Select(ImportTemplate.Header), data.Headers);
            Assert.Equal(["Loại nhật ký *", "Mã GTIN *", "Số lô *", "Thời gian *", "GLN địa điểm *"], data.Headers.Take(5));
            Assert.True(ImportSheet.TryMap(data, columns, out var sheet, out var mapError), mapError?.ToString());
            Assert.True(sheet.IsValid, string.Join("; ", sheet.Errors));
            var example = Assert.Single(sheet.Rows);
            Assert.Equal(DiaryImport.EntryType.Harvest, ((DiaryImport.TypeCell)example.Values["type"]!).Type);
            Assert.Equal(new DateTime(2026, 10, 20, 7, 30, 0), example.Values["time"]);
        }
    }

    [Fact]
    public async Task A_good_file_of_mixed_entries_imports_all_in_one_capture()
    {
        using var farm = await LotsTestBusiness.CreateAsync(App, "HTX Nhập Nhật Ký");
        using var buyer = await LotsTestBusiness.CreateAsync(App, "Công ty Thu Mua");
        var lotA = await farm.CreateLotAsync("CF-A1");
        var lotB = await farm.CreateLotAsync("CF-B1");
        var gtin = Gtin13(farm.Gtin);
        // Not in time order: the import records them by time, so the harvest still meets the inputs before it.
        var csv = Csv(
            Entry("thu hoạch", gtin, "CF-A1", HoursAgo(24 * 5), farm.FarmGln, ("quantity", "1200,5"), ("unit", "kg"), ("note", "Chín trên 90%")),
            Entry("Bón phân", gtin, "CF-A1", HoursAgo(24 * 20), farm.FarmGln, ("inputName", "NPK 16-16-8"), ("dose", "50"), ("doseUnit", "kg/sào")),
            Entry("phun thuốc", gtin, "CF-A1", HoursAgo(24 * 15, "yyyy-MM-dd'T'HH:mm"), farm.FarmGln,
                ("inputName", "Abamectin 3.6EC"), ("dose", "0,5"), ("doseUnit", "lít/ha"), ("preHarvestIntervalDays", "7")),
            Entry("packing", gtin, "CF-A1", HoursAgo(24 * 4), farm.WarehouseGln, ("quantity", "1200"), ("packaging", "Bao 60 kg"), ("packageCount", "20")),
            Entry("lưu kho", gtin, "CF-A1", HoursAgo(24 * 3), farm.WarehouseGln),
            Entry("Xuất hàng", gtin, "CF-A1", HoursAgo(24 * 2), farm.WarehouseGln, ("quantity", "600"), ("partnerGln", buyer.Gln!), ("despatchAdvice", "PX-0001")),
            Entry("retail_sale", gtin, "CF-A1", HoursAgo(1), farm.WarehouseGln, ("quantity", "2.5")),
            Entry("harvest", farm.Gtin, "CF-B1", HoursAgo(24 * 6), farm.FarmGln, ("quantity", "100")),
            Entry("THU HOACH", farm.Gtin, "CF-B1", DateTime.UtcNow.AddHours(-24 * 5).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), farm.FarmGln,
                ("quantity", "50")));

        var (html, fileId) = await farm.Pages.UploadImportAsync("diary", csv, "nhat-ky.csv");

        Assert.True(fileId is not null, LotsTestBusiness.ErrorsOf(html));
        Assert.Contains("9 dòng dữ liệu: 9 hợp lệ, 0 có lỗi", html);
        Assert.Contains("Thu hoạch — lô CF-A1 (GTIN " + farm.Gtin + ")", html);
        Assert.Equal(0, await farm.EventCountAsync());
        Assert.Null((await farm.LotAsync(lotA))!.Quantity);

        using var confirmed = await farm.Pages.ConfirmImportAsync("diary", fileId.Value, "all");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var events = await farm.EventsAsync();
        Assert.Equal(9, events.Count);
        Assert.Equal(
            new[] { FarmingInputStep, FarmingInputStep, Step("creating_class_instance"), Step("creating_class_instance"), Step("creating_class_instance"),
                Step("packing"), Step("storing"), Step("shipping"), Step("retail_selling") }.Order(StringComparer.Ordinal),
            events.Select(e => Str(e, "bizStep")!).Order(StringComparer.Ordinal));
        var inputs = events.Where(e => Str(e, "bizStep") == FarmingInputStep).ToList();
        string Detail(JsonNode e, string name) => e.AsObject().Single(p => p.Key.EndsWith(":farmingInput", StringComparison.Ordinal)).Value!.AsObject()
            .Single(p => p.Key.EndsWith(":" + name, StringComparison.Ordinal)).Value!.ToString();
        Assert.Equal(["fertiliser", "pesticide"], inputs.Select(e => Detail(e!, "kind")).Order());
        var pesticide = inputs.Single(e => Detail(e!, "kind") == "pesticide")!;
        Assert.Equal(("Abamectin 3.6EC", "0.5", "lít/ha", "7"),
            (Detail(pesticide, "name"), Detail(pesticide, "dose"), Detail(pesticide, "doseUnit"), Detail(pesticide, "preHarvestIntervalDays")));
        var shipping = events.Single(e => Str(e, "bizStep") == Step("shipping"))!;
        Assert.Equal(600m, QuantityOf(shipping));
        Assert.Contains(shipping["destinationList"]!.AsArray(), d => Str(d, "destination") == $"https://id.gs1.org/417/{buyer.Gln}");
        Assert.Equal($"urn:epcglobal:cbv:bt:{farm.Gln}:PX-0001", Str(shipping["bizTransactionList"]!.AsArray().Single(), "bizTransaction"));
        Assert.Equal(2.5m, QuantityOf(events.Single(e => Str(e, "bizStep") == Step("retail_selling"))!));
        Assert.All(events, e => Assert.Equal("+07:00", Str(e, "eventTimeZoneOffset")));

        // The lot quantities follow the harvests: the first replaces the estimate, the next adds to it.
        Assert.Equal(1200.5m, (await farm.LotAsync(lotA))!.Quantity);
        Assert.Equal(150m, (await farm.LotAsync(lotB))!.Quantity);
        // One capture, one document: the events were stored together.
        Assert.Equal(1, await farm.App.WithDbAsync(db => db.Events.Where(e => e.OwnerId == farm.OrganizationId).Select(e => e.CaptureId).Distinct().CountAsync()));
        var audit = await App.WithDbAsync(db => db.AuditLog.SingleAsync(a => a.OrganizationId == farm.OrganizationId && a.Action == "import.diary"));
        Assert.Contains("\"Imported\":9", audit.Detail);

        // The same file again repeats events already in the diary: nothing is imported twice.
        var (again, againId) = await farm.Pages.UploadImportAsync("diary", csv, "nhat-ky.csv");
        Assert.Contains("9 dòng dữ liệu: 0 hợp lệ, 9 có lỗi", again);
        Assert.Contains("Sự kiện này đã được ghi trước đó.", again);
        Assert.NotNull(againId);
    }

    /// <summary>Rows 2–4 are good; rows 5–10 each have one mistake the report must name.</summary>
    private static Dictionary<string, string>[] BrokenRows(LotsTestBusiness farm, LotsTestBusiness other, string badGtin) =>
    [
        Entry("phun thuốc", farm.Gtin, "L-1", HoursAgo(24 * 3), farm.FarmGln, ("inputName", "Chlorpyrifos 48EC"), ("dose", "1"), ("doseUnit", "lít/ha"), ("preHarvestIntervalDays", "10")),
        Entry("đóng gói", farm.Gtin, "L-1", HoursAgo(24 * 2), farm.WarehouseGln, ("quantity", "300")),
        Entry("lưu kho", farm.Gtin, "L-2", HoursAgo(24 * 2), farm.WarehouseGln, ("quantity", "40")),
        Entry("thu hoạch", farm.Gtin, "KHONG-CO", HoursAgo(24), farm.FarmGln, ("quantity", "10")),
        Entry("thu hoạch", other.Gtin, "BI-MAT-1", HoursAgo(24), farm.FarmGln, ("quantity", "10")),
        Entry("thu hoạch", badGtin, "L-2", HoursAgo(24), farm.FarmGln, ("quantity", "10")),
        Entry("thu hoạch", farm.Gtin, "L-2", "31/02/2026 08:00", farm.FarmGln, ("quantity", "10")),
        Entry("thu hoạch", farm.Gtin, "L-1", HoursAgo(24), farm.FarmGln, ("quantity", "500")),
        Entry("tưới nước", farm.Gtin, "L-1", HoursAgo(24), farm.FarmGln),
    ];

    [Fact]
    public async Task A_file_with_broken_rows_is_reported_row_by_row_and_imports_nothing()
    {
        using var other = await LotsTestBusiness.CreateAsync(App, "HTX Hàng Xóm");
        await other.CreateLotAsync("BI-MAT-1");
        using var farm = await LotsTestBusiness.CreateAsync(App, "HTX Tệp Lỗi");
        var lot1 = await farm.CreateLotAsync("L-1");
        await farm.CreateLotAsync("L-2");
        var (badGtin, expected) = ProductTestData.WithBadCheckDigit(Gtin13(farm.Gtin));

        var (html, fileId) = await farm.Pages.UploadImportAsync("diary", Csv(BrokenRows(farm, other, badGtin)), "loi.csv");

        Assert.Contains("9 dòng dữ liệu: 3 hợp lệ, 6 có lỗi", html);
        // Row numbers as the spreadsheet shows them (the header is row 1), columns as written in the file.
        Assert.Matches(@"<td>5</td><td>Số lô \*</td><td>Doanh nghiệp không có lô số KHONG-CO của sản phẩm", html);
        Assert.Matches($@"<td>6</td><td>Số lô \*</td><td>Doanh nghiệp không có lô số BI-MAT-1 của sản phẩm có mã GTIN {other.Gtin}", html);
        Assert.Matches($@"<td>7</td><td>Mã GTIN \*</td><td>Sai số kiểm tra: [^<]*là {badGtin[^1]} nhưng phải là {expected}", html);
        Assert.Matches(@"<td>8</td><td>Thời gian \*</td><td>""31/02/2026 08:00"" không phải ngày giờ", html);
        Assert.Matches(@"<td>9</td><td>Thời gian \*</td><td>Chưa hết thời gian cách ly của Chlorpyrifos 48EC \(sử dụng lúc [^)]*\), cách ly 10 ngày\)", html);
        Assert.Matches(@"<td>10</td><td>Loại nhật ký \*</td><td>""tưới nước"" không phải loại nhật ký", html);
        Assert.DoesNotMatch(@"<td>[234]</td>", html);
        // Another business's lot reads exactly like one that does not exist.
        Assert.DoesNotContain(other.Name, html);
        Assert.DoesNotContain("Cà phê nhân " + other.Name, html);
        Assert.Matches(@"<button type=""submit"" class=""btn btn-success"" disabled=""disabled"">", html);

        using var refused = await farm.Pages.ConfirmImportAsync("diary", fileId!.Value, "all");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("chưa nhập gì", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(0, await farm.EventCountAsync());
        Assert.Null((await farm.LotAsync(lot1))!.Quantity);
        Assert.False(await AuditedAsync(farm.OrganizationId));
        Assert.Equal(0, await other.EventCountAsync());
    }

    [Fact]
    public async Task Import_the_valid_rows_only_imports_exactly_the_good_ones()
    {
        using var other = await LotsTestBusiness.CreateAsync(App, "HTX Bên Cạnh");
        await other.CreateLotAsync("BI-MAT-1");
        using var farm = await LotsTestBusiness.CreateAsync(App, "HTX Dòng Tốt");
        await farm.CreateLotAsync("L-1");
        await farm.CreateLotAsync("L-2");
        var (_, fileId) = await farm.Pages.UploadImportAsync("diary", Csv(BrokenRows(farm, other, ProductTestData.WithBadCheckDigit(Gtin13(farm.Gtin)).Bad)), "loi.csv");

        using var imported = await farm.Pages.ConfirmImportAsync("diary", fileId!.Value, "valid");

        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var events = await farm.EventsAsync();
        Assert.Equal(new[] { FarmingInputStep, Step("packing"), Step("storing") }.Order(StringComparer.Ordinal), events.Select(e => Str(e, "bizStep")!).Order(StringComparer.Ordinal));
        Assert.Equal(300m, QuantityOf(events.Single(e => Str(e, "bizStep") == Step("packing"))!));
        Assert.Equal($"https://id.gs1.org/01/{farm.Gtin}/10/L-2", Str(events.Single(e => Str(e, "bizStep") == Step("storing"))!["quantityList"]![0], "epcClass"));
        var audit = await App.WithDbAsync(db => db.AuditLog.SingleAsync(a => a.OrganizationId == farm.OrganizationId && a.Action == "import.diary"));
        Assert.Contains("\"Imported\":3", audit.Detail);
        Assert.Contains("\"Skipped\":6", audit.Detail);
        Assert.Contains("valid-rows", audit.Detail);
        Assert.Equal(0, await other.EventCountAsync());
    }

    [Fact]
    public async Task Another_business_lots_and_locations_are_reported_as_unknown()
    {
        using var other = await LotsTestBusiness.CreateAsync(App, "HTX Người Khác");
        var secret = await other.CreateLotAsync("RIENG-1");
        using var farm = await LotsTestBusiness.CreateAsync(App, "HTX Tò Mò");
        await farm.CreateLotAsync("CUA-TOI");

        var (html, fileId) = await farm.Pages.UploadImportAsync("diary", Csv(
            Entry("thu hoạch", other.Gtin, "RIENG-1", HoursAgo(5), other.FarmGln, ("quantity", "10")),
            Entry("thu hoạch", farm.Gtin, "CUA-TOI", HoursAgo(5), other.FarmGln, ("quantity", "10")),
            Entry("lưu kho", other.Gtin, "KHONG-CO", HoursAgo(5), farm.WarehouseGln)), "to-mo.csv");

        Assert.Contains("3 dòng dữ liệu: 0 hợp lệ, 3 có lỗi", html);
        Assert.Matches(@"<td>2</td><td>Số lô \*</td><td>Doanh nghiệp không có lô số RIENG-1", html);
        Assert.Matches($@"<td>2</td><td>GLN địa điểm \*</td><td>GLN {other.FarmGln} không phải địa điểm", html);
        Assert.Matches($@"<td>3</td><td>GLN địa điểm \*</td><td>GLN {other.FarmGln} không phải địa điểm", html);
        Assert.Matches(@"<td>4</td><td>Số lô \*</td><td>Doanh nghiệp không có lô số KHONG-CO", html);
        Assert.DoesNotContain(other.Name, html);
        Assert.DoesNotContain("Vùng trồng", html);

        using var response = await farm.Pages.ConfirmImportAsync("diary", fileId!.Value, "valid");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Không có dòng hợp lệ nào để nhập", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await farm.EventCountAsync());
        Assert.Equal(0, await other.EventCountAsync());
        Assert.Null((await other.LotAsync(secret))!.Quantity);
    }

    [Fact]
    public async Task Rows_missing_what_their_entry_needs_are_named_and_a_repeated_row_points_to_the_first()
    {
        using var farm = await LotsTestBusiness.CreateAsync(App, "HTX Thiếu Cột");
        await farm.CreateLotAsync("M-1");
        var time = HoursAgo(30);

        var (html, _) = await farm.Pages.UploadImportAsync("diary", Csv(
            Entry("thu hoạch", farm.Gtin, "M-1", time, farm.FarmGln),
            Entry("vật tư", farm.Gtin, "M-1", time, farm.FarmGln, ("inputName", "Ure")),
            Entry("xuất hàng", farm.Gtin, "M-1", time, farm.WarehouseGln, ("quantity", "5"), ("partnerGln", "8930000000018")),
            Entry("đóng gói", farm.Gtin, "M-1", time, farm.WarehouseGln, ("quantity", "5"), ("unit", "bao tải")),
            Entry("bán lẻ", farm.Gtin, "M-1", time, farm.WarehouseGln, ("quantity", "-3")),
            Entry("lưu kho", farm.Gtin, "M-1", time, farm.WarehouseGln, ("quantity", "7")),
            Entry("Lưu kho", farm.Gtin, "M-1", time, farm.WarehouseGln, ("quantity", "7")),
            Entry("chế biến", farm.Gtin, "M-1", HoursAgo(-48), farm.WarehouseGln),
            Entry("đóng gói", farm.Gtin, "M-1", HoursAgo(-48), farm.WarehouseGln, ("quantity", "1"))), "thieu.csv");

        Assert.Contains("9 dòng dữ liệu: 1 hợp lệ, 8 có lỗi", html);
        Assert.Matches(@"<td>2</td><td>Số lượng</td><td>Vui lòng nhập thông tin này.", html);
        Assert.Matches(@"<td>3</td><td>Loại vật tư</td><td>Vui lòng nhập thông tin này.", html);
        Assert.Matches(@"<td>3</td><td>Liều lượng</td><td>Vui lòng nhập thông tin này.", html);
        Assert.Matches(@"<td>3</td><td>Đơn vị liều lượng</td><td>Vui lòng nhập thông tin này.", html);
        Assert.Matches(@"<td>4</td><td>GLN bên nhận</td><td>GLN 8930000000018 sai số kiểm tra.", html);
        Assert.Matches(@"<td>5</td><td>Đơn vị</td><td>""bao tải"" không phải đơn vị", html);
        Assert.Matches(@"<td>6</td><td>Số lượng</td><td>Số lượng phải lớn hơn 0.", html);
        Assert.Matches(@"<td>8</td><td>Loại nhật ký \*</td><td>Dòng này trùng hoàn toàn với dòng 7.", html);
        Assert.Matches(@"<td>9</td><td>Loại nhật ký \*</td><td>""chế biến"" không nhập từ tệp được", html);
        Assert.Matches(@"<td>10</td><td>Thời gian \*</td><td>Thời gian ở tương lai", html);
    }

    [Fact]
    public async Task An_entry_recorded_between_report_and_import_is_checked_again_and_nothing_is_imported()
    {
        using var farm = await LotsTestBusiness.CreateAsync(App, "HTX Hai Người Ghi");
        var lot = await farm.CreateLotAsync("R-1");
        var (html, fileId) = await farm.Pages.UploadImportAsync("diary", Csv(
            Entry("thu hoạch", farm.Gtin, "R-1", HoursAgo(24 * 2), farm.FarmGln, ("quantity", "80")),
            Entry("đóng gói", farm.Gtin, "R-1", HoursAgo(24), farm.WarehouseGln, ("quantity", "80"))), "r.csv");
        Assert.Contains("2 hợp lệ, 0 có lỗi", html);

        // Meanwhile a colleague records a pesticide on the lot page whose interval covers the harvest in the file.
        await farm.RecordOkAsync(lot, "farming-input", new()
        {
            ["Form.Time"] = LotsTestBusiness.HoursAgo(24 * 3),
            ["Form.LocationId"] = farm.FarmId.ToString(),
            ["Form.InputKind"] = "Pesticide",
            ["Form.InputName"] = "Cypermethrin",
            ["Form.Dose"] = "1",
            ["Form.DoseUnit"] = "lít/ha",
            ["Form.PreHarvestIntervalDays"] = "14",
        });
        using var response = await farm.Pages.ConfirmImportAsync("diary", fileId!.Value, "all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("chưa nhập gì", page);
        Assert.Matches(@"<td>2</td><td>Thời gian \*</td><td>Chưa hết thời gian cách ly của Cypermethrin", page);
        Assert.Equal(1, await farm.EventCountAsync());
        Assert.Null((await farm.LotAsync(lot))!.Quantity);
    }

    [Fact]
    public async Task An_xlsx_file_imports_too()
    {
        using var farm = await LotsTestBusiness.CreateAsync(App, "HTX Excel Nhật Ký");
        var lot = await farm.CreateLotAsync("X-1");
        var time = DateTime.UtcNow.AddHours(7 - 10);
        var values = new Dictionary<string, string>
        {
            ["type"] = "Thu hoạch",
            ["gtin"] = Gtin13(farm.Gtin),
            ["lot"] = "X-1",
            ["location"] = farm.FarmGln,
            ["quantity"] = "42",
            // As an .xlsx date-time cell is read.
            ["time"] = time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        };
        using var xlsx = new MemoryStream();
        ImportTemplate.WriteXlsx([.. Columns(App).Select(c => c with { Example = values.GetValueOrDefault(c.Key, "") })], xlsx);

        var (html, fileId) = await farm.Pages.UploadImportAsync("diary", xlsx.ToArray(), "nhat-ky.xlsx");
        Assert.Contains("1 dòng dữ liệu: 1 hợp lệ", html);
        using var confirmed = await farm.Pages.ConfirmImportAsync("diary", fileId!.Value, "all");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var harvest = Assert.Single(await farm.EventsAsync())!;
        Assert.Equal(42m, QuantityOf(harvest));
        Assert.Equal(42m, (await farm.LotAsync(lot))!.Quantity);
    }

    [Fact]
    public async Task A_batch_whose_capture_fails_stores_no_event_and_no_lot_change()
    {
        using var farm = await LotsTestBusiness.CreateAsync(App, "HTX Ghi Hụt");
        var lot = await farm.CreateLotAsync("F-1");
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var diary = RefusingCapture.Diary(services);
        var batch = new DiaryBatch(farm.OrganizationId);
        var now = DateTime.UtcNow.AddHours(7);

        Assert.True((await diary.AddAsync(batch, new HarvestEntry(lot, farm.FarmId, now.AddHours(-30), 70m), CancellationToken.None)).Success);
        Assert.True((await diary.AddAsync(batch, new HarvestEntry(lot, farm.FarmId, now.AddHours(-20), 30m), CancellationToken.None)).Success);
        var repeated = await diary.AddAsync(batch, new HarvestEntry(lot, farm.FarmId, now.AddHours(-20), 30m), CancellationToken.None);
        Assert.False(repeated.Success);
        Assert.NotNull(repeated.EventId);
        Assert.Equal(2, batch.Count);
        var stored = await diary.StoreAsync(batch, CancellationToken.None);

        Assert.False(stored.Success);
        Assert.Equal(0, await farm.EventCountAsync());
        Assert.Null((await farm.LotAsync(lot))!.Quantity);
    }

}

public sealed class SqliteDiaryImportTests(SqliteAppFixture fixture) : DiaryImportTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresDiaryImportTests(PostgresAppFixture fixture) : DiaryImportTests(fixture), IClassFixture<PostgresAppFixture>;
