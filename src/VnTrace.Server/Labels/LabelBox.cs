namespace VnTrace.Server.Labels;

/// <summary>Where the QR code and the text go on one label, in the drawing's units (PDF points, pixels, SVG modules).</summary>
internal readonly record struct LabelBox(
    float Width, float Height, float QrLeft, float QrTop, float QrSize, float TextLeft, float TextWidth, float TextTop, float TextBottom, float FontSize)
{
    private const float PointsPerMm = 72f / 25.4f;

    /// <summary>A label of a sheet, in PDF points: the layout's geometry.</summary>
    public static LabelBox ForSheet(LabelLayout layout)
    {
        var width = (float)layout.LabelWidthMm * PointsPerMm;
        var height = (float)layout.LabelHeightMm * PointsPerMm;
        var padding = (float)layout.PaddingMm * PointsPerMm;
        var qr = (float)layout.QrSizeMm * PointsPerMm;
        return new(width, height, (width - qr) / 2, padding, qr, padding, width - 2 * padding, padding + qr, height - padding,
            (float)layout.FontSizeMm * PointsPerMm);
    }

    /// <summary>
    /// A single code <paramref name="width"/> units wide: the QR code fills the width (its quiet zone is the margin),
    /// and the box grows downwards by exactly the <paramref name="lines"/> under it.
    /// </summary>
    public static LabelBox ForSingleCode(float width, int lines)
    {
        var font = 0.06f * width;
        var padding = 0.04f * width;
        var text = lines * font * (float)LabelLayout.LineSpacing;
        var height = lines == 0 ? width : width + text + padding;
        return new(width, height, 0, 0, width, padding, width - 2 * padding, width, width + text, font);
    }

    /// <summary>Points per millimetre, the unit of PDF pages.</summary>
    public static float Points(double mm) => (float)mm * PointsPerMm;
}
