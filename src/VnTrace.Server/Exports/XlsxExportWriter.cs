using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace VnTrace.Server.Exports;

/// <summary>
/// An .xlsx workbook of one <see cref="ExportSheet"/>: the data as an Excel table (header filters, sortable, banded),
/// the header row frozen, numbers and dates as typed cells; then an "About" sheet with the scope and a note per
/// column. Rows go through the Open XML SDK's streaming writer, so 100,000 rows never build a DOM.
/// </summary>
public static class XlsxExportWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string AboutSheetName = "About";

    // Cell formats (cellXfs indices) of the stylesheet below.
    private const uint DateTimeStyle = 1;
    private const uint DateStyle = 2;
    private const uint WrapStyle = 3;
    private const int MaxCellText = 32_767; // Excel's limit for one cell

    public static byte[] Write(ExportSheet sheet)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var strings = new SharedStrings();

            var data = workbook.AddNewPart<WorksheetPart>();
            var table = data.AddNewPart<TableDefinitionPart>();
            var lastRow = Math.Max(2, sheet.Rows.Count + 1); // a table holds at least one (possibly empty) data row
            var range = $"A1:{ColumnName(sheet.Columns.Count - 1)}{lastRow}";
            table.Table = Table(sheet, range);
            WriteData(data, sheet, data.GetIdOfPart(table), strings);

            var about = workbook.AddNewPart<WorksheetPart>();
            WriteAbout(about, sheet, strings);

            workbook.Workbook.AppendChild(new Sheets(
                new Sheet { Id = workbook.GetIdOfPart(data), SheetId = 1, Name = sheet.Title },
                new Sheet { Id = workbook.GetIdOfPart(about), SheetId = 2, Name = AboutSheetName }));
            strings.WriteTo(workbook.AddNewPart<SharedStringTablePart>());
        }
        return buffer.ToArray();
    }

    private static Table Table(ExportSheet sheet, string range)
    {
        var columns = new TableColumns { Count = (uint)sheet.Columns.Count };
        for (var i = 0; i < sheet.Columns.Count; i++)
            columns.Append(new TableColumn { Id = (uint)(i + 1), Name = sheet.Columns[i].Header });
        return new Table
        {
            Id = 1,
            Name = sheet.TableName,
            DisplayName = sheet.TableName,
            Reference = range,
            AutoFilter = new AutoFilter { Reference = range },
            TableColumns = columns,
            TableStyleInfo = new TableStyleInfo
            {
                Name = "TableStyleMedium2",
                ShowRowStripes = true,
                ShowColumnStripes = false,
                ShowFirstColumn = false,
                ShowLastColumn = false,
            },
        };
    }

    private static void WriteData(WorksheetPart part, ExportSheet sheet, string tableRelationshipId, SharedStrings strings)
    {
        using var w = OpenXmlWriter.Create(part);
        w.WriteStartElement(new Worksheet());
        // The header stays in view while scrolling (a pane frozen below row 1).
        w.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { TabSelected = true, WorkbookViewId = 0 }));
        w.WriteElement(ColumnWidths(sheet.Columns.Select(c => c.Width)));

        w.WriteStartElement(new SheetData());
        WriteRow(w, 1, sheet.Columns.Select(c => (object?)c.Header).ToArray(), null, strings);
        for (var r = 0; r < sheet.Rows.Count; r++)
            WriteRow(w, (uint)(r + 2), sheet.Rows[r], sheet.Columns, strings);
        w.WriteEndElement();

        w.WriteElement(new TableParts(new TablePart { Id = tableRelationshipId }) { Count = 1 });
        w.WriteEndElement();
    }

    private static void WriteAbout(WorksheetPart part, ExportSheet sheet, SharedStrings strings)
    {
        using var w = OpenXmlWriter.Create(part);
        w.WriteStartElement(new Worksheet());
        w.WriteElement(ColumnWidths([34, 110]));
        w.WriteStartElement(new SheetData());
        uint row = 1;
        foreach (var (name, value) in sheet.About)
            WriteRow(w, row++, [name, value], null, strings, WrapStyle);
        row++;
        WriteRow(w, row++, ["Column", "What it holds"], null, strings);
        foreach (var column in sheet.Columns)
            WriteRow(w, row++, [column.Header, column.Note], null, strings, WrapStyle);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static Columns ColumnWidths(IEnumerable<double> widths)
    {
        var columns = new Columns();
        uint i = 1;
        foreach (var width in widths)
        {
            columns.Append(new Column { Min = i, Max = i, Width = width, CustomWidth = true });
            i++;
        }
        return columns;
    }

    private static void WriteRow(OpenXmlWriter w, uint index, object?[] cells, IReadOnlyList<ExportColumn>? columns,
        SharedStrings strings, uint textStyle = 0)
    {
        w.WriteStartElement(new Row { RowIndex = index });
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] is not { } value)
                continue;
            var reference = ColumnName(i) + index.ToString(CultureInfo.InvariantCulture);
            var kind = columns?[i].Kind ?? ExportCellKind.Text;
            w.WriteElement(value switch
            {
                decimal n => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(n) },
                // Excel has no time zone in a date: the local column shows the wall-clock time where the event
                // happened (its offset is in the next column), the UTC column the same instant in UTC.
                DateTimeOffset t => new Cell
                {
                    CellReference = reference,
                    StyleIndex = DateTimeStyle,
                    CellValue = new CellValue((kind == ExportCellKind.UtcDateTime ? t.UtcDateTime : t.DateTime).ToOADate()),
                },
                DateOnly d => new Cell
                {
                    CellReference = reference,
                    StyleIndex = DateStyle,
                    CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate()),
                },
                _ => new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.SharedString,
                    StyleIndex = textStyle == 0 ? null : textStyle,
                    CellValue = new CellValue(strings.IndexOf(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")),
                },
            });
        }
        w.WriteEndElement();
    }

    /// <summary>A, B, …, Z, AA, AB … for a zero-based column index.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd hh:mm:ss" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd" })
        { Count = 2 },
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 1 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
            { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true })
        { Count = 4 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    /// <summary>The workbook's shared string table: each distinct text once (a lot code repeats on many rows).</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
        private readonly List<string> texts = [];

        public int IndexOf(string text)
        {
            text = Clean(text);
            if (!index.TryGetValue(text, out var i))
            {
                i = texts.Count;
                index.Add(text, i);
                texts.Add(text);
            }
            return i;
        }

        public void WriteTo(SharedStringTablePart part)
        {
            using var w = OpenXmlWriter.Create(part);
            w.WriteStartElement(new SharedStringTable { Count = (uint)texts.Count, UniqueCount = (uint)texts.Count });
            foreach (var text in texts)
                w.WriteElement(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            w.WriteEndElement();
        }

        /// <summary>XML 1.0 has no place for most control characters, and a cell holds at most 32,767 characters.</summary>
        private static string Clean(string text)
        {
            if (text.Length > MaxCellText)
                text = text[..(MaxCellText - 1)] + "…";
            if (!text.Any(c => c < ' ' && c is not ('\t' or '\n' or '\r') || char.IsSurrogate(c)))
                return text;
            var sb = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    sb.Append(c).Append(text[++i]);
                else if (char.IsSurrogate(c) || (c < ' ' && c is not ('\t' or '\n' or '\r')))
                    sb.Append('\uFFFD');
                else
                    sb.Append(c);
            }
            return sb.ToString();
        }
    }
}
