using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Files;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Imports;

/// <summary>One row of the report: its number in the file, its errors, or a label when it is fine.</summary>
public sealed record ReportRow(int RowNumber, IReadOnlyList<CellError> Errors, string? Label)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>What an upload holds: a file-level refusal, or every row checked.</summary>
public sealed record ImportReport(Guid? FileId, string FileName, TabularFileError? FileError, IReadOnlyList<ReportRow> Rows,
    IReadOnlyList<string> IgnoredHeaders)
{
    public int ValidRows => Rows.Count(r => r.IsValid);
    public int InvalidRows => Rows.Count - ValidRows;
    public bool IsValid => FileError is null && Rows.Count > 0 && InvalidRows == 0;
}

/// <summary>The outcome of an import: how many rows were added, or why none were.</summary>
public sealed record ImportOutcome(int Imported, int Skipped, string? Error, ImportReport? Report)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Runs imports for the current business. The upload is kept between the report and the confirmation as a private
/// <see cref="StoredFile"/> of the business, so what is imported is exactly what was checked and the browser only
/// sends back its id (checked against the business, never trusted). Confirming reads and checks the file again —
/// the database may have changed since — and adds all rows, or the valid ones when the person chose so, in one
/// transaction.
/// </summary>
public sealed class ImportService(VnTraceDbContext db, CurrentBusiness business, AuditTrail audit, TimeProvider clock,
    IStringLocalizer<ImportText> t)
{
    private static readonly string[] StagedTypes = [ImportTemplate.XlsxContentType, ImportTemplate.CsvContentType];

    /// <summary>How long an upload waits for its confirmation before it is cleared away.</summary>
    public static readonly TimeSpan StagedLifetime = TimeSpan.FromDays(1);

    /// <summary>Reads an upload, keeps it when it is a readable sheet, and reports on every row.</summary>
    public async Task<ImportReport> UploadAsync(IImportKind kind, IFormFile upload, CancellationToken ct)
    {
        var name = Path.GetFileName(upload.FileName.Replace('\\', '/'));
        var options = TabularFileOptions.Default;
        if (upload.Length > options.MaxBytes)
            return new ImportReport(null, name, TabularFile.TooBig(options), [], []);
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        if (!TabularFile.TryRead(content, name, out var data, out var error, options))
            return new ImportReport(null, name, error, [], []);
        // A file refused as a whole (a required column missing) is not kept: there is nothing to confirm.
        var report = await ReportAsync(kind, null, name, data, ct);
        if (report.FileError is not null)
            return report;

        await ClearExpiredAsync(ct);
        var file = new StoredFile
        {
            OrganizationId = business.Id,
            FileName = name.Length is 0 or > 200 ? "import." + data.Format : name,
            ContentType = data.Format == TabularFile.XlsxFormat ? ImportTemplate.XlsxContentType : ImportTemplate.CsvContentType,
            Length = content.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
            Content = content,
            Public = false,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Files.Add(file);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return report with { FileId = file.Id, FileName = file.FileName };
    }

    /// <summary>The report on a kept upload of the current business; null when there is none with that id.</summary>
    public async Task<ImportReport?> ReportAsync(IImportKind kind, Guid fileId, CancellationToken ct)
    {
        var file = await FindStagedAsync(fileId, ct);
        if (file is null)
            return null;
        if (!TabularFile.TryRead(file.Content, file.FileName, out var data, out var error))
            return new ImportReport(file.Id, file.FileName, error, [], []);
        return await ReportAsync(kind, file.Id, file.FileName, data, ct);
    }

    private async Task<ImportReport> ReportAsync(IImportKind kind, Guid? fileId, string fileName, TabularData data, CancellationToken ct)
    {
        if (!ImportSheet.TryMap(data, kind.Columns, out var sheet, out var error, t["Report.Required"]))
            return new ImportReport(fileId, fileName, error, [], []);
        var checks = (await kind.CheckAsync(sheet, ct)).ToLookup(e => e.Row);
        var rows = sheet.Rows.Select(r =>
        {
            var errors = r.Errors.Concat(checks[r.RowNumber]).ToList();
            return new ReportRow(r.RowNumber, errors, errors.Count == 0 ? kind.Describe(r) : null);
        }).ToList();
        return new ImportReport(fileId, fileName, null, rows, sheet.IgnoredHeaders);
    }

    /// <summary>
    /// Imports a kept upload: every row when all are valid, or only the valid ones when <paramref name="validRowsOnly"/>.
    /// All or nothing: a failure while saving (a GTIN registered meanwhile) rolls back every row. Null when the
    /// business has no upload with that id.
    /// </summary>
    public async Task<ImportOutcome?> ImportAsync(IImportKind kind, Guid fileId, bool validRowsOnly, CancellationToken ct)
    {
        var file = await FindStagedAsync(fileId, ct);
        if (file is null)
            return null;
        var report = await ReportAsync(kind, fileId, ct);
        if (report!.FileError is not null)
            return new ImportOutcome(0, 0, t["Outcome.FileRefused"], report);
        if (report.InvalidRows > 0 && !validRowsOnly)
            return new ImportOutcome(0, 0, t["Outcome.HasErrors", report.InvalidRows], report);
        if (report.ValidRows == 0)
            return new ImportOutcome(0, 0, t["Outcome.NothingValid"], report);

        // Read again to hand the kind its typed values (the report keeps only labels).
        TabularFile.TryRead(file.Content, file.FileName, out var data, out _);
        ImportSheet.TryMap(data!, kind.Columns, out var sheet, out _);
        var valid = report.Rows.Where(r => r.IsValid).Select(r => r.RowNumber).ToHashSet();
        var rows = sheet!.Rows.Where(r => valid.Contains(r.RowNumber)).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        ImportApplied applied;
        try
        {
            applied = await kind.ApplyAsync(rows, ct);
            if (applied.Succeeded)
            {
                audit.Record("import." + kind.Key, "Import", fileId, new
                {
                    File = file.FileName,
                    Rows = report.Rows.Count,
                    Imported = applied.Added,
                    Skipped = report.InvalidRows,
                    Mode = validRowsOnly ? "valid-rows" : "all",
                });
                await db.SaveChangesAsync(ct);
                await db.Files.Where(f => f.Id == file.Id).ExecuteDeleteAsync(ct);
                await transaction.CommitAsync(ct);
                return new ImportOutcome(applied.Added, report.InvalidRows, null, report);
            }
        }
        catch (DbUpdateException e) when (Products.ProductService.IsUniqueViolation(e))
        {
            applied = new ImportApplied(0, [], t["Outcome.Conflict"]);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        await transaction.RollbackAsync(CancellationToken.None);
        var failed = report with
        {
            Rows = [.. report.Rows.Select(r => applied.RowErrors.Where(e => e.Row == r.RowNumber).ToList() is { Count: > 0 } more
                ? r with { Errors = [.. r.Errors, .. more], Label = null }
                : r)],
        };
        return new ImportOutcome(0, 0, applied.Error ?? t["Outcome.RowsRefused"], failed);
    }

    /// <summary>Removes a kept upload the person abandoned.</summary>
    public async Task<bool> DiscardAsync(Guid fileId, CancellationToken ct) =>
        await db.Files.Where(f => f.Id == fileId && f.OrganizationId == business.Id && StagedTypes.Contains(f.ContentType))
            .ExecuteDeleteAsync(ct) > 0;

    private Task<StoredFile?> FindStagedAsync(Guid fileId, CancellationToken ct) =>
        db.Files.FirstOrDefaultAsync(f => f.Id == fileId && f.OrganizationId == business.Id && StagedTypes.Contains(f.ContentType), ct);

    /// <summary>Uploads never confirmed are removed after <see cref="StagedLifetime"/>.</summary>
    private async Task ClearExpiredAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime - StagedLifetime;
        await db.Files.Where(f => f.OrganizationId == business.Id && StagedTypes.Contains(f.ContentType) && f.CreatedAt < before)
            .ExecuteDeleteAsync(ct);
    }
}
