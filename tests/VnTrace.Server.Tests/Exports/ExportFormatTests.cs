using VnTrace.Gs1.Epcis;
using VnTrace.Server.Exports;

namespace VnTrace.Server.Tests.Exports;

/// <summary>The pieces of the exports that need no server: CSV fields, column letters, GS1 dates, CTE names.</summary>
public sealed class ExportFormatTests
{
    [Theory]
    [InlineData("LOT-1", ExportCellKind.Text, "LOT-1")]
    [InlineData("=HYPERLINK(\"x\")", ExportCellKind.Text, "'=HYPERLINK(\"x\")")]
    [InlineData("+1", ExportCellKind.Text, "'+1")]
    [InlineData("-1", ExportCellKind.Text, "'-1")]
    [InlineData("@SUM", ExportCellKind.Text, "'@SUM")]
    [InlineData("+07:00", ExportCellKind.Literal, "+07:00")]
    public void Csv_text_that_a_spreadsheet_would_run_as_a_formula_is_made_text(string value, ExportCellKind kind, string expected) =>
        Assert.Equal(expected, CsvExportWriter.Format(value, kind));

    [Fact]
    public void Every_regulator_export_column_has_a_vietnamese_header_before_its_english_one()
    {
        foreach (var column in CriticalTrackingEvents.Columns.Concat(MinimumDataSet.Columns))
        {
            Assert.False(column.Vietnamese is null, $"ExportText.resx has no Column.{column.English}");
            Assert.Equal(column.English is "GTIN" or "SSCC" ? column.English : $"{column.Vietnamese} / {column.English}", column.Header);
        }
        Assert.Equal("Tên sản phẩm / Product name", MinimumDataSet.Columns.Single(c => c.English == "Product name").Header);
        Assert.Equal("Product name", ExportColumn.With(MinimumDataSet.Columns, ExportHeaders.English).Single(c => c.English == "Product name").Header);
    }

    [Fact]
    public void Csv_writes_times_with_their_offset_or_in_utc_and_numbers_invariantly()
    {
        var t = new DateTimeOffset(2026, 9, 1, 7, 0, 0, 123, TimeSpan.FromHours(7));
        Assert.Equal("2026-09-01T07:00:00.123+07:00", CsvExportWriter.Format(t, ExportCellKind.LocalDateTime));
        Assert.Equal("2026-09-01T00:00:00.123Z", CsvExportWriter.Format(t, ExportCellKind.UtcDateTime));
        Assert.Equal("1234.5", CsvExportWriter.Format(1234.5m, ExportCellKind.Number));
        Assert.Equal("2026-12-31", CsvExportWriter.Format(new DateOnly(2026, 12, 31), ExportCellKind.Date));
    }

    [Fact]
    public async Task Csv_fields_with_commas_quotes_or_line_breaks_are_quoted()
    {
        var sheet = new ExportSheet("t", "T", [new("A", ExportCellKind.Text, ""), new("B", ExportCellKind.Text, "")],
            [["a,b", "say \"hi\""], ["line\r\nbreak", null]], []);
        using var stream = new MemoryStream();
        await CsvExportWriter.WriteAsync(sheet, stream, CancellationToken.None);
        Assert.Equal("\uFEFFA,B\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n\"line\r\nbreak\",\r\n", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Xlsx_column_letters(int index, string name) => Assert.Equal(name, XlsxExportWriter.ColumnName(index));

    [Theory]
    [InlineData("271231", 2026, "2027-12-31")]
    [InlineData("270200", 2026, "2027-02-28")]
    [InlineData("280200", 2026, "2028-02-29")]
    [InlineData("760101", 2026, "2076-01-01")] // 50 years ahead: this century
    [InlineData("770101", 2026, "1977-01-01")] // 51 years ahead: the last century (GS1 General Specifications §7.12)
    [InlineData("271301", 2026, null)]
    [InlineData("270231", 2026, null)]
    [InlineData("27123", 2026, null)]
    public void Gs1_yymmdd_dates_follow_the_century_rule(string yymmdd, int currentYear, string? expected) =>
        Assert.Equal(expected, ExportItems.FromYymmdd(yymmdd, currentYear)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(EpcisEventType.ObjectEvent, EpcisAction.Add, "urn:epcglobal:cbv:bizstep:commissioning", "Harvesting/Creation")]
    [InlineData(EpcisEventType.ObjectEvent, EpcisAction.Add, "https://example.vn/vocab/harvesting", "Harvesting/Creation")]
    [InlineData(EpcisEventType.ObjectEvent, EpcisAction.Observe, "urn:epcglobal:cbv:bizstep:shipping", "Shipping")]
    [InlineData(EpcisEventType.ObjectEvent, EpcisAction.Observe, "urn:epcglobal:cbv:bizstep:receiving", "Receiving")]
    [InlineData(EpcisEventType.TransformationEvent, null, "urn:epcglobal:cbv:bizstep:commissioning", "Transformation")]
    [InlineData(EpcisEventType.AggregationEvent, EpcisAction.Add, "urn:epcglobal:cbv:bizstep:packing", "Packing")]
    [InlineData(EpcisEventType.AggregationEvent, EpcisAction.Delete, null, "Unpacking")]
    [InlineData(EpcisEventType.ObjectEvent, EpcisAction.Observe, "urn:epcglobal:cbv:bizstep:cycle_counting", "Cycle counting")]
    [InlineData(EpcisEventType.ObjectEvent, EpcisAction.Observe, null, "Observation")]
    public void Critical_tracking_event_names_follow_fsma_204(EpcisEventType type, EpcisAction? action, string? bizStep, string expected) =>
        Assert.Equal(expected, CriticalTrackingEvents.NameOf(new EpcisEvent { Type = type, Action = action, BizStep = bizStep }));
}
