using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SkiaSharp;
using VnTrace.Server.Labels;

namespace VnTrace.Server.Tests.Labels;

/// <summary>
/// The outside tools that read the labels back, as a phone or a PDF viewer would: zbarimg (zbar-tools) decodes QR
/// codes, pdftoppm and pdftotext (poppler-utils) rasterize PDF pages and extract their text. A missing tool fails
/// the test, saying how to get it; it never skips.
/// </summary>
public sealed partial class LabelTools : IDisposable
{
    private const double Dpi = 200;

    public string Folder { get; } = Directory.CreateTempSubdirectory("vntrace-labels-").FullName;

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    public string Save(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>What zbarimg reads in an image: each symbol's data, one per line; empty when it finds none.</summary>
    public static async Task<string[]> DecodeAsync(string imagePath)
    {
        var (exitCode, output, error) = await RunAsync("zbarimg", "zbar-tools", "--raw", "-q", imagePath);
        // zbarimg exits with 4 when the image holds no symbol.
        if (exitCode is not (0 or 4))
            Assert.Fail($"zbarimg failed on {imagePath} (exit {exitCode}): {error}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The pages of the PDF (all, or from <paramref name="firstPage"/> to <paramref name="lastPage"/>) as PNGs at 200 dpi, in page order.</summary>
    public async Task<string[]> RasterizeAsync(string pdfPath, int firstPage = 1, int? lastPage = null)
    {
        var prefix = Path.Combine(Folder, $"{Path.GetFileNameWithoutExtension(pdfPath)}-{firstPage}-page");
        string[] range = lastPage is { } last ? ["-f", $"{firstPage}", "-l", $"{last}"] : ["-f", $"{firstPage}"];
        var (exitCode, _, error) = await RunAsync("pdftoppm", "poppler-utils", ["-r", Dpi.ToString(CultureInfo.InvariantCulture), "-png", .. range, pdfPath, prefix]);
        Assert.True(exitCode == 0, $"pdftoppm failed on {pdfPath} (exit {exitCode}): {error}");
        return [.. Directory.GetFiles(Folder, Path.GetFileName(prefix) + "-*.png").Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Decodes each label cell of each page on its own and gives the URIs in sheet order (null where a cell holds no
    /// code). Per cell rather than per page: zbar's scan for many symbols in one image now and then misses one of 21
    /// that it reads alone, and per cell also shows each code landed in its place.
    /// </summary>
    public async Task<List<string?>> DecodeSheetAsync(string pdfPath, LabelLayout layout, int cellsToRead, int firstPage = 1)
    {
        var pages = await RasterizeAsync(pdfPath, firstPage, firstPage + (cellsToRead - 1) / layout.LabelsPerPage);
        var cells = new List<string>();
        for (var p = 0; p < pages.Length && cells.Count < cellsToRead; p++)
        {
            using var page = SKImage.FromEncodedData(pages[p]);
            for (var position = 0; position < layout.LabelsPerPage && cells.Count < cellsToRead; position++)
            {
                var (x, y) = layout.LabelOrigin(position);
                var cell = SKRectI.Round(new SKRect(Px(x), Px(y), Px(x + layout.LabelWidthMm), Px(y + layout.LabelHeightMm)));
                cell.Intersect(new SKRectI(0, 0, page.Width, page.Height));
                using var subset = page.Subset(cell) ?? throw new InvalidOperationException($"Cell {position} {cell} is not on the page image.");
                using var png = subset.Encode(SKEncodedImageFormat.Png, 100);
                cells.Add(Save($"{Path.GetFileNameWithoutExtension(pdfPath)}-{firstPage + p}-cell-{position:D3}.png", png.ToArray()));
            }
        }
        var decoded = new string?[cells.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, cells.Count), new ParallelOptions { MaxDegreeOfParallelism = 2 * Environment.ProcessorCount },
            async (i, _) => decoded[i] = (await DecodeAsync(cells[i])).SingleOrDefault());
        return [.. decoded];
    }

    /// <summary>
    /// The QR code of an SVG the renderer wrote, as a PNG zbar can read: its path data rasterized with Skia's own SVG
    /// path parser, 8 pixels per module (the text is left out; SVG text needs a full SVG renderer).
    /// </summary>
    public static byte[] RasterizeSvgCode(string svgText)
    {
        var svg = XDocument.Parse(svgText);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var viewBox = svg.Root!.Attribute("viewBox")!.Value.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        using var path = SKPath.ParseSvgPathData(svg.Root.Element(ns + "path")!.Attribute("d")!.Value);
        const int scale = 8;
        using var surface = SKSurface.Create(new SKImageInfo((int)Math.Ceiling(viewBox[2] * scale), (int)Math.Ceiling(viewBox[3] * scale)));
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.Scale(scale);
        using (var ink = new SKPaint { Color = SKColors.Black })
            surface.Canvas.DrawPath(path, ink);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>The PDF's text, page after page, in reading order.</summary>
    public static async Task<string> ExtractTextAsync(string pdfPath)
    {
        var (exitCode, output, error) = await RunAsync("pdftotext", "poppler-utils", "-enc", "UTF-8", pdfPath, "-");
        Assert.True(exitCode == 0, $"pdftotext failed on {pdfPath} (exit {exitCode}): {error}");
        return output;
    }

    /// <summary>Every word pdftotext finds, with its box in millimetres from the page's top-left corner.</summary>
    public static async Task<List<(int Page, string Word, double X0, double Y0, double X1, double Y1)>> WordBoxesAsync(string pdfPath)
    {
        var (exitCode, output, error) = await RunAsync("pdftotext", "poppler-utils", "-bbox", "-enc", "UTF-8", pdfPath, "-");
        Assert.True(exitCode == 0, $"pdftotext -bbox failed on {pdfPath} (exit {exitCode}): {error}");
        const double mmPerPoint = 25.4 / 72;
        var words = new List<(int, string, double, double, double, double)>();
        var page = 0;
        foreach (var line in output.Split('\n'))
        {
            if (line.Contains("<page ", StringComparison.Ordinal))
                page++;
            var m = WordPattern().Match(line);
            if (!m.Success)
                continue;
            double N(string group) => double.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) * mmPerPoint;
            words.Add((page, System.Net.WebUtility.HtmlDecode(m.Groups["w"].Value), N("x0"), N("y0"), N("x1"), N("y1")));
        }
        return words;
    }

    /// <summary>The fonts pdffonts lists: name and whether it is embedded.</summary>
    public static async Task<string> FontsAsync(string pdfPath)
    {
        var (exitCode, output, error) = await RunAsync("pdffonts", "poppler-utils", pdfPath);
        Assert.True(exitCode == 0, $"pdffonts failed on {pdfPath} (exit {exitCode}): {error}");
        return output;
    }

    [GeneratedRegex("""<word xMin="(?<x0>[\d.]+)" yMin="(?<y0>[\d.]+)" xMax="(?<x1>[\d.]+)" yMax="(?<y1>[\d.]+)">(?<w>[^<]*)</word>""")]
    private static partial Regex WordPattern();

    private static float Px(double mm) => (float)(mm / 25.4 * Dpi);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string tool, string package, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail($"{tool} is not installed (Debian package {package}); run scripts/test.sh, which installs the tools the tests need.");
            throw;
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output, await error);
        }
    }
}
