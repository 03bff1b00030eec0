namespace VnTrace.Server.Exports;

/// <summary>How a column's cells are written: typed in .xlsx (numbers and dates sort as such), ISO 8601 in CSV.</summary>
public enum ExportCellKind
{
    /// <summary>Free text from the events (lot codes, names, documents): CSV guards it against formula injection.</summary>
    Text,
    /// <summary>Text the server writes itself, such as "+07:00", which must reach CSV unchanged.</summary>
    Literal,
    /// <summary>A decimal number.</summary>
    Number,
    /// <summary>A <see cref="DateTimeOffset"/> shown at its own offset (the wall-clock time where the event happened).</summary>
    LocalDateTime,
    /// <summary>A <see cref="DateTimeOffset"/> shown in UTC.</summary>
    UtcDateTime,
    /// <summary>A <see cref="DateOnly"/>.</summary>
    Date,
}

/// <summary>Which header row an export has.</summary>
public enum ExportHeaders
{
    /// <summary>"Tên sản phẩm / Product name": Vietnamese first, then after " / " the English header (the default).</summary>
    Bilingual,
    /// <summary>The English headers alone (headers=en), as the API gave them before, for programs that read the header row.</summary>
    English,
}

/// <param name="English">The English header; what <see cref="ExportHeaders.English"/> gives, and the last part of every bilingual header.</param>
/// <param name="Note">What the column holds and where it comes from, or why it is not recorded yet; listed on the "About" sheet.</param>
/// <param name="Width">Column width in .xlsx, in characters.</param>
public sealed record ExportColumn(string English, ExportCellKind Kind, string Note, double Width = 18)
{
    /// <summary>The Vietnamese header, from ExportText.resx ("Column.{English}"); null for a column without one (the label CSV's machine names).</summary>
    public string? Vietnamese { get; } = ExportText.Vietnamese("Column." + English);

    /// <summary>
    /// The header cell; also the .xlsx table column name, so unique within a sheet. "Tên sản phẩm / Product name"; a
    /// header the same in both languages ("GTIN", "SSCC"), or without a Vietnamese one, once.
    /// </summary>
    public string Header { get; init; } = ExportText.Vietnamese("Column." + English) is { } vi && vi != English ? $"{vi} / {English}" : English;

    /// <summary>The columns with the header row asked for.</summary>
    public static IReadOnlyList<ExportColumn> With(IReadOnlyList<ExportColumn> columns, ExportHeaders headers) =>
        headers == ExportHeaders.English ? [.. columns.Select(c => c with { Header = c.English })] : columns;
}

/// <summary>
/// One table of an export, independent of the file format: the columns, the rows (cells are string, decimal,
/// DateTimeOffset or DateOnly per <see cref="ExportCellKind"/>, null when empty) and the lines of its "About" sheet.
/// </summary>
public sealed record ExportSheet(
    string Title,
    string TableName,
    IReadOnlyList<ExportColumn> Columns,
    IReadOnlyList<object?[]> Rows,
    IReadOnlyList<(string Name, string Value)> About)
{
    /// <summary>
    /// Written where the system holds no value yet (no product master data, no addresses): an explicit marker rather
    /// than an empty cell a reader could take for "none", and never an invented value.
    /// </summary>
    public const string NotRecorded = "[not recorded]";
}
