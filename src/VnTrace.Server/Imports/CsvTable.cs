using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace VnTrace.Server.Imports;

/// <summary>
/// CSV as RFC 4180 writes it and Excel saves it: fields separated by commas, or by semicolons where the decimal
/// separator is a comma (Vietnamese Excel saves so); quoted fields may hold separators, doubled quotes and line
/// breaks. Rows are numbered by record, as a spreadsheet shows them, not by physical line.
/// </summary>
internal static class CsvTable
{
    public static bool TryRead(byte[] content, TabularFileOptions options, [NotNullWhen(true)] out List<ReadRow>? rows,
        [NotNullWhen(false)] out TabularFileError? error)
    {
        rows = null;
        string text;
        try
        {
            var bom = content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            text = TabularFile.StrictUtf8.GetString(content, bom, content.Length - bom);
        }
        catch (DecoderFallbackException)
        {
            error = new TabularFileError("The CSV file is not UTF-8 text; in Excel, save it as \"CSV UTF-8 (Comma delimited)\" and upload it again.") { Code = "NotUtf8" };
            return false;
        }
        // Unicode line and paragraph separators are not record ends; only CR and LF are.
        text = text.Normalize(NormalizationForm.FormC);
        var separator = DetectSeparator(text);

        rows = [];
        var row = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var quoteStartRow = 0;
        var fieldStarted = false;
        var recordNumber = 1;
        var nonEmpty = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
                continue;
            }
            if (c == '"' && !fieldStarted)
            {
                inQuotes = true;
                fieldStarted = true;
                quoteStartRow = recordNumber;
            }
            else if (c == separator)
            {
                row.Add(field.ToString());
                field.Clear();
                fieldStarted = false;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                row.Add(field.ToString());
                field.Clear();
                fieldStarted = false;
                rows.Add(new ReadRow(recordNumber, row, []));
                if (!row.All(string.IsNullOrWhiteSpace) && ++nonEmpty > options.MaxRows + 1)
                    return TooManyRows(options, out error);
                row = [];
                recordNumber++;
            }
            else
            {
                // A quote inside an unquoted field is kept as written (Excel does the same).
                field.Append(c);
                fieldStarted = true;
            }
        }
        if (inQuotes)
        {
            error = new TabularFileError("A quoted field starts here but its closing quote is missing.", quoteStartRow) { Code = "UnclosedQuote" };
            return false;
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(new ReadRow(recordNumber, row, []));
        }
        error = null;
        return true;
    }

    private static bool TooManyRows(TabularFileOptions options, out TabularFileError error)
    {
        error = new TabularFileError(FormattableString.Invariant(
            $"The file has more than {options.MaxRows:N0} data rows; split it into smaller files."))
        {
            Code = "TooManyRows",
            Args = [options.MaxRows],
        };
        return false;
    }

    /// <summary>The separator of the first record: whichever of comma, semicolon or tab occurs most outside quotes.</summary>
    internal static char DetectSeparator(string text)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var inQuotes = false;
        foreach (var c in text)
        {
            if (c == '"')
                inQuotes = !inQuotes;
            else if (!inQuotes && c is '\r' or '\n')
                break;
            else if (!inQuotes && c == ',')
                commas++;
            else if (!inQuotes && c == ';')
                semicolons++;
            else if (!inQuotes && c == '\t')
                tabs++;
        }
        if (semicolons > commas && semicolons >= tabs)
            return ';';
        return tabs > commas ? '\t' : ',';
    }
}
