using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace VnTrace.Server.Imports;

/// <summary>
/// The first worksheet of an .xlsx workbook, read row by row with the Open XML SDK's streaming reader (ECMA-376
/// Part 1, §18.3 for sheet data, §18.4 shared strings, §18.8.30 number formats). A number cell whose format is a
/// date format is a date serial and becomes an ISO date.
/// </summary>
internal static class XlsxTable
{
    public static bool TryRead(byte[] content, TabularFileOptions options, [NotNullWhen(true)] out List<ReadRow>? rows,
        [NotNullWhen(false)] out TabularFileError? error)
    {
        rows = null;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, isEditable: false);
            var workbook = document.WorkbookPart;
            var sheet = workbook?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || sheet?.Id?.Value is not { } id)
            {
                error = new TabularFileError("The workbook has no worksheet.") { Code = "NoWorksheet" };
                return false;
            }
            if (workbook.GetPartById(id) is not WorksheetPart worksheet)
            {
                error = new TabularFileError($"The first sheet, \"{sheet.Name}\", is not a worksheet (a chart?); put the data on the first sheet.")
                {
                    Code = "NotWorksheet",
                    Args = [sheet.Name?.Value ?? ""],
                };
                return false;
            }
            var strings = SharedStrings(workbook);
            var dateStyles = DateStyles(workbook);
            var date1904 = workbook.Workbook.WorkbookProperties?.Date1904?.Value == true;

            rows = [];
            var nonEmpty = 0;
            var lastRow = 0;
            using var reader = OpenXmlReader.Create(worksheet);
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                    continue;
                var row = (Row)reader.LoadCurrentElement()!;
                var number = row.RowIndex?.Value is { } index ? (int)index : lastRow + 1;
                lastRow = number;
                var cells = new List<string>();
                var numbers = new HashSet<int>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                    if (column < 0)
                        column = cells.Count;
                    while (cells.Count < column)
                        cells.Add("");
                    var text = CellText(cell, strings, dateStyles, date1904, out var isNumber);
                    if (isNumber)
                        numbers.Add(column);
                    if (column < cells.Count)
                        cells[column] = text;
                    else
                        cells.Add(text);
                }
                rows.Add(new ReadRow(number, cells, numbers));
                if (!cells.All(string.IsNullOrWhiteSpace) && ++nonEmpty > options.MaxRows + 1)
                {
                    error = new TabularFileError(FormattableString.Invariant(
                        $"The file has more than {options.MaxRows:N0} data rows; split it into smaller files."))
                    {
                        Code = "TooManyRows",
                        Args = [options.MaxRows],
                    };
                    return false;
                }
            }
            rows.Sort((a, b) => a.Row.CompareTo(b.Row));
            error = null;
            return true;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException
            or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException or NotSupportedException)
        {
            error = new TabularFileError("The file is not a readable Excel workbook (.xlsx); it may be damaged, or another kind of document. Save it again from Excel as .xlsx or CSV UTF-8.") { Code = "UnreadableXlsx" };
            return false;
        }
    }

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var table = workbook.SharedStringTablePart?.SharedStringTable;
        return table is null ? [] : [.. table.Elements<SharedStringItem>().Select(RichText)];
    }

    /// <summary>The text of a string item: its plain text, or its runs joined; phonetic guides (rPh) are not part of the value.</summary>
    private static string RichText(OpenXmlElement item)
    {
        if (item.GetFirstChild<Text>() is { } plain)
            return plain.Text;
        var sb = new StringBuilder();
        foreach (var run in item.Elements<Run>())
            sb.Append(run.Text?.Text);
        return sb.ToString();
    }

    /// <summary>Which cell formats (cellXfs indices) display a number as a date or time.</summary>
    private static bool[] DateStyles(WorkbookPart workbook)
    {
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var formats = stylesheet?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? "") ?? [];
        return [.. formats.Select(f => f.NumberFormatId?.Value is { } id && IsDateFormat(id, custom))];
    }

    private static bool IsDateFormat(uint id, Dictionary<uint, string> custom)
    {
        // Built-in date and time formats (ECMA-376 Part 1 §18.8.30), including the East Asian ones.
        if (id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58)
            return true;
        if (!custom.TryGetValue(id, out var code))
            return false;
        // A custom code is a date format when, outside quoted text, [brackets] and escaped characters, it uses a
        // date or time token: "dd/mm/yyyy", "[$-vi-VN]d mmmm yyyy", "hh:mm".
        var inQuote = false;
        var inBracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (inQuote)
            {
                inQuote = c != '"';
                continue;
            }
            if (inBracket)
            {
                inBracket = c != ']';
                continue;
            }
            switch (c)
            {
                case '"': inQuote = true; break;
                case '[': inBracket = true; break;
                case '\\' or '_' or '*': i++; break;
                case 'd' or 'D' or 'm' or 'M' or 'y' or 'Y' or 'h' or 'H' or 's' or 'S': return true;
                case ';': return false; // only the first section decides
            }
        }
        return false;
    }

    private static string CellText(Cell cell, List<string> strings, bool[] dateStyles, bool date1904, out bool isNumber)
    {
        isNumber = false;
        var value = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count ? strings[i] : "";
        if (type == CellValues.InlineString)
            return cell.InlineString is { } inline ? RichText(inline) : value;
        if (type == CellValues.Boolean)
            return value.Trim() is "1" or "true" ? "TRUE" : "FALSE";
        if (type == CellValues.String || type == CellValues.Error)
            return value;
        if (type == CellValues.Date)
            return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var d) ? IsoDate(d) : value;
        if (value.Length == 0)
            return "";
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return value;
        var style = (int)(cell.StyleIndex?.Value ?? 0);
        if (style < dateStyles.Length && dateStyles[style])
        {
            var serial = date1904 ? number + 1462 : number;
            if (serial is >= 1 and < 2958466)
                return IsoDate(DateTime.FromOADate(serial));
        }
        isNumber = true;
        return Number(number);
    }

    private static string IsoDate(DateTime d)
    {
        var seconds = new DateTime(d.Ticks - d.Ticks % TimeSpan.TicksPerSecond + (d.Ticks % TimeSpan.TicksPerSecond >= TimeSpan.TicksPerSecond / 2 ? TimeSpan.TicksPerSecond : 0));
        return seconds.TimeOfDay == TimeSpan.Zero
            ? seconds.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : seconds.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A number as Excel shows it in a General cell: 15 significant digits (the binary noise of 0.1 + 0.2 dropped),
    /// written without exponent or grouping.
    /// </summary>
    internal static string Number(double number)
    {
        var rounded = double.Parse(number.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        try
        {
            return ((decimal)rounded).ToString(CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            return rounded.ToString("R", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The zero-based column of a cell reference ("A1" → 0, "AB12" → 27), or -1 when it has no letters.</summary>
    internal static int ColumnIndex(string reference)
    {
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
                break;
            column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
            letters++;
            if (letters > 3)
                return -1;
        }
        return letters == 0 ? -1 : column - 1;
    }
}
