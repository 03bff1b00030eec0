using VnTrace.Server.Organizations;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Imports;

namespace VnTrace.Server.Tests.Imports;

public sealed class TabularFileTests
{
    private const string GoodGtin = "08939990420074";
    private const string GoodGln = "8939990420005";

    private static readonly ImportColumn[] Columns =
    [
        new("gtin", "Mã GTIN", "GTIN", true, CellParsers.Gtin, GoodGtin),
        new("name", "Tên sản phẩm", "Product name", true, CellParsers.Text(100), "Cà phê Robusta rang xay"),
        new("quantity", "Số lượng", "Quantity", false, CellParsers.Decimal, "12,5"),
        new("cases", "Số thùng", "Cases", false, CellParsers.Int, "40"),
        new("harvest", "Ngày thu hoạch", "Harvest date", false, CellParsers.Date, "20/10/2026"),
        new("place", "GLN nơi sản xuất", "Location GLN", false, CellParsers.Gln, GoodGln),
        new("taxCode", "Mã số thuế", "Tax code", false, CellParsers.TaxCode, "0100109106") { Aliases = ["MST"] },
    ];

    private static byte[] Utf8(string text, bool bom = false) =>
        [.. (bom ? new byte[] { 0xEF, 0xBB, 0xBF } : []), .. Encoding.UTF8.GetBytes(text)];

    private static TabularData Read(byte[] content, string fileName = "upload.csv", TabularFileOptions? options = null)
    {
        Assert.True(TabularFile.TryRead(content, fileName, out var data, out var error, options), error?.ToString());
        return data;
    }

    private static TabularFileError Refuse(byte[] content, string fileName = "upload.csv", TabularFileOptions? options = null)
    {
        Assert.False(TabularFile.TryRead(content, fileName, out _, out var error, options));
        return error;
    }

    private static ImportSheet Map(TabularData data)
    {
        Assert.True(ImportSheet.TryMap(data, Columns, out var sheet, out var error), error?.ToString());
        return sheet;
    }

    [Fact]
    public void Quoted_csv_fields_keep_commas_quotes_line_breaks_and_Vietnamese_text()
    {
        var csv = "Mã GTIN,Tên sản phẩm,Số lượng\r\n"
            + $"{GoodGtin},\"Cà phê \"\"Buôn Ma Thuột\"\", loại 1\",\"1,5\"\r\n"
            + $"{GoodGtin},\"Sầu riêng\r\nRi6\",2\r\n"
            + $"{GoodGtin},Hồ tiêu,3";
        var data = Read(Utf8(csv, bom: true));

        Assert.Equal("csv", data.Format);
        Assert.Equal(["Mã GTIN", "Tên sản phẩm", "Số lượng"], data.Headers);
        Assert.Equal("Cà phê \"Buôn Ma Thuột\", loại 1", data.Rows[0][1]);
        Assert.Equal("Sầu riêng\r\nRi6", data.Rows[1][1]);
        // Rows are numbered as a spreadsheet shows them: the quoted line break stays inside row 3.
        Assert.Equal([2, 3, 4], data.Rows.Select(r => r.RowNumber));

        var sheet = Map(data);
        Assert.True(sheet.IsValid);
        Assert.Equal(1.5m, sheet.Rows[0].Values["quantity"]);
        Assert.Equal(Gtin.Parse(GoodGtin), sheet.Rows[0].Values["gtin"]);
    }

    [Fact]
    public void Semicolon_csv_with_decimal_commas_is_detected()
    {
        var csv = "MÃ GTIN;ten san pham *;Số lượng;Ngày thu hoạch;MST\n"
            + $"{GoodGtin};Gạo ST25;1.234,5;20/10/2026;0100109106-001\n"
            + $"{GoodGtin};\"Gạo; loại 2\";12,75;2026-10-21;\n";
        var sheet = Map(Read(Utf8(csv)));

        Assert.True(sheet.IsValid, string.Join("; ", sheet.Errors));
        Assert.Equal(1234.5m, sheet.Rows[0].Values["quantity"]);
        Assert.Equal(new DateOnly(2026, 10, 20), sheet.Rows[0].Values["harvest"]);
        Assert.Equal(TaxCode.Parse("0100109106-001"), sheet.Rows[0].Values["taxCode"]);
        Assert.Equal("Gạo; loại 2", sheet.Rows[1].Values["name"]);
        Assert.Equal(12.75m, sheet.Rows[1].Values["quantity"]);
        Assert.False(sheet.Rows[1].Values.ContainsKey("taxCode")); // blank optional cell
    }

    [Fact]
    public void Broken_rows_are_reported_row_by_row_and_the_good_rows_stay_usable()
    {
        var csv = "Mã GTIN,Tên sản phẩm,Số lượng,Số thùng,Ngày thu hoạch,GLN nơi sản xuất,Ghi chú\n"
            + $"{GoodGtin},Cà phê,10,4,20/10/2026,{GoodGln},ok\n"
            + "08939990420075,Cà phê,10,4,20/10/2026,,check digit\n"
            + $"{GoodGtin},,1,250,13/20/2026,,two problems\n"
            + "\n"
            + $"{GoodGtin},Hồ tiêu,abc,2.5,31/02/2026,893999042000,all wrong\n"
            + $"{GoodGtin},Tiêu,\"1,250\",1,2026-10-20,,ambiguous\n";
        var sheet = Map(Read(Utf8(csv)));

        Assert.False(sheet.IsValid);
        Assert.True(sheet.Rows[0].IsValid);
        Assert.Equal(["Ghi chú"], sheet.IgnoredHeaders);

        var errors = sheet.Errors.ToList();
        Assert.Contains(errors, e => e.Row == 3 && e.Column == "Mã GTIN" && e.Message.Contains("check digit 5 at position 13 should be 4"));
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "Tên sản phẩm" && e.Message == "A value is required.");
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "Ngày thu hoạch" && e.Message.Contains("month 20 does not exist"));
        // The blank line is row 5; the next row keeps its own number.
        Assert.Contains(errors, e => e.Row == 6 && e.Column == "Số lượng" && e.Message.Contains("\"abc\" is not a number"));
        Assert.Contains(errors, e => e.Row == 6 && e.Column == "Số thùng" && e.Message.Contains("not a whole number"));
        Assert.Contains(errors, e => e.Row == 6 && e.Column == "Ngày thu hoạch" && e.Message.Contains("day 31 does not exist in month 2"));
        Assert.Contains(errors, e => e.Row == 6 && e.Column == "GLN nơi sản xuất" && e.Message.Contains("12 digits; expected 13"));
        Assert.Contains(errors, e => e.Row == 7 && e.Column == "Số lượng" && e.Message.Contains("ambiguous"));
        Assert.Equal("Row 4, Tên sản phẩm: A value is required.", errors.First(e => e.Row == 4).ToString());
        Assert.Equal(4, sheet.Rows.Count(r => !r.IsValid));
    }

    [Fact]
    public void A_missing_required_column_refuses_the_file_naming_it()
    {
        var data = Read(Utf8("Tên sản phẩm,Số lượng\nCà phê,1\n"));
        Assert.False(ImportSheet.TryMap(data, Columns, out _, out var error));
        Assert.Contains("\"Mã GTIN\" (GTIN)", error.Message);
        Assert.Equal(1, error.Row);

        data = Read(Utf8($"GTIN,Mã GTIN,Tên sản phẩm\n{GoodGtin},{GoodGtin},x\n"));
        Assert.False(ImportSheet.TryMap(data, Columns, out _, out error));
        Assert.Contains("both hold", error.Message);
    }

    [Fact]
    public void An_xlsx_is_read_from_its_first_worksheet_with_shared_strings_numbers_dates_and_booleans()
    {
        var data = Read(SampleWorkbook(), "hang-hoa.xlsx");

        Assert.Equal("xlsx", data.Format);
        Assert.Equal(["Mã GTIN", "Tên sản phẩm", "Số lượng", "Ngày thu hoạch", "Ngày đóng gói", "Hữu cơ", "Ghi chú", "Số thùng"], data.Headers);
        var row = data.Rows[0];
        Assert.Equal(2, row.RowNumber);
        Assert.Equal("8939990420074", row[0]);       // typed as a number: the GTIN-13 survives
        Assert.Equal("Cà phê Robusta", row[1]);        // shared string
        Assert.Equal("1.234", row[2]);                  // a number: invariant text
        Assert.Equal("2026-10-20", row[3]);             // built-in date format 14
        Assert.Equal("2026-10-21T07:30:00", row[4]);    // custom format dd/mm/yyyy hh:mm
        Assert.Equal("TRUE", row[5]);
        Assert.Equal("Ghi chú nội dòng", row[6]);      // inline string
        Assert.Equal("0.3", data.Rows[1][2]);           // 0.1 + 0.2 as Excel stores it, shown as Excel shows it
        Assert.Equal(5, data.Rows[1].RowNumber);        // rows 3 and 4 are missing from the sheet

        var sheet = Map(data);
        Assert.True(sheet.Rows[0].IsValid, string.Join("; ", sheet.Rows[0].Errors));
        Assert.Equal(1.234m, sheet.Rows[0].Values["quantity"]); // a number cell is not "one thousand two hundred thirty-four"
        Assert.Equal(new DateOnly(2026, 10, 20), sheet.Rows[0].Values["harvest"]);
        Assert.Equal(40, sheet.Rows[0].Values["cases"]);
    }

    [Fact]
    public void Files_that_are_not_spreadsheets_are_refused()
    {
        Assert.Contains("not a spreadsheet", Refuse(Utf8("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\0\0\0"), "hang-hoa.csv").Message);
        Assert.Contains("not a spreadsheet", Refuse([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], "anh.png").Message);
        Assert.Contains("not a spreadsheet", Refuse(Utf8("just some text"), "notes.pdf").Message);
        Assert.Contains(".xls", Refuse([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "cu.xls").Message);
        Assert.Contains("not a readable Excel workbook", Refuse(WordDocument(), "hop-dong.xlsx").Message);
        Assert.Contains("not a readable Excel workbook", Refuse([0x50, 0x4B, 0x03, 0x04, 1, 2, 3], "hong.xlsx").Message);
    }

    [Fact]
    public void Empty_files_header_only_files_and_non_utf8_text_are_refused()
    {
        Assert.Contains("empty", Refuse([]).Message);
        Assert.Contains("no rows", Refuse(Utf8("\r\n \r\n,,\r\n")).Message);
        var headerOnly = Refuse(Utf8("Mã GTIN,Tên sản phẩm\r\n"));
        Assert.Contains("no data rows", headerOnly.Message);
        Assert.Equal(1, headerOnly.Row);
        // "Cà phê" in Windows-1258: 0xE0 is "à" there, and no valid UTF-8.
        Assert.Contains("not UTF-8", Refuse([.. Encoding.ASCII.GetBytes("Ten,Gia\nC"), 0xE0, .. Encoding.ASCII.GetBytes(" phe,1\n")]).Message);
        var unclosed = Refuse(Utf8("Mã GTIN,Tên sản phẩm\n1,\"never closed\n2,x\n"));
        Assert.Equal(2, unclosed.Row);
        Assert.Contains("closing quote", unclosed.Message);
    }

    [Fact]
    public void Size_and_row_limits_are_configurable()
    {
        var csv = Utf8("A,B\n" + string.Concat(Enumerable.Range(1, 50).Select(i => $"{i},x\n")));
        Assert.Contains("larger than", Refuse(csv, options: new TabularFileOptions { MaxBytes = 100 }).Message);
        Assert.Contains("more than 10 data rows", Refuse(csv, options: new TabularFileOptions { MaxRows = 10 }).Message);
        Assert.Equal(50, Read(csv, options: new TabularFileOptions { MaxRows = 50 }).Rows.Count);
        Assert.Contains("more than 10 data rows", Refuse(SampleWorkbook(rows: 20), "big.xlsx", new TabularFileOptions { MaxRows = 10 }).Message);
        Assert.Equal(10 * 1024 * 1024, TabularFileOptions.Default.MaxBytes);
        Assert.Equal(100_000, TabularFileOptions.Default.MaxRows);
    }

    [Fact]
    public async Task An_upload_stream_is_refused_once_it_passes_the_size_limit()
    {
        using var big = new MemoryStream(new byte[300]);
        var (data, error) = await TabularFile.ReadAsync(big, "a.csv", new TabularFileOptions { MaxBytes = 200 }, TestContext.Current.CancellationToken);
        Assert.Null(data);
        Assert.Contains("larger than", error!.Message);

        using var small = new MemoryStream(Utf8("A\n1\n"));
        (data, error) = await TabularFile.ReadAsync(small, "a.csv", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Null(error);
        Assert.Single(data!.Rows);
    }

    [Fact]
    public void The_xlsx_template_has_Vietnamese_headers_and_an_example_row_that_imports()
    {
        using var stream = new MemoryStream();
        ImportTemplate.WriteXlsx(Columns, stream);
        var data = Read(stream.ToArray(), "mau.xlsx");

        Assert.Equal(["Mã GTIN *", "Tên sản phẩm *", "Số lượng", "Số thùng", "Ngày thu hoạch", "GLN nơi sản xuất", "Mã số thuế"], data.Headers);
        var sheet = Map(data);
        Assert.True(sheet.IsValid, string.Join("; ", sheet.Errors));
        Assert.Equal(Gtin.Parse(GoodGtin), sheet.Rows[0].Values["gtin"]); // the leading zero is kept: cells are text
        Assert.Equal(12.5m, sheet.Rows[0].Values["quantity"]);
    }

    [Fact]
    public void The_csv_template_is_utf8_with_a_bom_and_imports_back()
    {
        using var stream = new MemoryStream();
        ImportTemplate.WriteCsv(Columns, stream);
        var bytes = stream.ToArray();

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("Mã GTIN *,Tên sản phẩm *,Số lượng,", text);
        Assert.Contains(",\"12,5\",", text);
        var sheet = Map(Read(bytes));
        Assert.True(sheet.IsValid, string.Join("; ", sheet.Errors));
        Assert.Equal(new DateOnly(2026, 10, 20), sheet.Rows[0].Values["harvest"]);
    }

    /// <summary>
    /// A workbook as Excel writes one: shared strings, a number, a date in built-in format 14 and one in a custom
    /// format, a boolean, an inline string; a second sheet that must be ignored; rows 3 and 4 absent.
    /// </summary>
    private static byte[] SampleWorkbook(int rows = 2)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy hh:mm" }) { Count = 1 },
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })) { Count = 1 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(
                    new CellFormat { NumberFormatId = 0 },
                    new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true }) // #,##0.00: a number, not a date
                { Count = 4 });

            string[] strings = ["Mã GTIN", "Tên sản phẩm", "Số lượng", "Ngày thu hoạch", "Ngày đóng gói", "Hữu cơ", "Ghi chú", "Số thùng", "Cà phê Robusta"];
            var sst = workbook.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s))));

            var first = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            Cell Shared(string reference, int index) => new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index) };
            Cell Number(string reference, string value, uint style = 0) => new() { CellReference = reference, CellValue = new CellValue(value), StyleIndex = style == 0 ? null : style };
            data.Append(new Row(Enumerable.Range(0, 8).Select(i => Shared($"{(char)('A' + i)}1", i))) { RowIndex = 1 });
            data.Append(new Row(
                Number("A2", "8939990420074"),
                Shared("B2", 8),
                Number("C2", "1.234", 3),
                Number("D2", "46315", 1),              // 2026-10-20
                Number("E2", "46316.3125", 2),         // 2026-10-21 07:30
                new Cell { CellReference = "F2", DataType = CellValues.Boolean, CellValue = new CellValue("1") },
                new Cell { CellReference = "G2", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("Ghi chú nội dòng")) },
                Number("H2", "40"))
            { RowIndex = 2 });
            for (var r = 0; r < rows - 1; r++)
            {
                var index = (uint)(5 + r);
                data.Append(new Row(Number($"A{index}", "8939990420074"), Shared($"B{index}", 8), Number($"C{index}", "0.30000000000000004")) { RowIndex = index });
            }
            first.Worksheet = new Worksheet(data);

            var second = workbook.AddNewPart<WorksheetPart>();
            second.Worksheet = new Worksheet(new SheetData(new Row(Shared("A1", 8)) { RowIndex = 1 }));

            workbook.Workbook.AppendChild(new Sheets(
                new Sheet { Id = workbook.GetIdOfPart(first), SheetId = 1, Name = "Hàng hoá" },
                new Sheet { Id = workbook.GetIdOfPart(second), SheetId = 2, Name = "Khác" }));
        }
        return buffer.ToArray();
    }

    /// <summary>A .docx: a ZIP package, like .xlsx, but with no workbook in it.</summary>
    private static byte[] WordDocument()
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body());
        }
        return buffer.ToArray();
    }
}
