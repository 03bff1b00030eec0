using System.Globalization;
using System.Text;

namespace VnTrace.Server.Exports;

/// <summary>
/// RFC 4180 CSV: CRLF line ends, a field quoted when it holds a comma, quote, CR or LF, quotes doubled; UTF-8 with a
/// byte-order mark, without which Excel reads Vietnamese as Windows-1252 mojibake.
/// </summary>
public static class CsvExportWriter
{
    public const string ContentType = "text/csv";

    public static async Task WriteAsync(ExportSheet sheet, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        var line = new StringBuilder(512);
        AppendLine(line, sheet.Columns.Select(c => (object?)c.Header).ToArray(), null);
        await writer.WriteAsync(line, ct);
        foreach (var row in sheet.Rows)
        {
            line.Clear();
            AppendLine(line, row, sheet.Columns);
            await writer.WriteAsync(line, ct);
        }
        await writer.FlushAsync(ct);
    }

    private static void AppendLine(StringBuilder line, object?[] cells, IReadOnlyList<ExportColumn>? columns)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
                line.Append(',');
            var kind = columns?[i].Kind ?? ExportCellKind.Literal;
            AppendField(line, Format(cells[i], kind));
        }
        line.Append("\r\n");
    }

    /// <summary>The text of one cell as the CSV carries it.</summary>
    public static string Format(object? value, ExportCellKind kind) => value switch
    {
        null => "",
        DateTimeOffset t when kind == ExportCellKind.UtcDateTime =>
            t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal n => n.ToString(CultureInfo.InvariantCulture),
        string s when kind == ExportCellKind.Text => GuardFormula(s),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>
    /// A lot code or document number from an event may start with = + - @ (GS1 AI 82 allows them); a spreadsheet
    /// would run it as a formula (OWASP "CSV injection"). A leading apostrophe makes it text again.
    /// </summary>
    private static string GuardFormula(string s) =>
        s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + s : s;

    private static void AppendField(StringBuilder line, string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(field);
            return;
        }
        line.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
