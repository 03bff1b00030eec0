using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace VnTrace.Server.Labels;

/// <summary>
/// A sheet of sticker labels: page size, where the grid of labels starts, how many there are, their size and the gaps
/// between them, all in millimetres; and, derived from the label size, where the QR code and the text go on each
/// label. Made only by the <see cref="Catalogue"/> or <see cref="Custom"/>, so a layout always fits its page and leaves
/// a QR code big enough to scan.
/// </summary>
/// <remarks>
/// On every label the QR code (with its quiet zone of 4 modules, ISO/IEC 18004) sits at the top, centred, and
/// room for <see cref="TextLines"/> lines of human-readable text (GS1 HRI, then the product name) is kept under it.
/// </remarks>
public sealed record LabelLayout
{
    public const double A4WidthMm = 210;
    public const double A4HeightMm = 297;

    /// <summary>
    /// Smallest QR code, quiet zone included, a layout may leave: about 10 mm of code for the 57-character serial
    /// links of a typical lot (version 4, 33 modules of 41).
    /// </summary>
    public const double MinQrSizeMm = 12;

    /// <summary>Text lines kept under the QR code: (01), (10) and (21) of a serialised unit, and the product name.</summary>
    public const int TextLines = 4;

    /// <summary>Line height as a multiple of the font size.</summary>
    internal const double LineSpacing = 1.2;

    private const double FitToleranceMm = 0.01;

    private LabelLayout(string id, string name, int columns, int rows, double labelWidthMm, double labelHeightMm,
        double marginTopMm, double marginLeftMm, double columnGapMm, double rowGapMm)
    {
        Id = id;
        Name = name;
        Columns = columns;
        Rows = rows;
        LabelWidthMm = labelWidthMm;
        LabelHeightMm = labelHeightMm;
        MarginTopMm = marginTopMm;
        MarginLeftMm = marginLeftMm;
        ColumnGapMm = columnGapMm;
        RowGapMm = rowGapMm;
        PaddingMm = Padding(labelWidthMm, labelHeightMm);
        FontSizeMm = FontSize(labelHeightMm);
        QrSizeMm = QrSize(labelWidthMm, labelHeightMm);
    }

    /// <summary>Stable identifier a page can store and pass back (<c>a4-3x7</c>, …, or <c>custom</c>).</summary>
    public string Id { get; }

    /// <summary>What a person picks from a list, e.g. "A4, 3 × 7, 63.5 × 38.1 mm (Avery L7160 style)".</summary>
    public string Name { get; }

    public double PageWidthMm => A4WidthMm;
    public double PageHeightMm => A4HeightMm;
    public int Columns { get; }
    public int Rows { get; }
    public double LabelWidthMm { get; }
    public double LabelHeightMm { get; }

    /// <summary>From the top edge of the page to the top edge of the first row.</summary>
    public double MarginTopMm { get; }

    /// <summary>From the left edge of the page to the left edge of the first column.</summary>
    public double MarginLeftMm { get; }

    public double ColumnGapMm { get; }
    public double RowGapMm { get; }
    public int LabelsPerPage => Columns * Rows;

    /// <summary>White border inside each label that nothing is drawn in (die-cut and printer registration tolerance).</summary>
    public double PaddingMm { get; }

    /// <summary>Font size (em) of the text lines before any shrinking to fit.</summary>
    public double FontSizeMm { get; }

    /// <summary>Side of the square the QR code and its quiet zone fill.</summary>
    public double QrSizeMm { get; }

    /// <summary>Top-left corner of the label at <paramref name="position"/> (0-based, row by row) on its page.</summary>
    public (double XMm, double YMm) LabelOrigin(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, LabelsPerPage);
        var (row, column) = Math.DivRem(position, Columns);
        return (MarginLeftMm + column * (LabelWidthMm + ColumnGapMm), MarginTopMm + row * (LabelHeightMm + RowGapMm));
    }

    /// <summary>
    /// The common A4 sticker sheets. Sizes and margins follow the Avery sheets named, which most brands copy; a
    /// printer's own offset still calls for a test print on plain paper.
    /// </summary>
    public static IReadOnlyList<LabelLayout> Catalogue { get; } =
    [
        new("a4-3x7", "A4, 3 × 7, 63.5 × 38.1 mm (Avery L7160 style)", 3, 7, 63.5, 38.1, 15.15, 7.21, 2.54, 0),
        new("a4-3x8", "A4, 3 × 8, 70 × 37 mm (Avery 3474 style)", 3, 8, 70, 37, 0.5, 0, 0, 0),
        new("a4-4x10", "A4, 4 × 10, 48.5 × 25.4 mm (Avery 3657 style)", 4, 10, 48.5, 25.4, 21.5, 8, 0, 0),
        new("a4-5x13", "A4, 5 × 13, 38.1 × 21.2 mm (Avery L7651 style)", 5, 13, 38.1, 21.2, 10.7, 4.75, 2.5, 0),
        new("a4-2x7", "A4, 2 × 7, 99.1 × 38.1 mm (Avery L7163 style)", 2, 7, 99.1, 38.1, 15.15, 4.65, 2.5, 0),
        new("a4-1x1", "A4, 1 per page, 199.6 × 289.1 mm (Avery L7167 style)", 1, 1, 199.6, 289.1, 3.95, 5.2, 0, 0),
    ];

    /// <summary>The catalogue layout with this <see cref="Id"/>, or null.</summary>
    public static LabelLayout? Find(string id) => Catalogue.FirstOrDefault(l => l.Id == id);

    /// <summary>A custom sheet on A4; a grid that does not fit or leaves too small a QR code is refused with the reason.</summary>
    /// <exception cref="LabelLayoutException">The sheet cannot be printed as given; <see cref="LabelLayoutException.Error"/> says why.</exception>
    public static LabelLayout Custom(double widthMm, double heightMm, int columns, int rows,
        double columnGapMm = 0, double rowGapMm = 0, double? marginTopMm = null, double? marginLeftMm = null) =>
        TryCustom(new CustomLabelSheet(widthMm, heightMm, columns, rows, columnGapMm, rowGapMm, marginTopMm, marginLeftMm), out var layout, out var error)
            ? layout
            : throw new LabelLayoutException(error);

    /// <summary>
    /// A custom sheet on A4, or the first thing wrong with it, naming the field (<see cref="CustomLabelSheet"/>'s
    /// property) so a form can show the message beside it.
    /// </summary>
    public static bool TryCustom(CustomLabelSheet sheet, [NotNullWhen(true)] out LabelLayout? layout, [NotNullWhen(false)] out LabelLayoutError? error)
    {
        layout = null;
        error = Check(sheet);
        if (error is not null)
            return false;
        var (w, h, columns, rows) = (sheet.LabelWidthMm, sheet.LabelHeightMm, sheet.Columns, sheet.Rows);
        var gridWidth = columns * w + (columns - 1) * sheet.ColumnGapMm;
        var gridHeight = rows * h + (rows - 1) * sheet.RowGapMm;
        // Without margins the grid is centred, as label makers lay out their sheets.
        var left = sheet.MarginLeftMm ?? Math.Max(0, (A4WidthMm - gridWidth) / 2);
        var top = sheet.MarginTopMm ?? Math.Max(0, (A4HeightMm - gridHeight) / 2);
        layout = new LabelLayout("custom", $"A4, {columns} × {rows}, {Mm(w)} × {Mm(h)} mm (custom)",
            columns, rows, w, h, top, left, sheet.ColumnGapMm, sheet.RowGapMm);
        return true;
    }

    private static LabelLayoutError? Check(CustomLabelSheet s)
    {
        static bool Positive(double v) => double.IsFinite(v) && v > 0;
        static bool NonNegative(double v) => double.IsFinite(v) && v >= 0;

        if (!Positive(s.LabelWidthMm))
            return new(nameof(s.LabelWidthMm), "The label width must be a positive number of millimetres.") { Problem = LabelLayoutProblem.WidthNotPositive };
        if (!Positive(s.LabelHeightMm))
            return new(nameof(s.LabelHeightMm), "The label height must be a positive number of millimetres.") { Problem = LabelLayoutProblem.HeightNotPositive };
        if (s.Columns < 1)
            return new(nameof(s.Columns), "A sheet needs at least one column of labels.") { Problem = LabelLayoutProblem.NoColumns };
        if (s.Rows < 1)
            return new(nameof(s.Rows), "A sheet needs at least one row of labels.") { Problem = LabelLayoutProblem.NoRows };
        if (!NonNegative(s.ColumnGapMm))
            return new(nameof(s.ColumnGapMm), "The gap between columns must be zero or more millimetres.") { Problem = LabelLayoutProblem.GapNegative };
        if (!NonNegative(s.RowGapMm))
            return new(nameof(s.RowGapMm), "The gap between rows must be zero or more millimetres.") { Problem = LabelLayoutProblem.GapNegative };
        if (s.MarginLeftMm is { } ml && !NonNegative(ml))
            return new(nameof(s.MarginLeftMm), "The left margin must be zero or more millimetres.") { Problem = LabelLayoutProblem.MarginNegative };
        if (s.MarginTopMm is { } mt && !NonNegative(mt))
            return new(nameof(s.MarginTopMm), "The top margin must be zero or more millimetres.") { Problem = LabelLayoutProblem.MarginNegative };

        var gridWidth = s.Columns * s.LabelWidthMm + (s.Columns - 1) * s.ColumnGapMm;
        var usedWidth = (s.MarginLeftMm ?? 0) + gridWidth;
        if (usedWidth > A4WidthMm + FitToleranceMm)
        {
            var room = s.MarginLeftMm is { } m
                ? $"right of a {Mm(m)} mm left margin an A4 page has {Mm(A4WidthMm - m)} mm"
                : $"an A4 page is {Mm(A4WidthMm)} mm wide";
            return new(s.Columns > 1 ? nameof(s.Columns) : nameof(s.LabelWidthMm),
                (s.Columns == 1 ? $"A label of {Mm(s.LabelWidthMm)} mm needs" : $"{s.Columns} labels of {Mm(s.LabelWidthMm)} mm with {Mm(s.ColumnGapMm)} mm gaps need")
                + $" {Mm(gridWidth)} mm, but {room}.")
            { Problem = LabelLayoutProblem.TooWide, Values = [Mm(gridWidth), Mm(A4WidthMm - (s.MarginLeftMm ?? 0))] };
        }
        var gridHeight = s.Rows * s.LabelHeightMm + (s.Rows - 1) * s.RowGapMm;
        var usedHeight = (s.MarginTopMm ?? 0) + gridHeight;
        if (usedHeight > A4HeightMm + FitToleranceMm)
        {
            var room = s.MarginTopMm is { } m
                ? $"below a {Mm(m)} mm top margin an A4 page has {Mm(A4HeightMm - m)} mm"
                : $"an A4 page is {Mm(A4HeightMm)} mm high";
            return new(s.Rows > 1 ? nameof(s.Rows) : nameof(s.LabelHeightMm),
                (s.Rows == 1 ? $"A row of {Mm(s.LabelHeightMm)} mm needs" : $"{s.Rows} rows of {Mm(s.LabelHeightMm)} mm with {Mm(s.RowGapMm)} mm gaps need")
                + $" {Mm(gridHeight)} mm, but {room}.")
            { Problem = LabelLayoutProblem.TooHigh, Values = [Mm(gridHeight), Mm(A4HeightMm - (s.MarginTopMm ?? 0))] };
        }

        var qr = QrSize(s.LabelWidthMm, s.LabelHeightMm);
        if (qr < MinQrSizeMm - FitToleranceMm)
        {
            var (minWidth, minHeight) = SmallestLabelFor(s.LabelWidthMm, s.LabelHeightMm);
            var field = minHeight > s.LabelHeightMm ? nameof(s.LabelHeightMm) : nameof(s.LabelWidthMm);
            var needed = (minWidth > s.LabelWidthMm, minHeight > s.LabelHeightMm) switch
            {
                (true, true) => $"at least {Mm(minWidth)} × {Mm(minHeight)} mm",
                (true, false) => $"at least {Mm(minWidth)} mm wide",
                _ => $"at least {Mm(minHeight)} mm high",
            };
            var afterText = minHeight > s.LabelHeightMm ? $", after room for {TextLines} lines of text under it" : "";
            return new(field,
                $"A {Mm(s.LabelWidthMm)} × {Mm(s.LabelHeightMm)} mm label leaves {Mm(Math.Max(0, qr))} mm for the QR code with its quiet zone{afterText}; "
                + $"a phone needs at least {Mm(MinQrSizeMm)} mm. Make the labels {needed}.")
            {
                Problem = (minWidth > s.LabelWidthMm, minHeight > s.LabelHeightMm) switch
                {
                    (true, true) => LabelLayoutProblem.QrTooSmall,
                    (true, false) => LabelLayoutProblem.QrTooNarrow,
                    _ => LabelLayoutProblem.QrTooShort,
                },
                Values = [Mm(s.LabelWidthMm), Mm(s.LabelHeightMm), Mm(Math.Max(0, qr)), Mm(MinQrSizeMm), Mm(minWidth), Mm(minHeight)],
            };
        }
        return null;
    }

    // The geometry of one label, as functions of its size so a custom size can be checked before it exists.
    private static double Padding(double w, double h) => Math.Clamp(0.04 * Math.Min(w, h), 0.8, 3.0);

    private static double FontSize(double h) => Math.Clamp(0.065 * h, 1.5, 4.2);

    private static double QrSize(double w, double h)
    {
        var padding = Padding(w, h);
        var text = TextLines * LineSpacing * FontSize(h);
        return Math.Min(w - 2 * padding, h - 2 * padding - text);
    }

    /// <summary>The smallest label, in tenths of a millimetre, growing the short side(s) from the given size, that leaves room for <see cref="MinQrSizeMm"/>.</summary>
    private static (double Width, double Height) SmallestLabelFor(double w, double h)
    {
        var width = Math.Ceiling(w * 10);
        while (width / 10 - 2 * Padding(width / 10, 1000) < MinQrSizeMm)
            width++;
        var height = Math.Ceiling(h * 10);
        while (QrSize(1000, height / 10) < MinQrSizeMm)
            height++;
        return (width / 10, height / 10);
    }

    private static string Mm(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>A custom sheet as a form gives it: label size, grid, gaps, and margins (null: grid centred on the page).</summary>
public sealed record CustomLabelSheet(double LabelWidthMm, double LabelHeightMm, int Columns, int Rows,
    double ColumnGapMm = 0, double RowGapMm = 0, double? MarginTopMm = null, double? MarginLeftMm = null);

/// <summary>What is wrong with a custom sheet, for a page that words it in the user's language.</summary>
public enum LabelLayoutProblem
{
    WidthNotPositive,
    HeightNotPositive,
    NoColumns,
    NoRows,
    GapNegative,
    MarginNegative,
    /// <summary>Values: millimetres the labels and gaps need across, millimetres the page has.</summary>
    TooWide,
    /// <summary>Values: millimetres the rows and gaps need down, millimetres the page has.</summary>
    TooHigh,
    /// <summary>Values: label width, label height, QR size left, smallest QR size, smallest width, smallest height (all mm).</summary>
    QrTooNarrow,
    /// <inheritdoc cref="QrTooNarrow"/>
    QrTooShort,
    /// <inheritdoc cref="QrTooNarrow"/>
    QrTooSmall,
}

/// <summary>
/// Why a custom sheet was refused: the <see cref="CustomLabelSheet"/> property at fault and a sentence for the user
/// (English); <see cref="Problem"/> and <see cref="Values"/> (numbers formatted invariantly) let a page say it in
/// another language.
/// </summary>
public sealed record LabelLayoutError(string Field, string Message)
{
    public LabelLayoutProblem Problem { get; init; }

    public IReadOnlyList<string> Values { get; init; } = [];

    public bool Equals(LabelLayoutError? other) =>
        other is not null && Field == other.Field && Message == other.Message && Problem == other.Problem && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => HashCode.Combine(Field, Message, Problem);

    public override string ToString() => Message;
}

/// <summary>Thrown by <see cref="LabelLayout.Custom"/>; carries the same error <see cref="LabelLayout.TryCustom"/> returns.</summary>
public sealed class LabelLayoutException(LabelLayoutError error) : ArgumentException(error.Message, error.Field)
{
    public LabelLayoutError Error { get; } = error;

    /// <summary>The sentence for the user, without the " (Parameter '…')" ArgumentException adds.</summary>
    public override string Message => Error.Message;
}
