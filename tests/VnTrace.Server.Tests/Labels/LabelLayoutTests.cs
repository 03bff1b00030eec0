using VnTrace.Server.Labels;

namespace VnTrace.Server.Tests.Labels;

public sealed class LabelLayoutTests
{
    public static TheoryData<string> CatalogueIds => [.. LabelLayout.Catalogue.Select(l => l.Id)];

    [Theory]
    [MemberData(nameof(CatalogueIds))]
    public void Every_catalogue_sheet_fits_on_a4_and_leaves_a_scannable_qr_code(string id)
    {
        var layout = LabelLayout.Find(id)!;
        var (right, bottom) = layout.LabelOrigin(layout.LabelsPerPage - 1);
        Assert.InRange(right + layout.LabelWidthMm, 0, LabelLayout.A4WidthMm + 0.01);
        Assert.InRange(bottom + layout.LabelHeightMm, 0, LabelLayout.A4HeightMm + 0.01);
        Assert.True(layout.QrSizeMm >= LabelLayout.MinQrSizeMm, $"{id}: QR code {layout.QrSizeMm:0.0} mm");
        Assert.True(layout.QrSizeMm <= layout.LabelWidthMm - 2 * layout.PaddingMm);
    }

    [Fact]
    public void Catalogue_has_the_common_a4_sheets_under_stable_ids()
    {
        Assert.Equal(["a4-3x7", "a4-3x8", "a4-4x10", "a4-5x13", "a4-2x7", "a4-1x1"], LabelLayout.Catalogue.Select(l => l.Id));
        var l7160 = LabelLayout.Find("a4-3x7")!;
        Assert.Equal((3, 7, 21, 63.5, 38.1), (l7160.Columns, l7160.Rows, l7160.LabelsPerPage, l7160.LabelWidthMm, l7160.LabelHeightMm));
        Assert.Null(LabelLayout.Find("a4-9x99"));
    }

    [Fact]
    public void Custom_sheet_without_margins_is_centred_on_the_page()
    {
        var layout = LabelLayout.Custom(50, 30, 3, 8, columnGapMm: 5, rowGapMm: 2);
        Assert.Equal("custom", layout.Id);
        Assert.Equal((210 - (3 * 50 + 2 * 5)) / 2.0, layout.MarginLeftMm, 6);
        Assert.Equal((297 - (8 * 30 + 7 * 2)) / 2.0, layout.MarginTopMm, 6);
        Assert.Equal((layout.MarginLeftMm + 55, layout.MarginTopMm + 32), layout.LabelOrigin(4));
    }

    [Theory]
    [InlineData(75, 30, 3, 8, 0, 0, null, "Columns", "3 labels of 75 mm with 0 mm gaps need 225 mm, but an A4 page is 210 mm wide.")]
    [InlineData(60, 40, 3, 7, 5, 3, null, "Rows", "7 rows of 40 mm with 3 mm gaps need 298 mm, but an A4 page is 297 mm high.")]
    [InlineData(220, 30, 1, 1, 0, 0, null, "LabelWidthMm", "A label of 220 mm needs 220 mm, but an A4 page is 210 mm wide.")]
    [InlineData(60, 40, 3, 7, 0, 0, 20.0, "Rows", "7 rows of 40 mm with 0 mm gaps need 280 mm, but below a 20 mm top margin an A4 page has 277 mm.")]
    [InlineData(30, 15, 5, 10, 0, 0, null, "LabelHeightMm", "A 30 × 15 mm label leaves 6.2 mm for the QR code with its quiet zone, after room for 4 lines of text under it; a phone needs at least 12 mm. Make the labels at least 20.9 mm high.")]
    [InlineData(10, 30, 5, 5, 0, 0, null, "LabelWidthMm", "A 10 × 30 mm label leaves 8.4 mm for the QR code with its quiet zone; a phone needs at least 12 mm. Make the labels at least 13.6 mm wide.")]
    [InlineData(0, 30, 1, 1, 0, 0, null, "LabelWidthMm", "The label width must be a positive number of millimetres.")]
    [InlineData(30, 30, 0, 1, 0, 0, null, "Columns", "A sheet needs at least one column of labels.")]
    [InlineData(30, 30, 2, 2, -1, 0, null, "ColumnGapMm", "The gap between columns must be zero or more millimetres.")]
    public void Custom_sheet_that_cannot_be_printed_is_refused_with_the_reason(
        double width, double height, int columns, int rows, double columnGap, double rowGap, double? marginTop, string field, string message)
    {
        var sheet = new CustomLabelSheet(width, height, columns, rows, columnGap, rowGap, marginTop);
        Assert.False(LabelLayout.TryCustom(sheet, out _, out var error));
        Assert.Equal(field, error.Field);
        Assert.Equal(message, error.Message);

        var thrown = Assert.Throws<LabelLayoutException>(() => LabelLayout.Custom(width, height, columns, rows, columnGap, rowGap, marginTop));
        Assert.Equal(message, thrown.Message);
        Assert.Equal(error, thrown.Error);
    }

    [Fact]
    public void Custom_sheet_at_the_smallest_size_the_refusal_suggests_is_accepted()
    {
        Assert.False(LabelLayout.TryCustom(new CustomLabelSheet(30, 20.8, 5, 10), out _, out _));
        Assert.True(LabelLayout.TryCustom(new CustomLabelSheet(30, 20.9, 5, 10), out var tall, out _));
        Assert.True(tall.QrSizeMm >= LabelLayout.MinQrSizeMm);
        Assert.False(LabelLayout.TryCustom(new CustomLabelSheet(13.5, 30, 5, 5), out _, out _));
        Assert.True(LabelLayout.TryCustom(new CustomLabelSheet(13.6, 30, 5, 5), out var wide, out _));
        Assert.True(wide.QrSizeMm >= LabelLayout.MinQrSizeMm);
    }
}
