using VnTrace.Server.Organizations;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using VnTrace.Server.Labels;
using VnTrace.Server.Tests.Infrastructure;
using VnTrace.Server.Tests.Labels;
using static Microsoft.Playwright.Assertions;

namespace VnTrace.Server.Tests.Browser;

/// <summary>
/// The whole business workspace walked in the browser as people use it, in Vietnamese: a cooperative signs up and
/// waits; an authority officer approves it and a buyer; the cooperative declares a product with an allocated GTIN and
/// a planting area with its boundary, starts a lot and records harvest, packing and shipping to the buyer; the buyer
/// types the code it reads on the cooperative's lot page, finds the shipment and confirms it; the cooperative prints
/// serialised labels whose QR codes read back to the issued links. Screenshots of the key pages go to the artifacts.
/// Only the officer's account is made in code (officers are not self-registered); every decision is clicked.
/// </summary>
public abstract class BusinessWalkBrowserTests(AppFixture fixture, BrowserFixture browser) : IDisposable
{
    private const string LabelLayoutId = "a4-3x7";
    private const int LabelCount = 30;

    /// <summary>The planting area: a square of about 217 × 218 m near Buôn Ma Thuột, [longitude, latitude] as GeoJSON has it.</summary>
    private const string Boundary = """
        {"type":"Polygon","coordinates":[[[108.0400,12.6800],[108.0420,12.6800],[108.0420,12.6820],[108.0400,12.6820],[108.0400,12.6800]]]}
        """;

    private readonly LabelTools tools = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<string> laps = [];
    private string Provider => fixture.Provider.ToString().ToLowerInvariant();

    public void Dispose()
    {
        tools.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <param name="Form">The business form as the sign-up list words it.</param>
    /// <param name="Sector">The sector as the sign-up list words it.</param>
    private sealed record Business(string Name, string UserName, string TaxCode, string Owner, string Form, string Sector);

    [Fact]
    public async Task A_new_business_is_approved_ships_a_harvested_lot_to_a_second_business_that_receives_it_and_prints_its_labels()
    {
        var app = fixture.App;
        var run = Guid.NewGuid().ToString("N")[..6];
        var grower = new Business($"HTX Cà phê Ea Tân {run}", $"eatan-{run}", NewTaxCode(), "Y Bhin Niê", "Hợp tác xã", "Trồng trọt");
        var buyer = new Business($"Công ty Nông sản Buôn Ma Thuột {run}", $"bmt-{run}", NewTaxCode(), "Trần Văn Minh", "Doanh nghiệp", "Thương mại, phân phối");
        var lotNumber = $"ET{run.ToUpperInvariant()}";

        await using var growerContext = await browser.NewContextAsync(app);
        await using var buyerContext = await browser.NewContextAsync(app);
        await using var officerContext = await browser.NewContextAsync(app);
        // A closed network: no map tiles; the maps still draw their shapes on a blank background.
        foreach (var context in new[] { growerContext, buyerContext, officerContext })
            await context.RouteAsync("https://tile.openstreetmap.org/**", route => route.AbortAsync());
        var a = await growerContext.NewPageAsync();
        var b = await buyerContext.NewPageAsync();
        var scriptErrors = new List<string>();
        foreach (var page in new[] { a, b })
            page.PageError += (_, error) => scriptErrors.Add(error);
        Lap("browsers");

        // 1. Both businesses sign up, sign in and see that they wait for the authority.
        await SignUpAsync(a, grower, screenshot: true);
        await SignInAsync(a, grower.UserName);
        await Expect(a).ToHaveURLAsync(new Regex("/account/pending$"));
        await Expect(a.GetByRole(AriaRole.Heading, new() { Name = "Trạng thái đăng ký", Level = 1 })).ToBeVisibleAsync();
        await Expect(a.GetByText(grower.Name)).ToBeVisibleAsync();
        await Expect(a.GetByText("Chờ duyệt", new() { Exact = true })).ToBeVisibleAsync();
        await ShotAsync(a, "02-pending");
        await SignUpAsync(b, buyer, screenshot: false);
        await SignInAsync(b, buyer.UserName);
        await Expect(b).ToHaveURLAsync(new Regex("/account/pending$"));
        Lap("sign-up");

        // 2. An officer finds both sign-ups among those waiting and approves them.
        var officer = await app.CreateAuthorityUserAsync();
        var o = await officerContext.NewPageAsync();
        o.PageError += (_, error) => scriptErrors.Add(error);
        // Each decision asks first (issue 12, item 14); the officer says yes.
        var questions = new List<string>();
        o.Dialog += async (_, dialog) => { questions.Add(dialog.Message); await dialog.AcceptAsync(); };
        await SignInAsync(o, officer.UserName);
        await Expect(o.GetByRole(AriaRole.Heading, new() { Name = "Doanh nghiệp tham gia", Level = 1 })).ToBeVisibleAsync();
        await o.GetByLabel("Tìm kiếm").FillAsync(run);
        await o.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Expect(o.GetByRole(AriaRole.Cell, new() { Name = grower.TaxCode })).ToBeVisibleAsync();
        await Expect(o.GetByRole(AriaRole.Cell, new() { Name = buyer.TaxCode })).ToBeVisibleAsync();
        await ShotAsync(o, "03-approval-list");
        foreach (var business in new[] { grower, buyer })
        {
            await o.GetByRole(AriaRole.Form, new() { Name = $"Quyết định cho {business.Name}" })
                .GetByRole(AriaRole.Button, new() { Name = "Duyệt", Exact = true }).ClickAsync();
            await Expect(o.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã duyệt doanh nghiệp.");
            Assert.Contains(business.Name, questions[^1]);
            await Expect(o.GetByRole(AriaRole.Form, new() { Name = $"Quyết định cho {business.Name}" })).ToHaveCountAsync(0);
        }
        Lap("approval");

        // The buyer reads its own party GLN on its profile (approval allocated it) to give it to the grower, and
        // declares the warehouse where it takes goods in.
        await b.GotoAsync("/workspace/organization");
        var buyerGln = await PartyGlnAsync(b);
        await b.GotoAsync("/workspace/locations/new");
        await b.GetByLabel("Loại địa điểm").SelectOptionAsync(new SelectOptionValue { Label = "Kho" });
        await b.GetByLabel("Tên địa điểm").FillAsync("Kho thu mua Tân An");
        await b.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Expect(b.GetByRole(AriaRole.Heading, new() { Name = "Kho thu mua Tân An", Level = 1 })).ToBeVisibleAsync();
        Lap("buyer set-up");

        // 3. The grower's workspace opens: the dashboard, then a product with a GTIN allocated from its new prefix.
        await a.GotoAsync("/workspace");
        await Expect(a.GetByRole(AriaRole.Heading, new() { Name = grower.Name, Level = 1 })).ToBeVisibleAsync();
        await Expect(a.GetByText("Đã duyệt", new() { Exact = true })).ToBeVisibleAsync();
        await ShotAsync(a, "04-dashboard");
        await a.GotoAsync("/workspace/organization");
        var growerGln = await PartyGlnAsync(a);
        var prefix = (await a.Locator("dd[data-prefix-in-use]").GetAttributeAsync("data-prefix-in-use"))!;
        Assert.StartsWith(prefix, growerGln);

        await a.GotoAsync("/workspace");
        await a.GetByRole(AriaRole.Link, new() { Name = "Khai báo sản phẩm" }).ClickAsync();
        await a.GetByRole(AriaRole.Link, new() { Name = "Khai báo sản phẩm" }).ClickAsync();
        await Expect(a.GetByRole(AriaRole.Heading, new() { Name = "Khai báo sản phẩm", Level = 1 })).ToBeVisibleAsync();
        await a.GetByLabel("Cấp mã GTIN tự động từ mã doanh nghiệp GS1 của tôi").CheckAsync();
        await Expect(a.GetByLabel("Mã GTIN", new() { Exact = true })).Not.ToBeEditableAsync();
        await a.GetByLabel("Tên sản phẩm (tiếng Việt)").FillAsync("Cà phê nhân Robusta Ea Tân");
        await a.GetByLabel("Tên tiếng Anh").FillAsync("Ea Tan Robusta green coffee");
        await a.GetByLabel("Đơn vị tính").SelectOptionAsync("kg");
        await a.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Expect(a.GetByRole(AriaRole.Heading, new() { Name = "Cà phê nhân Robusta Ea Tân", Level = 1 })).ToBeVisibleAsync();
        var gtin = (await a.Locator("dt:text-is('Mã GTIN') + dd code").InnerTextAsync()).Trim().PadLeft(14, '0');
        Assert.Equal(prefix, gtin[1..(1 + prefix.Length)]);
        await ShotAsync(a, "05-product");
        Lap("product");

        // A planting area with its boundary pasted as GeoJSON; the map on its page draws it.
        await a.GotoAsync("/workspace");
        await a.GetByRole(AriaRole.Link, new() { Name = "Khai báo địa điểm" }).ClickAsync();
        await a.GetByRole(AriaRole.Link, new() { Name = "Thêm vùng trồng" }).ClickAsync();
        await Expect(a.GetByLabel("Loại địa điểm")).ToHaveValueAsync("PlantingArea");
        await a.GetByLabel("Tên địa điểm").FillAsync("Vùng trồng cà phê Ea Tân 1");
        await a.GetByLabel("Mã số vùng trồng").FillAsync("VN-DLOR-0101");
        await a.GetByLabel("Cây trồng").FillAsync("Cà phê");
        await a.GetByLabel("Ranh giới dạng GeoJSON (dán vào)").FillAsync(Boundary);
        await a.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Expect(a.GetByRole(AriaRole.Heading, new() { Name = "Vùng trồng cà phê Ea Tân 1", Level = 1 })).ToBeVisibleAsync();
        await Expect(a.GetByTestId("area")).ToContainTextAsync(new Regex(@"4,\d+ ha"));
        await Expect(a.Locator("#location-map path")).Not.ToHaveCountAsync(0);
        await ShotAsync(a, "06-planting-area");
        Lap("planting area");

        // 4. A lot of the product on the planting area, then its diary: harvest, packing, shipping to the buyer.
        await a.GotoAsync("/workspace");
        await a.GetByRole(AriaRole.Link, new() { Name = "Ghi nhật ký sản xuất" }).ClickAsync();
        await a.GetByRole(AriaRole.Link, new() { Name = "Tạo lô mới" }).ClickAsync();
        await ChooseAsync(a.GetByLabel("Sản phẩm"), "Cà phê nhân Robusta Ea Tân");
        await a.GetByLabel("Số lô").FillAsync(lotNumber);
        await ChooseAsync(a.GetByLabel("Địa điểm"), "Vùng trồng cà phê Ea Tân 1");
        await a.GetByRole(AriaRole.Button, new() { Name = "Tạo lô", Exact = true }).ClickAsync();
        var lotHeading = a.GetByRole(AriaRole.Heading, new() { Name = $"Cà phê nhân Robusta Ea Tân · lô {lotNumber}", Level = 1 });
        await Expect(lotHeading).ToBeVisibleAsync();
        var growerLotUrl = a.Url;

        await a.GetByRole(AriaRole.Link, new() { Name = "Thu hoạch", Exact = true }).ClickAsync();
        await a.GetByLabel("Số lượng").FillAsync("1200");
        await a.GetByRole(AriaRole.Button, new() { Name = "Ghi thu hoạch" }).ClickAsync();
        await Expect(a.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã ghi: Thu hoạch.");

        await a.GetByRole(AriaRole.Link, new() { Name = "Đóng gói", Exact = true }).ClickAsync();
        await a.GetByLabel("Số lượng").FillAsync("1200");
        await a.GetByLabel("Quy cách đóng gói").FillAsync("bao PP 60 kg");
        await a.GetByLabel("Số kiện").FillAsync("20");
        await a.GetByRole(AriaRole.Button, new() { Name = "Ghi đóng gói" }).ClickAsync();
        await Expect(a.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã ghi: Đóng gói.");

        await a.GetByRole(AriaRole.Link, new() { Name = "Xuất hàng", Exact = true }).ClickAsync();
        await Expect(a.Locator($"#partners option[value='{buyer.Name} ({buyerGln})']")).ToHaveCountAsync(1); // offered by name
        await a.GetByLabel("Bên nhận (tên hoặc GLN)").FillAsync(buyerGln);
        await a.GetByLabel("Số lượng").FillAsync("1200");
        await a.GetByLabel("Số phiếu xuất kho").FillAsync($"PX-{run}");
        await ShotAsync(a, "07-shipping-form");
        await a.GetByRole(AriaRole.Button, new() { Name = "Ghi xuất hàng" }).ClickAsync();
        await Expect(a.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã ghi: Xuất hàng.");

        var timeline = a.Locator("ol.timeline > li");
        await Expect(timeline).ToHaveCountAsync(3);
        await Expect(timeline.Filter(new() { HasText = "Thu hoạch" })).ToHaveCountAsync(1);
        await Expect(timeline.Filter(new() { HasText = "bao PP 60 kg" })).ToHaveCountAsync(1);
        await Expect(timeline.Filter(new() { HasText = buyer.Name })).ToHaveCountAsync(1);
        await Expect(a.GetByRole(AriaRole.Region, new() { Name = "Một bước sau (nơi đến)" })).ToContainTextAsync(buyer.Name);
        var code = (await a.Locator("dt:text-is('Mã truy xuất (GS1 Digital Link)') + dd code").InnerTextAsync()).Trim();
        // The link the QR code carries: this server's own resolver (no public base is set here), never id.gs1.org.
        Assert.Equal($"{app.RequiredServerAddress.ToString().TrimEnd('/')}/01/{gtin}/10/{lotNumber}", code);
        await ShotAsync(a, "08-lot");
        Lap("lot and diary");

        // 5. The buyer types the code it read on the grower's lot, finds the shipment and confirms its receipt.
        await b.GotoAsync("/workspace/lots");
        await b.GetByRole(AriaRole.Link, new() { Name = "Nhận hàng", Exact = true }).ClickAsync();
        await b.GetByLabel("Mã của đối tác (quét hoặc nhập)").FillAsync(code);
        await b.GetByRole(AriaRole.Button, new() { Name = "Tìm chuyến hàng" }).ClickAsync();
        var shipment = b.GetByRole(AriaRole.Region, new() { Name = $"Hàng từ {grower.Name}" });
        await Expect(shipment).ToContainTextAsync($"Phiếu xuất PX-{run}");
        await Expect(shipment.GetByLabel($"Số lượng nhận của lô {lotNumber}")).ToHaveValueAsync("1200");
        await Expect(shipment.GetByLabel("Nơi nhận")).ToHaveValueAsync(new Regex("."));
        await ShotAsync(b, "09-receive");
        await shipment.GetByRole(AriaRole.Button, new() { Name = "Xác nhận nhận hàng" }).ClickAsync();
        await Expect(b.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã ghi nhận hàng.");
        await Expect(b.GetByRole(AriaRole.Heading, new() { Name = $"Cà phê nhân Robusta Ea Tân · lô {lotNumber}", Level = 1 })).ToBeVisibleAsync();
        await Expect(b.GetByText("Nhận từ đối tác").First).ToBeVisibleAsync();
        var back = b.GetByRole(AriaRole.Region, new() { Name = "Một bước trước (nguồn gốc)" });
        await Expect(back.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(back).ToContainTextAsync(grower.Name);
        await ShotAsync(b, "10-buyer-lot");
        Lap("receipt");

        // The grower's lot now shows where the goods went, as the buyer confirmed it.
        await a.ReloadAsync();
        await Expect(timeline.Filter(new() { HasText = $"do {buyer.Name} ghi" })).ToHaveCountAsync(1);

        // 6. Labels for the lot, from its page: 30 serials on an A4 sheet of 21, the PDF and the list of codes.
        await a.GetByRole(AriaRole.Link, new() { Name = "In tem truy xuất" }).ClickAsync();
        await Expect(a.GetByLabel("Lô hàng", new() { Exact = true })).ToHaveValueAsync(growerLotUrl[(growerLotUrl.LastIndexOf('/') + 1)..]);
        await a.GetByLabel("Mỗi sản phẩm một mã riêng (số sê-ri)").CheckAsync();
        await a.GetByLabel("Số lượng tem").FillAsync(LabelCount.ToString(CultureInfo.InvariantCulture));
        await a.GetByLabel("Khổ giấy tem").SelectOptionAsync(LabelLayoutId);
        await a.GetByRole(AriaRole.Button, new() { Name = "Tạo mã và in tem" }).ClickAsync();
        await Expect(a.GetByRole(AriaRole.Heading, new() { Name = $"Tem của lô {lotNumber}", Level = 1 })).ToBeVisibleAsync();
        await Expect(a.GetByRole(AriaRole.Status)).ToContainTextAsync($"Đã cấp {LabelCount} mã sê-ri");
        await ShotAsync(a, "11-labels-batch");

        var csvDownload = await a.RunAndWaitForDownloadAsync(() => a.GetByRole(AriaRole.Link, new() { Name = "Tải danh sách mã (CSV)" }).ClickAsync());
        var csvPath = Path.Combine(tools.Folder, "codes.csv");
        await csvDownload.SaveAsAsync(csvPath);
        var issued = ReadCsvUris(await File.ReadAllTextAsync(csvPath));
        var server = app.RequiredServerAddress.ToString().TrimEnd('/');
        Assert.Equal(LabelCount, issued.Count);
        Assert.Equal(LabelCount, issued.Distinct().Count());
        Assert.All(issued, uri => Assert.Matches($"^{Regex.Escape($"{server}/01/{gtin}/10/{lotNumber}/21/")}[0-9A-Z]{{10}}$", uri));
        var previews = await a.Locator("figcaption a").AllInnerTextsAsync();
        Assert.NotEmpty(previews);
        Assert.Equal(issued.Take(previews.Count), previews);

        var pdfDownload = await a.RunAndWaitForDownloadAsync(() => a.GetByRole(AriaRole.Button, new() { Name = "Tải PDF để in" }).ClickAsync());
        Assert.Equal($"labels-{lotNumber}.pdf", pdfDownload.SuggestedFilename);
        var pdfPath = Path.Combine(tools.Folder, "labels.pdf");
        await pdfDownload.SaveAsAsync(pdfPath);
        Lap("labels issued");
        // A sample read back as a phone would: the first three labels of the first sheet and the whole second sheet,
        // each the code listed at its place in print order.
        var layout = LabelLayout.Find(LabelLayoutId)!;
        var firstSheet = await tools.DecodeSheetAsync(pdfPath, layout, 3);
        var secondSheet = await tools.DecodeSheetAsync(pdfPath, layout, LabelCount - layout.LabelsPerPage, firstPage: 2);
        Assert.Equal<string?>(issued[..3], firstSheet);
        Assert.Equal<string?>(issued[layout.LabelsPerPage..], secondSheet);
        Lap("labels decoded");

        // 7. The same pages on a phone: nothing wider than the screen.
        await using var phone = await browser.NewContextAsync(app, phone: true);
        var p = await phone.NewPageAsync();
        p.PageError += (_, error) => scriptErrors.Add(error);
        await SignInAsync(p, grower.UserName);
        await Expect(p.GetByRole(AriaRole.Heading, new() { Name = grower.Name, Level = 1 })).ToBeVisibleAsync();
        var recent = p.GetByRole(AriaRole.Region, new() { Name = "Hoạt động gần đây" }).GetByRole(AriaRole.Listitem);
        await Expect(recent).ToHaveCountAsync(3);
        await Expect(recent.Nth(2)).ToContainTextAsync("Thu hoạch"); // newest first, in the diary's words
        await AssertFitsThePhoneAsync(p);
        await ShotAsync(p, "12-dashboard-phone");
        await p.GotoAsync(growerLotUrl);
        await Expect(p.GetByRole(AriaRole.Heading, new() { Name = $"Cà phê nhân Robusta Ea Tân · lô {lotNumber}", Level = 1 })).ToBeVisibleAsync();
        await AssertFitsThePhoneAsync(p);
        await ShotAsync(p, "13-lot-phone");
        Lap("phone");

        Assert.Empty(scriptErrors);
        TestContext.Current.TestOutputHelper?.WriteLine($"{fixture.Provider}: {string.Join(", ", laps)}; total {clock.Elapsed.TotalSeconds:F1} s");
    }

    private async Task SignUpAsync(IPage page, Business business, bool screenshot)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng ký" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng ký tham gia hệ thống", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Tên tổ chức").FillAsync(business.Name);
        await page.GetByLabel("Loại hình").SelectOptionAsync(new SelectOptionValue { Label = business.Form });
        await page.GetByLabel("Mã số thuế").FillAsync(business.TaxCode);
        await page.GetByLabel("Địa chỉ (số nhà, thôn, buôn)").FillAsync("Thôn 3, xã Ea Tân");
        await page.GetByLabel("Điện thoại").FillAsync("0262 3851 234");
        await page.GetByLabel("Lĩnh vực").SelectOptionAsync(new SelectOptionValue { Label = business.Sector });
        await page.GetByLabel("Tham gia chương trình OCOP").CheckAsync();
        await page.GetByLabel("Họ và tên").FillAsync(business.Owner);
        await page.GetByLabel("Tên đăng nhập").FillAsync(business.UserName);
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(VnTraceApp.TestPassword);
        await page.GetByLabel("Nhập lại mật khẩu").FillAsync(VnTraceApp.TestPassword);
        if (screenshot)
            await ShotAsync(page, "01-sign-up");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi đăng ký" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Đã gửi đăng ký của {business.Name}");
    }

    private static Task SignInAsync(IPage page, string userName) => page.SignInAsync(userName);

    /// <summary>The party GLN the organization page shows, 13 digits.</summary>
    private static async Task<string> PartyGlnAsync(IPage page)
    {
        var gln = page.Locator("dt:text-is('Mã định danh tổ chức (GLN)') + dd");
        await Expect(gln).ToHaveTextAsync(new Regex(@"^\s*\d{13}\s*$"));
        return (await gln.InnerTextAsync()).Trim();
    }

    /// <summary>Picks the option of <paramref name="select"/> whose text starts with <paramref name="text"/>, as a person reads the list.</summary>
    private static async Task ChooseAsync(ILocator select, string text)
    {
        var option = select.Locator("option").Filter(new() { HasTextRegex = new Regex("^" + Regex.Escape(text)) });
        await select.SelectOptionAsync((await option.GetAttributeAsync("value"))!);
    }

    private static async Task AssertFitsThePhoneAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            $"{page.Url} is wider than the phone's screen");

    private Task<string> ShotAsync(IPage page, string name) => TestArtifacts.ScreenshotAsync(page, $"walk-{Provider}-{name}");

    private void Lap(string stage) => laps.Add($"{stage} {clock.Elapsed.TotalSeconds:F1} s");

    /// <summary>The uri column of the label CSV (uri,gtin,lot,serial; the uri has no comma or quote).</summary>
    private static List<string> ReadCsvUris(string csv)
    {
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("uri,gtin,lot,serial", lines[0]);
        return [.. lines.Skip(1).Select(l => l.Split(',')[0])];
    }

    /// <summary>A 10-digit enterprise tax code, new for each run, whose tenth digit agrees with the usual check rule.</summary>
    private static string NewTaxCode()
    {
        while (true)
        {
            var firstNine = Random.Shared.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
            if (TaxCode.ExpectedCheckDigit(firstNine) is { } check)
                return firstNine + check.ToString(CultureInfo.InvariantCulture);
        }
    }
}

public sealed class SqliteBusinessWalkBrowserTests(SqliteKestrelAppFixture fixture, BrowserFixture browser)
    : BusinessWalkBrowserTests(fixture, browser), IClassFixture<SqliteKestrelAppFixture>;

public sealed class PostgresBusinessWalkBrowserTests(PostgresKestrelAppFixture fixture, BrowserFixture browser)
    : BusinessWalkBrowserTests(fixture, browser), IClassFixture<PostgresKestrelAppFixture>;
