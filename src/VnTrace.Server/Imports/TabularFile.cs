using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace VnTrace.Server.Imports;

/// <summary>A row as a reader returns it.</summary>
internal sealed record ReadRow(int Row, List<string> Cells, HashSet<int> Numbers);

/// <summary>Limits on an uploaded spreadsheet.</summary>
public sealed record TabularFileOptions
{
    public static readonly TabularFileOptions Default = new();

    public long MaxBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Data rows, the header row not counted.</summary>
    public int MaxRows { get; init; } = 100_000;
}

/// <summary>
/// One data row: its number as the spreadsheet shows it (1-based, the header is usually row 1), its cells as text,
/// and which cells an .xlsx stored as numbers (their text is then invariant: "1.234" is one point two three four).
/// </summary>
public sealed record TabularRow(int RowNumber, IReadOnlyList<string> Cells, IReadOnlySet<int> NumberColumns)
{
    /// <summary>The cell in a zero-based column, or "" past the last cell.</summary>
    public string this[int column] => column < Cells.Count ? Cells[column] : "";

    public ImportCell Cell(int column) => new(this[column], NumberColumns.Contains(column));
}

/// <summary>
/// A sheet read from an upload: the header row and the data rows below it, empty rows left out. Cells are text:
/// numbers in invariant form ("1234.5"), dates as ISO 8601 ("2026-10-20", with a time when there is one),
/// booleans as "TRUE"/"FALSE".
/// </summary>
public sealed record TabularData(string Format, int HeaderRowNumber, IReadOnlyList<string> Headers, IReadOnlyList<TabularRow> Rows);

/// <summary>
/// Why a file was refused as a whole; <see cref="Row"/> when one row is the cause. <see cref="Code"/> and
/// <see cref="Args"/> let a page say it in the reader's language (ImportText "FileError.{Code}"); the message is English.
/// </summary>
public sealed record TabularFileError(string Message, int? Row = null)
{
    public string? Code { get; init; }

    public IReadOnlyList<object> Args { get; init; } = [];

    public override string ToString() => Row is null ? Message : $"Row {Row}: {Message}";
}

/// <summary>
/// Reads an uploaded .xlsx (the first worksheet) or .csv (UTF-8, comma or semicolon) into a header row and data
/// rows. The format is told by the content, not trusted from the file name; anything else is refused with a
/// sentence saying what to upload instead.
/// </summary>
public static class TabularFile
{
    public const string XlsxFormat = "xlsx";
    public const string CsvFormat = "csv";

    /// <summary>Reads the upload into memory, refusing it once it passes <see cref="TabularFileOptions.MaxBytes"/>.</summary>
    public static async Task<(TabularData? Data, TabularFileError? Error)> ReadAsync(Stream content, string? fileName,
        TabularFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= TabularFileOptions.Default;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > options.MaxBytes)
                return (null, TooBig(options));
            buffer.Write(chunk, 0, read);
        }
        return TryRead(buffer.ToArray(), fileName, out var data, out var error, options) ? (data, null) : (null, error);
    }

    public static bool TryRead(byte[] content, string? fileName, [NotNullWhen(true)] out TabularData? data,
        [NotNullWhen(false)] out TabularFileError? error, TabularFileOptions? options = null)
    {
        options ??= TabularFileOptions.Default;
        data = null;
        if (content.LongLength > options.MaxBytes)
        {
            error = TooBig(options);
            return false;
        }
        if (content.Length == 0)
        {
            error = new TabularFileError("The file is empty.") { Code = "Empty" };
            return false;
        }
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        List<ReadRow> rows;
        string format;
        if (StartsWith(content, [0x50, 0x4B, 0x03, 0x04]))
        {
            format = XlsxFormat;
            if (!XlsxTable.TryRead(content, options, out rows!, out error))
                return false;
        }
        else if (StartsWith(content, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            error = new TabularFileError("This is an old Excel 97–2003 (.xls) file or a password-protected workbook; save it without a password as Excel Workbook (.xlsx) or CSV UTF-8 and upload that.") { Code = "OldExcel" };
            return false;
        }
        else if (LooksBinary(content) || extension is ".pdf" or ".doc" or ".docx" or ".ods" or ".xls" or ".zip" or ".png" or ".jpg" or ".jpeg")
        {
            error = new TabularFileError("This file is not a spreadsheet; upload an Excel workbook (.xlsx) or a CSV file.") { Code = "NotSpreadsheet" };
            return false;
        }
        else
        {
            format = CsvFormat;
            if (!CsvTable.TryRead(content, options, out rows!, out error))
                return false;
        }

        rows.RemoveAll(r => r.Cells.All(string.IsNullOrWhiteSpace));
        if (rows.Count == 0)
        {
            error = new TabularFileError("The file has no rows: the first worksheet is empty.") { Code = "NoRows" };
            return false;
        }
        var header = rows[0];
        var headers = header.Cells.Select(h => h.Trim()).ToList();
        while (headers.Count > 0 && headers[^1].Length == 0)
            headers.RemoveAt(headers.Count - 1);
        if (rows.Count == 1)
        {
            error = new TabularFileError("The file has a header row but no data rows below it.", header.Row) { Code = "NoDataRows" };
            return false;
        }
        if (rows.Count - 1 > options.MaxRows)
        {
            error = new TabularFileError(string.Create(CultureInfo.InvariantCulture,
                $"The file has {rows.Count - 1:N0} data rows; at most {options.MaxRows:N0} can be imported at once. Split it into smaller files."))
            {
                Code = "TooManyRows",
                Args = [options.MaxRows],
            };
            return false;
        }
        data = new TabularData(format, header.Row, headers, [.. rows.Skip(1).Select(r => new TabularRow(r.Row, r.Cells, r.Numbers))]);
        error = null;
        return true;
    }

    internal static TabularFileError TooBig(TabularFileOptions options) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"The file is larger than {options.MaxBytes / (1024.0 * 1024.0):0.#} MB; split it into smaller files."))
        {
            Code = "TooBig",
            Args = [Math.Round(options.MaxBytes / (1024.0 * 1024.0), 1)],
        };

    private static bool StartsWith(byte[] content, ReadOnlySpan<byte> magic) => content.AsSpan().StartsWith(magic);

    /// <summary>Text files hold no NUL bytes and few control characters; binary formats hold many in their first kilobytes.</summary>
    private static bool LooksBinary(byte[] content)
    {
        var sample = content.AsSpan(0, Math.Min(content.Length, 8192));
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
                return true;
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C))
                control++;
        }
        return control > sample.Length / 100 + 1;
    }

    /// <summary>Strict UTF-8: a file saved in another encoding (Windows-1258, TCVN3) is refused, not read as mojibake.</summary>
    internal static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
