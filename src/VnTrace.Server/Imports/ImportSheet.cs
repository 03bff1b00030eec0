using System.Diagnostics.CodeAnalysis;
using VnTrace.Server.Platform.Text;

namespace VnTrace.Server.Imports;

/// <summary>A cell that could not be read: its row, the header of its column as written in the file, and why.</summary>
public sealed record CellError(int Row, string Column, string Message)
{
    public override string ToString() => $"Row {Row}, {Column}: {Message}";
}

/// <summary>
/// One data row, mapped: the values by column key when every cell was read (blank optional cells are absent), or
/// the cells that were not.
/// </summary>
public sealed record ImportRow(int RowNumber, IReadOnlyDictionary<string, object?> Values, IReadOnlyList<CellError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// The rows of an upload mapped to an import's columns. A row with errors is reported row by row and the others
/// stay usable, so a page can show every mistake at once and the caller decides whether to import the good rows.
/// </summary>
/// <param name="HeadersByKey">For each column found, its header as written in the file, so a later check can name it.</param>
public sealed record ImportSheet(IReadOnlyList<ImportRow> Rows, IReadOnlyList<string> IgnoredHeaders, IReadOnlyDictionary<string, string> HeadersByKey)
{
    public IEnumerable<CellError> Errors => Rows.SelectMany(r => r.Errors);

    public bool IsValid => Rows.All(r => r.IsValid);

    /// <summary>
    /// Finds each column by its header (ignoring case, tone marks and a trailing "*"), refusing the file when a
    /// required column is missing or a column appears twice, then reads every row. A blank required cell gets
    /// <paramref name="requiredMessage"/> (pass it in the reader's language).
    /// </summary>
    public static bool TryMap(TabularData data, IReadOnlyList<ImportColumn> columns, [NotNullWhen(true)] out ImportSheet? sheet,
        [NotNullWhen(false)] out TabularFileError? error, string requiredMessage = "A value is required.")
    {
        sheet = null;
        var byName = new Dictionary<string, ImportColumn>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            foreach (var name in column.Names)
                byName.TryAdd(HeaderKey(name), column);
        }

        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var ignored = new List<string>();
        for (var i = 0; i < data.Headers.Count; i++)
        {
            var header = data.Headers[i];
            if (header.Length == 0)
                continue;
            if (!byName.TryGetValue(HeaderKey(header), out var column))
            {
                ignored.Add(header);
                continue;
            }
            if (positions.TryGetValue(column.Key, out var earlier))
            {
                error = new TabularFileError(
                    $"The columns \"{data.Headers[earlier]}\" and \"{header}\" both hold {column.HeaderVi} ({column.HeaderEn}); keep one.", data.HeaderRowNumber)
                {
                    Code = "DuplicateColumn",
                    Args = [data.Headers[earlier], header, column.HeaderVi],
                };
                return false;
            }
            positions[column.Key] = i;
        }

        var missing = columns.Where(c => c.Required && !positions.ContainsKey(c.Key)).ToList();
        if (missing.Count > 0)
        {
            var names = string.Join(", ", missing.Select(c => $"\"{c.HeaderVi}\" ({c.HeaderEn})"));
            error = new TabularFileError(
                $"Required column{(missing.Count == 1 ? " is" : "s are")} missing from the header row: {names}. Start from the import template.", data.HeaderRowNumber)
            {
                Code = "MissingColumns",
                Args = [string.Join(", ", missing.Select(c => $"\"{c.HeaderVi}\""))],
            };
            return false;
        }

        var rows = new List<ImportRow>(data.Rows.Count);
        foreach (var row in data.Rows)
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            var errors = new List<CellError>();
            foreach (var column in columns)
            {
                if (!positions.TryGetValue(column.Key, out var at))
                    continue;
                var cell = row.Cell(at);
                var header = data.Headers[at];
                if (string.IsNullOrWhiteSpace(cell.Text))
                {
                    if (column.Required)
                        errors.Add(new CellError(row.RowNumber, header, requiredMessage));
                    continue;
                }
                var result = column.Parser(cell);
                if (result.Error is { } message)
                    errors.Add(new CellError(row.RowNumber, header, message));
                else
                    values[column.Key] = result.Value;
            }
            rows.Add(new ImportRow(row.RowNumber, errors.Count == 0 ? values : new Dictionary<string, object?>(), errors));
        }
        sheet = new ImportSheet(rows, ignored, positions.ToDictionary(p => p.Key, p => data.Headers[p.Value], StringComparer.Ordinal));
        error = null;
        return true;
    }

    /// <summary>A header as matched: folded, the required-marker "*" at the end dropped.</summary>
    internal static string HeaderKey(string header) => VietnameseText.Fold(header.TrimEnd().TrimEnd('*'));
}
