using VnTrace.Server.Identity;

namespace VnTrace.Server.Imports;

/// <summary>What applying the rows gave: how many records were added, or why nothing was (then everything rolls back).</summary>
public sealed record ImportApplied(int Added, IReadOnlyList<CellError> RowErrors, string? Error = null)
{
    public bool Succeeded => RowErrors.Count == 0 && Error is null;
}

/// <summary>
/// One kind of record a business can import from a spreadsheet (products, production-diary entries). The import page and
/// <see cref="ImportService"/> do the rest: the template, reading the upload, the row-by-row report, the choice
/// between all rows and the valid ones, one transaction, the audit. A new kind is one class registered as
/// <c>services.AddScoped&lt;IImportKind, MyImport&gt;()</c>; it runs in the request of the signed-in business, so it
/// may take <see cref="CurrentBusiness"/> and its own localizer.
/// </summary>
public interface IImportKind
{
    /// <summary>The kind in URLs and audit actions: "products", "diary".</summary>
    string Key { get; }

    /// <summary>Its name on the page, in the reader's language.</summary>
    string Title { get; }

    /// <summary>A sentence on what one row is and what happens to it.</summary>
    string Description { get; }

    /// <summary>The template's file name without extension ("mau-nhap-san-pham").</summary>
    string TemplateName { get; }

    /// <summary>The columns, in template order; the cell parsers run before <see cref="CheckAsync"/>.</summary>
    IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>
    /// Checks the rows whose cells were read against each other and the database (a GTIN twice in the file, one
    /// already registered, a lot that does not exist), without changing anything. Errors name the row and the
    /// column as written in the file (<see cref="ImportSheet.HeadersByKey"/>).
    /// </summary>
    Task<IReadOnlyList<CellError>> CheckAsync(ImportSheet sheet, CancellationToken ct);

    /// <summary>A short label of a valid row for the report ("Cà phê Robusta — 08930000000012").</summary>
    string Describe(ImportRow row);

    /// <summary>
    /// Adds the rows (all checked, without errors) to the unit of work, inside the transaction
    /// <see cref="ImportService"/> opened; it saves and commits. Returning errors rolls everything back.
    /// </summary>
    Task<ImportApplied> ApplyAsync(IReadOnlyList<ImportRow> rows, CancellationToken ct);
}
