using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace VnTrace.Server.Imports;

/// <summary>
/// Blank import files to download: the Vietnamese headers (a trailing " *" marks a required column) and one example
/// row. Every cell is text, so a GTIN or tax code typed into the template keeps its leading zeros.
/// </summary>
public static class ImportTemplate
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    // Cell formats (cellXfs indices) of the stylesheet below.
    private const uint HeaderStyle = 1;
    private const uint TextStyle = 2;

    /// <summary>The header written for a column.</summary>
    public static string Header(ImportColumn column) => column.Required ? column.HeaderVi + " *" : column.HeaderVi;

    public static void WriteXlsx(IReadOnlyList<ImportColumn> columns, Stream output)
    {
        // The package is built in memory: the Open XML SDK needs a seekable stream, a response body is not one.
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            using (var w = OpenXmlWriter.Create(sheet))
            {
                w.WriteStartElement(new Worksheet());
                w.WriteElement(new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                { TabSelected = true, WorkbookViewId = 0 }));
                var widths = new Columns();
                for (var i = 0; i < columns.Count; i++)
                {
                    var width = Math.Clamp(Math.Max(Header(columns[i]).Length, columns[i].Example.Length) + 4, 12, 60);
                    // Whole columns formatted as text, for the rows people add below the example.
                    widths.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = width, CustomWidth = true, Style = TextStyle });
                }
                w.WriteElement(widths);
                w.WriteStartElement(new SheetData());
                WriteRow(w, 1, [.. columns.Select(Header)], HeaderStyle);
                WriteRow(w, 2, [.. columns.Select(c => c.Example)], TextStyle);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Dữ liệu" }));
        }
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    /// <summary>CSV in UTF-8 with a byte order mark (so Excel shows the Vietnamese headers right), comma separated, CRLF line ends (RFC 4180).</summary>
    public static void WriteCsv(IReadOnlyList<ImportColumn> columns, Stream output)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', columns.Select(c => Quote(Header(c)))).Append("\r\n");
        sb.AppendJoin(',', columns.Select(c => Quote(c.Example))).Append("\r\n");
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray();
        output.Write(bytes);
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",;\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static void WriteRow(OpenXmlWriter w, uint index, string[] cells, uint style)
    {
        w.WriteStartElement(new Row { RowIndex = index });
        for (var i = 0; i < cells.Length; i++)
        {
            w.WriteElement(new Cell(new InlineString(new Text(cells[i]) { Space = SpaceProcessingModeValues.Preserve }))
            {
                CellReference = Exports.XlsxExportWriter.ColumnName(i) + index,
                DataType = CellValues.InlineString,
                StyleIndex = style,
            });
        }
        w.WriteEndElement();
    }

    private static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 49, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyNumberFormat = true },
            // 49 is the built-in text format ("@").
            new CellFormat { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
        { Count = 3 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
