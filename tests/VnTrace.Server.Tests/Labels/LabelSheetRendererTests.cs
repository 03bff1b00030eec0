using System.Runtime.CompilerServices;
using System.Xml.Linq;
using SkiaSharp;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Labels;

namespace VnTrace.Server.Tests.Labels;

/// <summary>
/// Sheets and single codes read back by outside tools: every QR code must decode to exactly the URI issued for its
/// label, and the text must come out of the PDF as it went in.
/// </summary>
public sealed class LabelSheetRendererTests : IDisposable
{
    private const string Coffee = "Cà phê Robusta Buôn Ma Thuột";
    private readonly LabelTools tools = new();
    private readonly LabelSheetRenderer renderer = new();

    public void Dispose() => tools.Dispose();

    /// <summary>Serialised units of one lot, each URI built and checked by the library's Digital Link parser.</summary>
    private static List<LabelContent> Serials(int count, string lot = "LOT42", string? productName = Coffee) =>
        [.. Enumerable.Range(1, count).Select(n => LabelContent.For(
            DigitalLink.Parse($"https://id.example.vn/01/08936012000016/10/{lot}/21/{n:D6}"), productName))];

    private async Task<(string Path, LabelSheetSummary Summary)> WriteSheetAsync(string name, IEnumerable<LabelContent> labels, LabelLayout layout, int startPosition = 0)
    {
        var path = Path.Combine(tools.Folder, name + ".pdf");
        await using var file = File.Create(path);
        var summary = await renderer.WritePdfAsync(labels, layout, file, startPosition, TestContext.Current.CancellationToken);
        return (path, summary);
    }

    [Fact]
    public async Task Sheet_of_65_serials_on_3x7_labels_takes_4_pages_and_every_code_decodes_to_its_issued_uri()
    {
        var labels = Serials(65);
        var layout = LabelLayout.Find("a4-3x7")!;
        var (pdf, summary) = await WriteSheetAsync("serials", labels, layout);

        Assert.Equal((65, 4), (summary.Labels, summary.Pages));
        Assert.Equal(new FileInfo(pdf).Length, summary.Bytes);
        Assert.Equal(4, (await tools.RasterizeAsync(pdf)).Length);
        var decoded = await tools.DecodeSheetAsync(pdf, layout, 4 * 21);
        Assert.Equal(labels.Select(l => l.Uri), decoded.Take(65));
        Assert.All(decoded.Skip(65), Assert.Null);
    }

    [Fact]
    public async Task Sheet_of_10000_serials_decodes_to_the_issued_uris_on_sampled_pages()
    {
        var labels = Serials(10_000);
        var layout = LabelLayout.Find("a4-3x7")!;
        var (pdf, summary) = await WriteSheetAsync("ten-thousand", labels, layout);

        Assert.Equal((10_000, 477), (summary.Labels, summary.Pages));
        foreach (var page in new[] { 1, 239, 477 })
        {
            var issued = labels.Skip((page - 1) * 21).Take(21).Select(l => l.Uri).ToList();
            var decoded = await tools.DecodeSheetAsync(pdf, layout, 21, firstPage: page);
            Assert.Equal(issued, decoded.Take(issued.Count));
            Assert.All(decoded.Skip(issued.Count), Assert.Null);
        }
    }

    public static TheoryData<string> CatalogueIds => [.. LabelLayout.Catalogue.Select(l => l.Id)];

    [Theory]
    [MemberData(nameof(CatalogueIds))]
    public async Task Every_catalogue_sheet_prints_codes_that_decode(string id)
    {
        var layout = LabelLayout.Find(id)!;
        var count = Math.Min(layout.LabelsPerPage, 25);
        var labels = Serials(count, lot: "L" + id);
        var (pdf, summary) = await WriteSheetAsync(id, labels, layout);

        Assert.Equal(1, summary.Pages);
        Assert.Equal(labels.Select(l => l.Uri), await tools.DecodeSheetAsync(pdf, layout, count));
    }

    [Fact]
    public async Task Custom_size_sheet_prints_codes_that_decode_in_their_cells()
    {
        var layout = LabelLayout.Custom(45, 28, 4, 9, columnGapMm: 3, rowGapMm: 2);
        var labels = Serials(40, lot: "CUSTOM-7");
        var (pdf, summary) = await WriteSheetAsync("custom", labels, layout);

        Assert.Equal((40, 2), (summary.Labels, summary.Pages));
        Assert.Equal(labels.Select(l => l.Uri), await tools.DecodeSheetAsync(pdf, layout, 40));
    }

    [Fact]
    public async Task Labels_start_at_the_given_position_so_a_partly_used_sheet_can_be_reused()
    {
        var layout = LabelLayout.Find("a4-3x7")!;
        var labels = Serials(20);
        var (pdf, summary) = await WriteSheetAsync("start", labels, layout, startPosition: 5);

        Assert.Equal((20, 2), (summary.Labels, summary.Pages));
        var decoded = await tools.DecodeSheetAsync(pdf, layout, 2 * 21);
        Assert.All(decoded.Take(5), Assert.Null);
        Assert.Equal(labels.Select(l => l.Uri), decoded.Skip(5).Take(20));
        Assert.All(decoded.Skip(25), Assert.Null);
    }

    [Fact]
    public async Task Per_lot_label_carries_the_lot_link_and_its_hri()
    {
        var layout = LabelLayout.Find("a4-2x7")!;
        var lot = LabelContent.For(DigitalLink.Parse("https://id.example.vn/01/08936012000016/10/LOT42?17=271231"), Coffee);
        var (pdf, _) = await WriteSheetAsync("lot", [lot], layout);

        Assert.Equal([lot.Uri], await tools.DecodeSheetAsync(pdf, layout, 1));
        var text = await LabelTools.ExtractTextAsync(pdf);
        Assert.Contains("(01) 08936012000016", text, StringComparison.Ordinal);
        Assert.Contains("(10) LOT42", text, StringComparison.Ordinal);
        Assert.Contains("(17) 271231", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vietnamese_product_name_is_printed_with_the_embedded_font()
    {
        var (pdf, _) = await WriteSheetAsync("vietnamese", Serials(3), LabelLayout.Find("a4-3x7")!);

        var text = await LabelTools.ExtractTextAsync(pdf);
        Assert.Contains(Coffee, text, StringComparison.Ordinal);
        Assert.Contains("(21) 000003", text, StringComparison.Ordinal);
        // Drawn with the advances it was measured with (no hinting at 7 pt), the name is centred on its label.
        var layout = LabelLayout.Find("a4-3x7")!;
        var name = (await LabelTools.WordBoxesAsync(pdf))
            .Where(w => w.Page == 1 && Coffee.Split(' ').Contains(w.Word) && w.X1 < layout.MarginLeftMm + layout.LabelWidthMm && w.Y0 < layout.MarginTopMm + layout.LabelHeightMm)
            .ToList();
        Assert.Equal(6, name.Count);
        Assert.Equal(layout.MarginLeftMm + layout.LabelWidthMm / 2, (name.Min(w => w.X0) + name.Max(w => w.X1)) / 2, 0.3);
        // The labels' own font, subset and embedded, whatever fonts the machine has.
        var fonts = await LabelTools.FontsAsync(pdf);
        var noto = Assert.Single(fonts.Split('\n'), l => l.Contains("NotoSans", StringComparison.Ordinal));
        Assert.Matches(@"\byes\s+yes\s+yes\b", noto); // emb, sub, uni
    }

    [Fact]
    public async Task Text_too_long_for_its_label_is_shrunk_or_cut_with_an_ellipsis_and_never_leaves_the_label()
    {
        var layout = LabelLayout.Find("a4-5x13")!;
        var longName = "Cà phê Robusta Buôn Ma Thuột rang xay nguyên chất, hạt chọn lọc từ nông trại Ea Tu, đóng gói 500 g";
        var labels = new List<LabelContent>
        {
            LabelContent.For(DigitalLink.Parse("https://id.example.vn/01/08936012000016/10/LOT-2026-0042-ABCDEF/21/SERIAL-0000000000001"), longName),
            new("https://id.example.vn/01/08936012000016", ["(01) 08936012000016", "a", "b", "c", "d", "e"], longName),
        };
        var (pdf, _) = await WriteSheetAsync("long", labels, layout);

        Assert.Equal(labels.Select(l => l.Uri), await tools.DecodeSheetAsync(pdf, layout, 2));
        var text = await LabelTools.ExtractTextAsync(pdf);
        Assert.Contains("(01) 08936012000016", text, StringComparison.Ordinal);
        Assert.Contains("…", text, StringComparison.Ordinal);
        Assert.DoesNotContain("500 g", text, StringComparison.Ordinal);

        var words = await LabelTools.WordBoxesAsync(pdf);
        Assert.NotEmpty(words);
        foreach (var (page, word, x0, y0, x1, y1) in words)
        {
            // The label whose area holds the word's centre must hold the whole word.
            var cells = Enumerable.Range(0, layout.LabelsPerPage).Select(layout.LabelOrigin);
            var (cx, cy) = ((x0 + x1) / 2, (y0 + y1) / 2);
            var (lx, ly) = cells.Single(c => cx >= c.XMm && cx <= c.XMm + layout.LabelWidthMm && cy >= c.YMm && cy <= c.YMm + layout.LabelHeightMm);
            Assert.True(x0 >= lx && x1 <= lx + layout.LabelWidthMm && y0 >= ly && y1 <= ly + layout.LabelHeightMm,
                $"'{word}' on page {page} at x {x0:0.0}–{x1:0.0}, y {y0:0.0}–{y1:0.0} mm leaves its label at ({lx:0.0}, {ly:0.0})");
        }
    }

    [Fact]
    public async Task Single_code_png_decodes_to_its_uri_and_is_as_wide_as_asked()
    {
        var label = Serials(1)[0];
        var png = renderer.RenderPng(label, 400);

        using var image = SKImage.FromEncodedData(png);
        Assert.Equal(400, image.Width);
        Assert.True(image.Height > 400, "the text lines go under the code");
        Assert.Equal([label.Uri], await LabelTools.DecodeAsync(tools.Save("single.png", png)));
    }

    [Fact]
    public void Single_code_png_narrower_than_its_modules_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => renderer.RenderPng(Serials(1)[0], 30));
        Assert.Contains("needs at least 41 pixels", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Single_code_svg_decodes_to_its_uri_and_carries_the_text()
    {
        var label = Serials(1)[0];
        var svg = XDocument.Parse(renderer.RenderSvg(label));
        XNamespace ns = "http://www.w3.org/2000/svg";

        Assert.Equal([.. label.PrintedLines], svg.Root!.Elements(ns + "text").Select(t => t.Value));
        Assert.Equal([label.Uri], await LabelTools.DecodeAsync(tools.Save("single-svg.png", LabelTools.RasterizeSvgCode(svg.ToString()))));
    }

    [Fact]
    public async Task Pdf_reaches_the_output_page_by_page_while_labels_are_still_coming()
    {
        var layout = LabelLayout.Find("a4-3x7")!;
        using var output = new MemoryStream();
        var bytesWhenPage6Started = -1L;

        async IAsyncEnumerable<LabelContent> Produce([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var (label, i) in Serials(8 * 21, productName: null).Select((l, i) => (l, i)))
            {
                if (i == 5 * 21)
                    bytesWhenPage6Started = output.Length;
                await Task.Yield();
                yield return label;
            }
        }

        var summary = await renderer.WritePdfAsync(Produce(), layout, output, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(8, summary.Pages);
        Assert.InRange(bytesWhenPage6Started, 1, summary.Bytes / 2);
    }

    [Fact]
    public async Task Empty_batch_is_refused_before_anything_is_written()
    {
        using var output = new MemoryStream();
        var e = await Assert.ThrowsAsync<ArgumentException>(() => renderer.WritePdfAsync([], LabelLayout.Find("a4-3x7")!, output));
        Assert.Contains("no labels", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, output.Length);
    }
}
