using System.Globalization;
using SkiaSharp;

namespace VnTrace.Server.Labels;

/// <summary>One line of text placed on a label: what to draw (maybe ellipsized), at what size, on which baseline.</summary>
internal readonly record struct FittedLine(string Text, float Size, float Width, float Baseline);

/// <summary>
/// The labels' font and the fitting of text lines into the box under the QR code: a line too wide is shrunk, down
/// to <see cref="MinShrink"/> of its size, then cut with an ellipsis; lines that do not fit the height at all are
/// left out. Nothing is ever placed outside the box.
/// </summary>
internal static class LabelText
{
    /// <summary>Smallest size a line is shrunk to, as a fraction of the layout's font size, before it is ellipsized.</summary>
    public const float MinShrink = 0.7f;

    private const string Ellipsis = "…";

    /// <summary>
    /// Noto Sans Regular (SIL OFL 1.1, Labels/Fonts/OFL.txt), carried in the assembly: it has every Vietnamese letter
    /// precomposed, and the server may run where no font is installed at all (a container; the Skia native assets
    /// without fontconfig). Loaded once; a typeface is immutable and safe to share between threads.
    /// </summary>
    public static SKTypeface Typeface { get; } = LoadTypeface();

    /// <summary>CSS font-family of the SVG output, which cannot carry the font: Noto Sans where installed.</summary>
    public const string CssFontFamily = "'Noto Sans', 'DejaVu Sans', Arial, sans-serif";

    /// <summary>
    /// Unhinted, with linear metrics: a PDF page is laid out in points, and hinting would round a 4 pt label's glyph
    /// advances to whole points, spacing its letters unevenly.
    /// </summary>
    public static SKFont CreateFont() =>
        new(Typeface) { Hinting = SKFontHinting.None, LinearMetrics = true, Subpixel = true, Edging = SKFontEdging.Antialias };

    private static SKTypeface LoadTypeface()
    {
        const string resource = "VnTrace.Server.Labels.Fonts.NotoSans-Regular.ttf";
        using var stream = typeof(LabelText).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The label font {resource} is not embedded in the server assembly.");
        return SKTypeface.FromStream(stream)
            ?? throw new InvalidOperationException($"Skia could not read the label font {resource}.");
    }

    /// <summary>
    /// Places <paramref name="lines"/> in the box from <paramref name="top"/> to <paramref name="bottom"/>,
    /// <paramref name="width"/> wide, one line every <see cref="LabelLayout.LineSpacing"/> × the font size. When
    /// there are more lines than the box holds at <paramref name="fontSize"/>, all of them get smaller, down to
    /// <see cref="MinShrink"/>; lines beyond that are dropped.
    /// </summary>
    public static FittedLine[] Fit(IReadOnlyList<string> lines, float width, float top, float bottom, float fontSize, SKFont font)
    {
        if (lines.Count == 0 || width <= 0 || bottom <= top)
            return [];
        var lineHeight = fontSize * (float)LabelLayout.LineSpacing;
        var height = bottom - top;
        if (lines.Count * lineHeight > height)
        {
            var scale = Math.Max(MinShrink, height / (lines.Count * lineHeight));
            fontSize *= scale;
            lineHeight *= scale;
        }
        var count = Math.Min(lines.Count, (int)Math.Floor(height / lineHeight + 1e-4f));
        var fitted = new FittedLine[count];
        for (var i = 0; i < count; i++)
        {
            var (text, size, measured) = FitWidth(lines[i], width, fontSize, font);
            // Baseline so that cap height sits mid-line: descenders (0.24 em in Noto Sans) stay inside the line.
            var baseline = top + i * lineHeight + 0.5f * lineHeight + 0.357f * size;
            fitted[i] = new FittedLine(text, size, measured, baseline);
        }
        return fitted;
    }

    private static (string Text, float Size, float Width) FitWidth(string text, float width, float size, SKFont font)
    {
        font.Size = size;
        var measured = font.MeasureText(text);
        if (measured <= width)
            return (text, size, measured);
        var smaller = Math.Max(size * MinShrink, size * width / measured * 0.999f);
        font.Size = smaller;
        measured = font.MeasureText(text);
        if (measured <= width)
            return (text, smaller, measured);

        // The longest prefix, cut between text elements (never inside a letter and its marks), that fits with "…".
        var boundaries = StringInfo.ParseCombiningCharacters(text);
        int low = 0, high = boundaries.Length - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (font.MeasureText(string.Concat(text.AsSpan(0, boundaries[mid]).TrimEnd(), Ellipsis)) <= width)
                low = mid;
            else
                high = mid - 1;
        }
        var cut = string.Concat(text.AsSpan(0, boundaries[low]).TrimEnd(), Ellipsis);
        measured = font.MeasureText(cut);
        return measured <= width ? (cut, smaller, measured) : ("", smaller, 0);
    }
}
