using System.Globalization;
using System.Text;
using System.Xml;
using SkiaSharp;

namespace VnTrace.Server.Labels;

/// <summary>What a sheet came to: labels drawn, pages, and bytes written to the output.</summary>
public sealed record LabelSheetSummary(int Labels, int Pages, long Bytes);

/// <summary>
/// Draws labels: sheets as PDF (Skia), one code as SVG or PNG. Each QR code is drawn as filled rectangles, one per
/// horizontal run of dark modules, so it stays sharp at any print resolution; the text is in the embedded Noto Sans,
/// so Vietnamese prints on a server with no fonts installed.
/// </summary>
public sealed class LabelSheetRenderer
{
    /// <summary>Pages whose QR codes are encoded ahead, on the thread pool, while the current page is drawn.</summary>
    private const int PagesAhead = 2;

    /// <summary>Largest single-code image, in pixels per side.</summary>
    public const int MaxPngPixels = 4096;

    /// <summary>
    /// Writes the labels as a PDF of <paramref name="layout"/> sheets to <paramref name="output"/>, page by page:
    /// the document is streamed, never held whole, so a lot of 100,000 serials takes the memory of a few pages.
    /// Encoding the QR codes (most of the work) runs on the thread pool, a page or two ahead of the drawing.
    /// </summary>
    /// <param name="startPosition">Labels already used on the first sheet (0-based position of the first label, row by row).</param>
    /// <exception cref="ArgumentException">There are no labels, or <paramref name="startPosition"/> is not on the sheet; nothing has been written.</exception>
    /// <remarks>A failure after the first page (a label the source cannot give, cancellation) leaves a partial document in <paramref name="output"/>: discard it.</remarks>
    public async Task<LabelSheetSummary> WritePdfAsync(IAsyncEnumerable<LabelContent> labels, LabelLayout layout, Stream output,
        int startPosition = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(output);
        if (startPosition < 0 || startPosition >= layout.LabelsPerPage)
            throw new ArgumentOutOfRangeException(nameof(startPosition), startPosition,
                $"The first label's position must be from 0 to {layout.LabelsPerPage - 1} on a sheet of {layout.LabelsPerPage}.");

        var box = LabelBox.ForSheet(layout);
        await using var source = labels.GetAsyncEnumerator(cancellationToken);
        var first = await ReadAsync(source, layout.LabelsPerPage - startPosition, cancellationToken);
        if (first.Count == 0)
            throw new ArgumentException("There are no labels to print.", nameof(labels));
        var ahead = new Queue<Task<PreparedLabel[]>>();
        ahead.Enqueue(PrepareAsync(first, box, cancellationToken));
        var exhausted = first.Count < layout.LabelsPerPage - startPosition;

        var buffer = new PdfOutputBuffer();
        using var document = SKDocument.CreatePdf(buffer, new SKDocumentPdfMetadata { Title = "Labels", Creator = "VnTrace" })
            ?? throw new InvalidOperationException("Skia could not start a PDF document.");
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var font = LabelText.CreateFont();
        var (pageWidth, pageHeight) = (LabelBox.Points(layout.PageWidthMm), LabelBox.Points(layout.PageHeightMm));
        int pages = 0, count = 0, position = startPosition;
        try
        {
            while (ahead.Count > 0)
            {
                while (!exhausted && ahead.Count < PagesAhead + 1)
                {
                    var chunk = await ReadAsync(source, layout.LabelsPerPage, cancellationToken);
                    exhausted = chunk.Count < layout.LabelsPerPage;
                    if (chunk.Count > 0)
                        ahead.Enqueue(PrepareAsync(chunk, box, cancellationToken));
                }
                var page = await ahead.Dequeue();
                var canvas = document.BeginPage(pageWidth, pageHeight);
                foreach (var label in page)
                {
                    var (x, y) = layout.LabelOrigin(position++);
                    DrawLabel(canvas, label, LabelBox.Points(x), LabelBox.Points(y), box, ink, font);
                }
                document.EndPage();
                pages++;
                count += page.Length;
                position = 0;
                await buffer.DrainToAsync(output, cancellationToken);
            }
            document.Close();
            await buffer.DrainToAsync(output, cancellationToken);
        }
        catch
        {
            document.Abort();
            foreach (var pending in ahead)
                _ = pending.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            throw;
        }
        return new LabelSheetSummary(count, pages, buffer.Written);
    }

    /// <inheritdoc cref="WritePdfAsync(IAsyncEnumerable{LabelContent}, LabelLayout, Stream, int, CancellationToken)"/>
    public Task<LabelSheetSummary> WritePdfAsync(IEnumerable<LabelContent> labels, LabelLayout layout, Stream output,
        int startPosition = 0, CancellationToken cancellationToken = default) =>
        WritePdfAsync(labels.ToAsyncEnumerable(), layout, output, startPosition, cancellationToken);

    /// <summary>
    /// One code as SVG, in module units (the QR code is as wide as its modules and quiet zone), with the text lines
    /// under it. The text names Noto Sans, measured with it and pinned to that width (<c>textLength</c>), so it stays
    /// inside the image whatever font the viewer substitutes.
    /// </summary>
    public string RenderSvg(LabelContent label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var symbol = QrSymbol.Encode(label.Uri);
        var lines = label.PrintedLines.ToArray();
        var box = LabelBox.ForSingleCode(symbol.Size, lines.Length);
        FittedLine[] fitted;
        using (var font = LabelText.CreateFont())
            fitted = LabelText.Fit(lines, box.TextWidth, box.TextTop, box.TextBottom, box.FontSize, font);

        var path = new StringBuilder(symbol.RunCount * 16);
        for (var i = 0; i < symbol.RunCount; i++)
        {
            var (row, column, length) = symbol.Run(i);
            path.Append(CultureInfo.InvariantCulture, $"M{column} {row}h{length}v1h-{length}z");
        }

        var svg = new StringBuilder();
        using (var xml = XmlWriter.Create(svg, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            const string ns = "http://www.w3.org/2000/svg";
            xml.WriteStartElement("svg", ns);
            // 10 px per module when nothing else sizes it; the viewBox makes it scale freely.
            xml.WriteAttributeString("width", Number(box.Width * 10));
            xml.WriteAttributeString("height", Number(box.Height * 10));
            xml.WriteAttributeString("viewBox", $"0 0 {Number(box.Width)} {Number(box.Height)}");
            xml.WriteElementString("title", ns, label.Uri);
            xml.WriteStartElement("rect", ns);
            xml.WriteAttributeString("width", Number(box.Width));
            xml.WriteAttributeString("height", Number(box.Height));
            xml.WriteAttributeString("fill", "#fff");
            xml.WriteEndElement();
            xml.WriteStartElement("path", ns);
            xml.WriteAttributeString("d", path.ToString());
            xml.WriteAttributeString("fill", "#000");
            // Without it, anti-aliasing draws hairlines between runs that share an edge.
            xml.WriteAttributeString("shape-rendering", "crispEdges");
            xml.WriteEndElement();
            foreach (var line in fitted)
            {
                xml.WriteStartElement("text", ns);
                xml.WriteAttributeString("x", Number(box.Width / 2));
                xml.WriteAttributeString("y", Number(line.Baseline));
                xml.WriteAttributeString("font-family", LabelText.CssFontFamily);
                xml.WriteAttributeString("font-size", Number(line.Size));
                xml.WriteAttributeString("text-anchor", "middle");
                xml.WriteAttributeString("textLength", Number(line.Width));
                xml.WriteAttributeString("lengthAdjust", "spacingAndGlyphs");
                xml.WriteString(line.Text);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return svg.ToString();
    }

    /// <summary>
    /// One code as a PNG <paramref name="pixels"/> wide, the text lines under the code. Every module is a whole
    /// number of pixels (the code is centred in the width), so the image scans as sharply as it can.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pixels"/> is above <see cref="MaxPngPixels"/>, or below one pixel per module.</exception>
    public byte[] RenderPng(LabelContent label, int pixels)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (pixels > MaxPngPixels)
            throw new ArgumentOutOfRangeException(nameof(pixels), pixels, $"A single code is at most {MaxPngPixels} pixels wide.");
        var symbol = QrSymbol.Encode(label.Uri);
        if (pixels < symbol.Size)
            throw new ArgumentOutOfRangeException(nameof(pixels), pixels,
                $"This code has {symbol.Size} modules across (quiet zone included); it needs at least {symbol.Size} pixels.");
        var lines = label.PrintedLines.ToArray();
        var box = LabelBox.ForSingleCode(pixels, lines.Length);

        using var surface = SKSurface.Create(new SKImageInfo(pixels, (int)Math.Ceiling(box.Height), SKColorType.Rgba8888, SKAlphaType.Opaque))
            ?? throw new InvalidOperationException("Skia could not create the image.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        var module = pixels / symbol.Size;
        var offset = (pixels - module * symbol.Size) / 2;
        for (var i = 0; i < symbol.RunCount; i++)
        {
            var (row, column, length) = symbol.Run(i);
            canvas.DrawRect(offset + column * module, offset + row * module, length * module, module, ink);
        }
        using var font = LabelText.CreateFont();
        ink.IsAntialias = true;
        foreach (var line in LabelText.Fit(lines, box.TextWidth, box.TextTop, box.TextBottom, box.FontSize, font))
        {
            font.Size = line.Size;
            canvas.DrawText(line.Text, (box.Width - line.Width) / 2, line.Baseline, SKTextAlign.Left, font, ink);
        }
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private sealed record PreparedLabel(QrSymbol Symbol, FittedLine[] Lines);

    private static async Task<List<LabelContent>> ReadAsync(IAsyncEnumerator<LabelContent> source, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var chunk = new List<LabelContent>(count);
        while (chunk.Count < count && await source.MoveNextAsync())
            chunk.Add(source.Current);
        return chunk;
    }

    /// <summary>QR encoding and text fitting for one page, spread over the cores; the drawing thread only draws.</summary>
    private static Task<PreparedLabel[]> PrepareAsync(List<LabelContent> labels, LabelBox box, CancellationToken cancellationToken) =>
        Task.Run(() =>
        {
            var prepared = new PreparedLabel[labels.Count];
            Parallel.For(0, labels.Count, new ParallelOptions { CancellationToken = cancellationToken },
                LabelText.CreateFont,
                (i, _, font) =>
                {
                    var label = labels[i];
                    var lines = LabelText.Fit([.. label.PrintedLines], box.TextWidth, box.TextTop, box.TextBottom, box.FontSize, font);
                    prepared[i] = new PreparedLabel(QrSymbol.Encode(label.Uri), lines);
                    return font;
                },
                font => font.Dispose());
            return prepared;
        }, cancellationToken);

    private static void DrawLabel(SKCanvas canvas, PreparedLabel label, float x, float y, LabelBox box, SKPaint ink, SKFont font)
    {
        canvas.Save();
        // The fitting already keeps everything inside; the clip makes it a guarantee.
        canvas.ClipRect(new SKRect(x, y, x + box.Width, y + box.Height));
        canvas.Save();
        canvas.Translate(x + box.QrLeft, y + box.QrTop);
        canvas.Scale(box.QrSize / label.Symbol.Size);
        // In module units the PDF holds "12 7 3 1 re f" per run: short, and exact at any scale.
        for (var i = 0; i < label.Symbol.RunCount; i++)
        {
            var (row, column, length) = label.Symbol.Run(i);
            canvas.DrawRect(column, row, length, 1, ink);
        }
        canvas.Restore();
        foreach (var line in label.Lines)
        {
            font.Size = line.Size;
            canvas.DrawText(line.Text, x + (box.Width - line.Width) / 2, y + line.Baseline, SKTextAlign.Left, font, ink);
        }
        canvas.Restore();
    }

    private static string Number(float value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
