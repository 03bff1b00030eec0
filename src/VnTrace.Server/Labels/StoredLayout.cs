using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace VnTrace.Server.Labels;

/// <summary>
/// A sheet layout as <see cref="LabelBatch.Layout"/> keeps it, so a batch can be printed again on the same sheet:
/// a catalogue id (<c>a4-3x7</c>), or a custom sheet as <c>custom:{width}x{height}:{columns}x{rows}:{column gap}x{row gap}</c>
/// in millimetres (e.g. <c>custom:50x30:3x8:5x2</c>; grid centred on the page).
/// </summary>
public static class StoredLayout
{
    private const string CustomPrefix = "custom:";

    public static string For(CustomLabelSheet sheet)
    {
        if (sheet.MarginTopMm is not null || sheet.MarginLeftMm is not null)
            throw new ArgumentException("Custom sheets are stored centred, without margins.", nameof(sheet));
        return string.Create(CultureInfo.InvariantCulture,
            $"{CustomPrefix}{Mm(sheet.LabelWidthMm)}x{Mm(sheet.LabelHeightMm)}:{sheet.Columns}x{sheet.Rows}:{Mm(sheet.ColumnGapMm)}x{Mm(sheet.RowGapMm)}");
    }

    /// <summary>The layout <paramref name="stored"/> names, with the custom sheet it was made from (null for a catalogue one).</summary>
    public static bool TryResolve([NotNullWhen(true)] string? stored, [NotNullWhen(true)] out LabelLayout? layout, out CustomLabelSheet? sheet)
    {
        layout = null;
        sheet = null;
        if (stored is null)
            return false;
        if (!stored.StartsWith(CustomPrefix, StringComparison.Ordinal))
        {
            layout = LabelLayout.Find(stored);
            return layout is not null;
        }
        var parts = stored[CustomPrefix.Length..].Split(':');
        if (parts.Length != 3 || !Pair(parts[0], out var w, out var h) || !Pair(parts[1], out var columns, out var rows) || !Pair(parts[2], out var columnGap, out var rowGap)
            || columns != Math.Floor(columns) || rows != Math.Floor(rows) || columns > 1000 || rows > 1000)
            return false;
        sheet = new CustomLabelSheet(w, h, (int)columns, (int)rows, columnGap, rowGap);
        if (LabelLayout.TryCustom(sheet, out layout, out _))
            return true;
        sheet = null;
        return false;
    }

    private static bool Pair(string s, out double a, out double b)
    {
        a = b = 0;
        var x = s.IndexOf('x', StringComparison.Ordinal);
        return x > 0
            && double.TryParse(s.AsSpan(0, x), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out a)
            && double.TryParse(s.AsSpan(x + 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out b);
    }

    private static string Mm(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
