using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Lots;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Products;
using VnTrace.Server.Identity;
using VnTrace.Server.Labels;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Labels;

/// <summary>The server with the resolver base for printed links configured, as a deployment sets it.</summary>
public abstract class LabelsAppFixture(PostgresServer postgres, DatabaseProvider provider) : IAsyncLifetime
{
    public const string ResolverBase = "https://txng.example.vn";

    public VnTraceApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        App = await VnTraceApp.StartAsync(provider, postgres, new Dictionary<string, string?>(AppFixture.TestSettings)
        {
            [DigitalLinkBase.Setting] = ResolverBase,
        });

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
            await App.DisposeAsync();
    }
}

public sealed class SqliteLabelsAppFixture(PostgresServer postgres) : LabelsAppFixture(postgres, DatabaseProvider.Sqlite);

public sealed class PostgresLabelsAppFixture(PostgresServer postgres) : LabelsAppFixture(postgres, DatabaseProvider.Postgres);

/// <summary>
/// The label pages through the real pipeline: a business issues a batch for its lot, prints it as a PDF sheet whose
/// QR codes decode back to exactly the stored serials, downloads the codes as CSV and single codes as SVG/PNG; bad
/// input is refused beside its field with nothing stored; another business sees none of it.
/// </summary>
public abstract partial class LabelPagesTests(LabelsAppFixture fixture) : IDisposable
{
    private const string Coffee = "Cà phê Robusta Buôn Ma Thuột";
    private readonly LabelTools tools = new();
    private VnTraceApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => tools.Dispose();

    private sealed record TestLot(Guid Id, string Gtin, string LotNumber);

    /// <summary>A product of the business (unless <paramref name="ownProduct"/> is false: a lot received under a partner's GTIN) and a lot of it.</summary>
    private async Task<TestLot> CreateLotAsync(Guid organizationId, bool ownProduct = true)
    {
        return await App.WithDbAsync(async db =>
        {
            var digits = "893" + Random.Shared.NextInt64(0, 1_000_000_000).ToString("D9");
            var gtin = "0" + digits + Gs1CheckDigit.ComputeChar(digits);
            Product? product = null;
            if (ownProduct)
                db.Products.Add(product = new Product { OrganizationId = organizationId, Gtin = gtin, NameVi = Coffee, Unit = "kg" });
            var lot = new Lot
            {
                OrganizationId = organizationId,
                Gtin = gtin,
                LotNumber = "L" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
                ProductId = product?.Id,
                Origin = ownProduct ? LotOrigin.Produced : LotOrigin.Received,
            };
            db.Lots.Add(lot);
            await db.SaveChangesAsync(Ct);
            return new TestLot(lot.Id, gtin, lot.LotNumber);
        });
    }

    private static Dictionary<string, string> Fields(TestLot lot, string count, string kind = "Serial", string layout = "a4-3x7", string start = "1") => new()
    {
        ["Form.LotId"] = lot.Id.ToString(),
        ["Form.Kind"] = kind,
        ["Form.Count"] = count,
        ["Form.Layout"] = layout,
        ["Form.StartPosition"] = start,
        ["Form.IncludeProductName"] = "true",
    };

    /// <summary>Submits the form and returns the new batch's id from the redirect to its page.</summary>
    private static async Task<Guid> IssueAsync(PageClient pages, Dictionary<string, string> fields)
    {
        using var response = await pages.SubmitFormAsync("/workspace/labels", fields);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {body}");
        var match = BatchLocation().Match(response.Headers.Location!.OriginalString);
        Assert.True(match.Success, response.Headers.Location.OriginalString);
        return Guid.Parse(match.Groups[1].Value);
    }

    private async Task<List<IssuedSerial>> StoredSerialsAsync(Guid batchId)
    {
        return await App.WithDbAsync(db => db.IssuedSerials.Where(s => s.BatchId == batchId).OrderBy(s => s.Id).ToListAsync(Ct));
    }

    private async Task<(int Batches, int Serials)> StoredForLotAsync(TestLot lot)
    {
        return await App.WithDbAsync(async db => (await db.LabelBatches.CountAsync(b => b.LotId == lot.Id, Ct),
            await db.IssuedSerials.CountAsync(s => s.Gtin == lot.Gtin, Ct)));
    }

    private static string UriOf(IssuedSerial s) => $"{LabelsAppFixture.ResolverBase}/01/{s.Gtin}/10/{s.LotNumber}/21/{s.Serial}";

    private static async Task<string[]> CsvUrisAsync(PageClient pages, Guid batchId)
    {
        using var response = await pages.GetAsync($"/workspace/labels/{batchId}/codes.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("uri,gtin,lot,serial", lines[0]);
        return [.. lines.Skip(1).Select(l => l.Split(',')[0])];
    }

    [Fact]
    public async Task Serial_batch_of_1000_stores_distinct_unguessable_serials_whose_links_point_at_the_configured_resolver()
    {
        var owner = await App.CreateBusinessUserAsync("HTX Cà phê Ea Tu");
        var lot = await CreateLotAsync(owner.OrganizationId!.Value);
        using var pages = await App.SignInAsync(owner);

        var batchId = await IssueAsync(pages, Fields(lot, "1.000"));

        var serials = await StoredSerialsAsync(batchId);
        Assert.Equal(1000, serials.Count);
        Assert.Equal(1000, serials.Select(s => s.Serial).Distinct().Count());
        Assert.All(serials, s =>
        {
            Assert.Matches("^[2-9A-HJ-NP-Z]{10}$", s.Serial);
            Assert.All(s.Serial, c => Assert.True(Gs1Charset.IsCset82(c)));
            Assert.Equal((lot.Gtin, lot.LotNumber), (s.Gtin, s.LotNumber));
        });
        var csv = await CsvUrisAsync(pages, batchId);
        Assert.Equal(serials.Select(UriOf), csv);
        Assert.All(csv.Take(50), uri =>
        {
            var link = DigitalLink.Parse(uri);
            Assert.Equal(LabelsAppFixture.ResolverBase, link.Base);
            Assert.Equal(new AiElement("01", lot.Gtin), link.PrimaryKey);
            Assert.Equal(["10", "21"], link.Qualifiers.Select(q => q.Ai));
        });

        var batch = await App.WithDbAsync(db => db.LabelBatches.SingleAsync(b => b.Id == batchId, Ct));
        Assert.Equal((owner.OrganizationId!.Value, LabelBatchKind.Serial, 1000, "a4-3x7", (Guid?)owner.Id), (batch.OrganizationId, batch.Kind, batch.Count, batch.Layout, batch.CreatedBy));
        Assert.True(await App.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Action == "labels.issue" && a.EntityId == batchId.ToString() && a.OrganizationId == owner.OrganizationId, Ct)));
        await using var scope = App.Services.CreateAsyncScope();
        var issuer = scope.ServiceProvider.GetRequiredService<CodeIssuer>();
        Assert.True(await issuer.IsIssuedAsync(lot.Gtin, serials[500].Serial, Ct));
        Assert.Equal(lot.LotNumber, await issuer.IssuedLotAsync(lot.Gtin, serials[500].Serial, Ct));
        Assert.False(await issuer.IsIssuedAsync(lot.Gtin, "ZZZZZZZZZ2", Ct));
        Assert.Null(await issuer.IssuedLotAsync(lot.Gtin, "ZZZZZZZZZ2", Ct));
        Assert.False(await issuer.IsIssuedAsync("09506000134352", serials[500].Serial, Ct));
    }

    [Fact]
    public async Task Batch_page_lists_the_batch_and_shows_its_first_codes_with_downloads()
    {
        var owner = await App.CreateBusinessUserAsync("HTX Hồ tiêu Chư Sê");
        var lot = await CreateLotAsync(owner.OrganizationId!.Value);
        using var pages = await App.SignInAsync(owner);
        var batchId = await IssueAsync(pages, Fields(lot, "30", start: "4"));

        var html = await pages.GetPageAsync($"/workspace/labels/{batchId}?start=4&name=true");
        var first = (await StoredSerialsAsync(batchId)).Take(BatchPreviews).ToList();
        Assert.Equal(BatchPreviews, Regex.Count(html, "<svg "));
        foreach (var s in first)
        {
            Assert.Contains(UriOf(s), html);
            Assert.Contains($"/workspace/labels/{batchId}/code.svg?serial={s.Serial}", html);
        }
        Assert.Contains($"action=\"/workspace/labels/{batchId}/labels.pdf\"", html);
        Assert.Contains("Tải PDF để in", html);
        Assert.Contains("value=\"4\"", html);

        var list = await pages.GetPageAsync("/workspace/labels");
        Assert.Contains(lot.LotNumber, list);
        Assert.Contains($"/workspace/labels/{batchId}", list);
        var forLot = await pages.GetPageAsync($"/workspace/labels?lotId={lot.Id}");
        Assert.Matches($"<option value=\"{lot.Id}\" selected", forLot);
    }

    private const int BatchPreviews = VnTrace.Server.Workspace.Labels.BatchModel.PreviewCount;

    [Fact]
    public async Task Pdf_download_prints_the_stored_serials_in_order_from_the_start_position_and_they_decode_back()
    {
        var owner = await App.CreateBusinessUserAsync("Công ty Sầu riêng Krông Pắc");
        var lot = await CreateLotAsync(owner.OrganizationId!.Value);
        using var pages = await App.SignInAsync(owner);
        var batchId = await IssueAsync(pages, Fields(lot, "1000", start: "3"));
        var uris = (await StoredSerialsAsync(batchId)).Select(UriOf).ToList();

        using var response = await pages.GetAsync($"/workspace/labels/{batchId}/labels.pdf?start=3&name=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"labels-{lot.LotNumber}.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        var pdf = tools.Save("batch.pdf", bytes);

        // 2 used + 1,000 labels on sheets of 21: 48 pages. The first, a middle and the last page, every cell.
        var layout = LabelLayout.Find("a4-3x7")!;
        var firstPage = await tools.DecodeSheetAsync(pdf, layout, 21);
        Assert.Equal(new string?[] { null, null }.Concat(uris.Take(19)), firstPage);
        var middle = await tools.DecodeSheetAsync(pdf, layout, 21, firstPage: 24);
        Assert.Equal(uris.Skip(19 + 22 * 21).Take(21), middle);
        var last = await tools.DecodeSheetAsync(pdf, layout, 21, firstPage: 48);
        Assert.Equal(uris.Skip(19 + 46 * 21), last.Take(1000 - 19 - 46 * 21));
        Assert.All(last.Skip(1000 - 19 - 46 * 21), Assert.Null);
        Assert.Contains(Coffee, await LabelTools.ExtractTextAsync(pdf));

        // Printed again, on another catalogue sheet, without the product name: same codes, same order.
        using var again = await pages.GetAsync($"/workspace/labels/{batchId}/labels.pdf?layout=a4-4x10&name=false");
        var pdf2 = tools.Save("again.pdf", await again.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(uris.Take(40), await tools.DecodeSheetAsync(pdf2, LabelLayout.Find("a4-4x10")!, 40));
        Assert.DoesNotContain("Cà phê", await LabelTools.ExtractTextAsync(pdf2));
    }

    [Fact]
    public async Task Single_code_downloads_as_svg_and_png_that_decode_to_its_uri()
    {
        var owner = await App.CreateBusinessUserAsync("HTX Mắc ca Tuy Đức");
        var lot = await CreateLotAsync(owner.OrganizationId!.Value);
        using var pages = await App.SignInAsync(owner);
        var batchId = await IssueAsync(pages, Fields(lot, "5"));
        var serial = (await StoredSerialsAsync(batchId))[3];

        using var svg = await pages.GetAsync($"/workspace/labels/{batchId}/code.svg?serial={serial.Serial}");
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", svg.Content.Headers.ContentDisposition?.DispositionType);
        var svgText = await svg.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"(21) {serial.Serial}", svgText);
        Assert.Equal([UriOf(serial)], await LabelTools.DecodeAsync(tools.Save("code-svg.png", LabelTools.RasterizeSvgCode(svgText))));

        using var png = await pages.GetAsync($"/workspace/labels/{batchId}/code.png?serial={serial.Serial}");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal([UriOf(serial)], await LabelTools.DecodeAsync(tools.Save("code.png", await png.Content.ReadAsByteArrayAsync(Ct))));

        // A serial of no batch of this lot, or none at all, is not found.
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/workspace/labels/{batchId}/code.png?serial=ZZZZZZZZZ2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/workspace/labels/{batchId}/code.svg")).StatusCode);
    }

    [Fact]
    public async Task Lot_code_batch_stores_no_serials_and_prints_the_lot_link_on_every_label()
    {
        var owner = await App.CreateBusinessUserAsync("HTX Bơ Đắk Mil");
        var lot = await CreateLotAsync(owner.OrganizationId!.Value);
        using var pages = await App.SignInAsync(owner);
        var batchId = await IssueAsync(pages, Fields(lot, "30", kind: "Lot", layout: "a4-3x8"));
        var lotUri = $"{LabelsAppFixture.ResolverBase}/01/{lot.Gtin}/10/{lot.LotNumber}";

        Assert.Empty(await StoredSerialsAsync(batchId));
        Assert.Equal(Enumerable.Repeat(lotUri, 30), await CsvUrisAsync(pages, batchId));
        var pdf = tools.Save("lot.pdf", await (await pages.GetAsync($"/workspace/labels/{batchId}/labels.pdf")).Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(Enumerable.Repeat<string?>(lotUri, 24), await tools.DecodeSheetAsync(pdf, LabelLayout.Find("a4-3x8")!, 24));
        using var png = await pages.GetAsync($"/workspace/labels/{batchId}/code.png");
        Assert.Equal([lotUri], await LabelTools.DecodeAsync(tools.Save("lot.png", await png.Content.ReadAsByteArrayAsync(Ct))));
    }

    [Theory]
    [InlineData("100001")]
    [InlineData("100.001")]
    [InlineData("0")]
    public async Task Batch_outside_1_to_100000_is_refused_beside_the_count_and_nothing_is_stored(string count)
    {
        var owner = await App.CreateBusinessUserAsync("HTX Cacao Cư M'gar");
        var lot = await CreateLotAsync(owner.OrganizationId!.Value);
        using var pages = await App.SignInAsync(owner);

        using var response = await pages.SubmitFormAsync("/workspace/labels", Fields(lot, count));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Matches("data-valmsg-for=\"Form.Count\"[^>]*>Mỗi đợt in từ 1 đến 100.000 tem. Hãy chia số lượng lớn hơn thành nhiều đợt.<", html);
        Assert.Equal((0, 0), await StoredForLotAsync(lot));

        await using var scope = App.Services.CreateAsyncScope();
        var issuer = scope.ServiceProvider.GetRequiredService<CodeIssuer>();
        var outcome = await issuer.IssueAsync(owner.OrganizationId.Value, owner.Id, new IssueRequest(lot.Id, LabelBatchKind.Serial, CodeIssuer.MaxBatch + 1, "a4-3x7"), Ct);
        Assert.Equal(IssueProblem.CountOutOfRange, outcome.Problem);
        Assert.Equal((0, 0), await StoredForLotAsync(lot));
    }

    [Fact]
    public async Task Custom_sheet_that_does_not_fit_is_refused_beside_the_field_in_the_page_language()
    {
        var owner = await App.CreateBusinessUserAsync("HTX Chanh dây Lắk");
        var lot = await CreateLotAsync(owner.OrganizationId!.Value);
        using var pages = await App.SignInAsync(owner);
        var fields = Fields(lot, "100", layout: "custom");
        fields["Form.LabelWidthMm"] = "75";
        fields["Form.LabelHeightMm"] = "30";
        fields["Form.Columns"] = "3";
        fields["Form.Rows"] = "8";

        var vi = await (await pages.SubmitFormAsync("/workspace/labels", fields)).Content.ReadAsStringAsync(Ct);
        Assert.Matches("data-valmsg-for=\"Form.Columns\"[^>]*>Các tem và khoảng cách theo chiều ngang cần 225 mm, nhưng trang A4 chỉ có 210 mm.<", vi);
        Assert.Contains("<details class=\"col-12\" open", vi);

        fields["Form.LabelWidthMm"] = "30";
        fields["Form.LabelHeightMm"] = "15,5";
        fields["Form.Columns"] = "5";
        fields["Form.Rows"] = "10";
        var en = await (await pages.SubmitFormAsync("/workspace/labels?culture=en", fields)).Content.ReadAsStringAsync(Ct);
        Assert.Matches("data-valmsg-for=\"Form.LabelHeightMm\"[^>]*>A 30 × 15.5 mm label leaves [0-9.]+ mm for the QR code with its quiet zone, after room for 4 lines of text under it; a phone needs at least 12 mm. Make the labels at least 20.9 mm high.<", en);

        fields["Form.LabelHeightMm"] = "ba mươi";
        fields["Form.ColumnGapMm"] = "-2";
        var bad = await (await pages.SubmitFormAsync("/workspace/labels?culture=en", fields)).Content.ReadAsStringAsync(Ct);
        Assert.Matches("data-valmsg-for=\"Form.LabelHeightMm\"[^>]*>Label height \\(mm\\) must be a number \\(e.g. 63.5\\).<", bad);
        Assert.Equal((0, 0), await StoredForLotAsync(lot));

        // A sheet that fits is issued, stored as given, and printed on it.
        fields["Form.LabelWidthMm"] = "50";
        fields["Form.LabelHeightMm"] = "30";
        fields["Form.Columns"] = "3";
        fields["Form.Rows"] = "8";
        fields["Form.ColumnGapMm"] = "5";
        fields["Form.RowGapMm"] = "2";
        var batchId = await IssueAsync(pages, fields);
        Assert.Equal("custom:50x30:3x8:5x2", (await App.WithDbAsync(db => db.LabelBatches.SingleAsync(b => b.Id == batchId, Ct))).Layout);
        var pdf = tools.Save("custom.pdf", await (await pages.GetAsync($"/workspace/labels/{batchId}/labels.pdf")).Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal((await StoredSerialsAsync(batchId)).Take(24).Select(UriOf), await tools.DecodeSheetAsync(pdf, LabelLayout.Custom(50, 30, 3, 8, 5, 2), 24));
    }

    [Fact]
    public async Task Start_position_beyond_the_sheet_is_refused()
    {
        var owner = await App.CreateBusinessUserAsync("HTX Điều Bù Đăng");
        var lot = await CreateLotAsync(owner.OrganizationId!.Value);
        using var pages = await App.SignInAsync(owner);
        var html = await (await pages.SubmitFormAsync("/workspace/labels", Fields(lot, "10", start: "22"))).Content.ReadAsStringAsync(Ct);
        Assert.Matches("data-valmsg-for=\"Form.StartPosition\"[^>]*>Tem bắt đầu phải từ 1 đến 21", html);
        Assert.Equal((0, 0), await StoredForLotAsync(lot));
    }

    [Fact]
    public async Task Serials_are_refused_for_a_lot_under_a_partners_gtin_but_its_lot_code_prints()
    {
        var owner = await App.CreateBusinessUserAsync("Đại lý Buôn Hồ");
        var received = await CreateLotAsync(owner.OrganizationId!.Value, ownProduct: false);
        using var pages = await App.SignInAsync(owner);

        var html = await (await pages.SubmitFormAsync("/workspace/labels", Fields(received, "10"))).Content.ReadAsStringAsync(Ct);
        Assert.Matches("data-valmsg-for=\"Form.Kind\"[^>]*>Chỉ cấp số sê-ri cho sản phẩm mang GTIN của doanh nghiệp mình", html);
        Assert.Equal((0, 0), await StoredForLotAsync(received));
        await IssueAsync(pages, Fields(received, "10", kind: "Lot"));
    }

    [Fact]
    public async Task Staff_issue_labels_too()
    {
        var owner = await App.CreateBusinessUserAsync("HTX Cà phê Cư Kuin");
        var staff = await App.CreateUserAsync(owner.OrganizationId, Roles.BusinessStaff);
        var lot = await CreateLotAsync(owner.OrganizationId!.Value);
        using var pages = await App.SignInAsync(staff);
        var batchId = await IssueAsync(pages, Fields(lot, "3"));
        Assert.Equal(3, (await StoredSerialsAsync(batchId)).Count);
    }

    [Fact]
    public async Task Another_business_cannot_issue_for_the_lot_nor_open_or_download_the_batch_nor_see_it_listed()
    {
        var a = await App.CreateBusinessUserAsync("HTX A (Ea H'leo)");
        var lotA = await CreateLotAsync(a.OrganizationId!.Value);
        using (var pagesA = await App.SignInAsync(a))
            _ = await IssueAsync(pagesA, Fields(lotA, "10"));
        var batchA = await App.WithDbAsync(db => db.LabelBatches.Where(x => x.LotId == lotA.Id).Select(x => x.Id).SingleAsync(Ct));
        var serialA = (await StoredSerialsAsync(batchA))[0].Serial;

        var b = await App.CreateBusinessUserAsync("Công ty B (Buôn Đôn)");
        await CreateLotAsync(b.OrganizationId!.Value);
        using var pagesB = await App.SignInAsync(b);

        using var issue = await pagesB.SubmitFormAsync("/workspace/labels", Fields(lotA, "10"));
        Assert.Equal(HttpStatusCode.NotFound, issue.StatusCode);
        Assert.Equal((1, 10), await StoredForLotAsync(lotA));
        foreach (var path in new[] { "", "/labels.pdf", "/codes.csv", $"/code.svg?serial={serialA}", $"/code.png?serial={serialA}" })
            Assert.Equal(HttpStatusCode.NotFound, (await pagesB.GetAsync($"/workspace/labels/{batchA}{path}")).StatusCode);

        // The main content only: the layout's language switch echoes the address, query included.
        var html = await pagesB.GetPageAsync($"/workspace/labels?lotId={lotA.Id}");
        var list = html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
        Assert.Contains("Các đợt in tem", list);
        Assert.DoesNotContain(lotA.LotNumber, list);
        Assert.DoesNotContain(batchA.ToString(), list);
        Assert.DoesNotContain(lotA.Id.ToString(), list);
    }

    [Fact]
    public async Task A_business_waiting_for_approval_cannot_reach_the_label_pages()
    {
        var pending = await App.CreateBusinessUserAsync("HTX chờ duyệt", status: OrganizationStatus.Pending);
        using var pages = await App.SignInAsync(pending);
        foreach (var path in new[] { "/workspace/labels", $"/workspace/labels/{Guid.NewGuid()}/labels.pdf" })
        {
            using var response = await pages.GetAsync(path, followRedirects: false);
            Assert.Equal("/account/pending", response.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task The_lot_page_the_consumer_page_the_report_form_and_the_recall_page_show_the_link_the_QR_code_carries()
    {
        var owner = await App.CreateBusinessUserAsync("HTX Cà phê Cư M'gar");
        var lot = await CreateLotAsync(owner.OrganizationId!.Value);
        var publicLink = DigitalLinkBase.ForLot(LabelsAppFixture.ResolverBase, lot.Gtin, lot.LotNumber).ToString();
        var path = publicLink[LabelsAppFixture.ResolverBase.Length..];
        using var pages = await App.SignInAsync(owner);

        Assert.Contains($"<code>{publicLink}</code></a>", await pages.GetPageAsync($"/workspace/lots/{lot.Id}"));
        using var consumer = new PageClient(App);
        Assert.DoesNotContain("https://id.gs1.org", await consumer.GetPageAsync(path));
        using var unknownResponse = await consumer.GetAsync("/01/09506000134352"); // no business has it: 404, the page shows the code
        Assert.Equal(HttpStatusCode.NotFound, unknownResponse.StatusCode);
        var unknown = await unknownResponse.Content.ReadAsStringAsync();
        Assert.Contains(LabelsAppFixture.ResolverBase + "/01/09506000134352", unknown);
        Assert.DoesNotContain("https://id.gs1.org", unknown);
        var report = await consumer.GetPageAsync("/lookup/report?code=" + Uri.EscapeDataString(path));
        Assert.Contains(publicLink, report);
        Assert.DoesNotContain("https://id.gs1.org", report);

        Guid campaignId;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            // The lot's harvest, so that the recall finds it in the chain.
            var harvest = VnTrace.Server.Lots.Diary.DiaryEvents.Harvest(new(LotCodes.Place("8930000000019"), DateTimeOffset.UtcNow.AddHours(-3)),
                LotCodes.LotClass(lot.Gtin, lot.LotNumber), 100, "KGM", null, null);
            var captured = await scope.ServiceProvider.GetRequiredService<VnTrace.Server.Capture.CaptureService>()
                .CaptureAsync(owner.OrganizationId.Value, [harvest], i => $"/{i}", Ct);
            Assert.True(captured.Success, string.Join("; ", captured.Errors));
            var (campaign, refusal) = await scope.ServiceProvider.GetRequiredService<VnTrace.Server.Recall.RecallService>()
                .OpenAsync(owner.OrganizationId.Value, [LotCodes.LotClass(lot.Gtin, lot.LotNumber)], "Nấm mốc trong bao", Ct);
            Assert.Null(refusal);
            campaignId = campaign!.Id;
        }
        var recall = await pages.GetPageAsync($"/workspace/recalls/{campaignId}");
        Assert.Contains(publicLink, recall);
        Assert.Contains($"data-identifier=\"{LotCodes.LotClass(lot.Gtin, lot.LotNumber)}\"", recall); // the stored form stays canonical
    }

    [Fact]
    public Task Serial_batch_of_10000_is_stored_whole_and_distinct() => IssueAndCheckAsync(10_000);

    /// <summary>Issues <paramref name="count"/> serials through the service and checks they are all stored and distinct (timings: the output only).</summary>
    protected async Task IssueAndCheckAsync(int count)
    {
        var owner = await App.CreateBusinessUserAsync("Công ty Cà phê lớn");
        var lot = await CreateLotAsync(owner.OrganizationId!.Value);
        await using var scope = App.Services.CreateAsyncScope();
        var issuer = scope.ServiceProvider.GetRequiredService<CodeIssuer>();

        var clock = Stopwatch.StartNew();
        var outcome = await issuer.IssueAsync(owner.OrganizationId.Value, owner.Id, new IssueRequest(lot.Id, LabelBatchKind.Serial, count, "a4-3x7"), Ct);
        clock.Stop();

        Assert.Null(outcome.Problem);
        TestContext.Current.TestOutputHelper?.WriteLine($"{count:N0} serials issued in {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(count, (await StoredSerialsAsync(outcome.Batch!.Id)).Select(s => s.Serial).Distinct().Count());
    }

    [GeneratedRegex("^/workspace/labels/([0-9a-f-]{36})\\?")]
    private static partial Regex BatchLocation();
}

public sealed class SqliteLabelPagesTests(SqliteLabelsAppFixture fixture) : LabelPagesTests(fixture), IClassFixture<SqliteLabelsAppFixture>;

public sealed class PostgresLabelPagesTests(PostgresLabelsAppFixture fixture) : LabelPagesTests(fixture), IClassFixture<PostgresLabelsAppFixture>
{
    /// <summary>The largest batch: a binary COPY of 100,000 rows into the unique (Gtin, Serial) index.</summary>
    [Fact]
    public Task Serial_batch_of_100000_is_stored_whole_and_distinct() => IssueAndCheckAsync(CodeIssuer.MaxBatch);
}
