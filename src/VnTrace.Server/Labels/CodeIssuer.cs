using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Labels;

/// <summary>Why a batch was not issued; nothing was stored.</summary>
public enum IssueProblem
{
    /// <summary>No such lot for this business (another's lot answers the same: it does not exist for the caller).</summary>
    LotNotFound,
    /// <summary>The count is below 1 or above <see cref="CodeIssuer.MaxBatch"/>.</summary>
    CountOutOfRange,
    /// <summary>Serials are issued only under a GTIN of the business's own products (a received lot carries the partner's).</summary>
    SerialsNeedOwnGtin,
    /// <summary>The lot's GTIN and number do not make a valid Digital Link (data written before the checks).</summary>
    LotNotEncodable,
    /// <summary>The layout is neither a catalogue id nor a valid stored custom sheet.</summary>
    LayoutUnknown,
}

/// <summary>A batch to issue for a lot: its kind, how many labels, and the sheet layout (<see cref="StoredLayout"/>).</summary>
public sealed record IssueRequest(Guid LotId, LabelBatchKind Kind, int Count, string Layout);

/// <summary>The batch issued, or why not.</summary>
public sealed record IssueOutcome(LabelBatch? Batch, IssueProblem? Problem)
{
    public static IssueOutcome Refused(IssueProblem problem) => new(null, problem);
}

/// <summary>A batch as its pages show it.</summary>
public sealed record LabelBatchInfo(Guid Id, Guid LotId, string Gtin, string LotNumber, string? ProductName, LabelBatchKind Kind,
    int Count, string? Layout, DateTime CreatedAt, string? CreatedByName);

/// <summary>
/// Issues trace codes for a business's lots: one Digital Link for the lot (01 + 10), printed as many times as asked,
/// or a new unpredictable serial (AI 21) per unit. Serials are stored — the batch row, its serials and the audit
/// entry in one transaction, all or nothing — so that a scan of a serial never issued can be called suspicious
/// (<see cref="IsIssuedAsync"/>), and so that a batch can be printed again, in the same order, at any time.
/// </summary>
public sealed class CodeIssuer(VnTraceDbContext db, AuditTrail audit, TimeProvider clock, ILogger<CodeIssuer> log)
{
    /// <summary>Most labels in one batch: a 4,762-page PDF at 3 × 7, and about 3 s of inserts at the slowest.</summary>
    public const int MaxBatch = 100_000;

    /// <summary>Draws of a batch, when a serial turns out to be issued already for the GTIN (for 100,000 new against a million issued: 1 in 10⁴).</summary>
    private const int Attempts = 3;

    public async Task<IssueOutcome> IssueAsync(Guid organizationId, Guid? userId, IssueRequest request, CancellationToken ct)
    {
        var lot = await db.Lots.Where(l => l.Id == request.LotId && l.OrganizationId == organizationId)
            .Select(l => new { l.Id, l.Gtin, l.LotNumber }).FirstOrDefaultAsync(ct);
        if (lot is null)
            return IssueOutcome.Refused(IssueProblem.LotNotFound);
        if (request.Count is < 1 or > MaxBatch)
            return IssueOutcome.Refused(IssueProblem.CountOutOfRange);
        if (!StoredLayout.TryResolve(request.Layout, out _, out _))
            return IssueOutcome.Refused(IssueProblem.LayoutUnknown);
        if (!DigitalLink.TryParse(DigitalLinkBase.ForLot(DigitalLink.CanonicalBase, lot.Gtin, lot.LotNumber).ToString(), out _, out _))
            return IssueOutcome.Refused(IssueProblem.LotNotEncodable);
        if (request.Kind == LabelBatchKind.Serial
            && !await db.Products.AnyAsync(p => p.Gtin == lot.Gtin && p.OrganizationId == organizationId, ct))
            return IssueOutcome.Refused(IssueProblem.SerialsNeedOwnGtin);

        for (var attempt = 1; ; attempt++)
        {
            var serials = request.Kind == LabelBatchKind.Serial ? SerialNumbers.Generate(request.Count) : [];
            var batch = new LabelBatch
            {
                OrganizationId = organizationId,
                LotId = lot.Id,
                Kind = request.Kind,
                Count = request.Count,
                Layout = request.Layout,
                CreatedBy = userId,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                db.LabelBatches.Add(batch);
                audit.Record("labels.issue", nameof(LabelBatch), batch.Id,
                    new { lot.Gtin, lot.LotNumber, Kind = request.Kind.ToString(), request.Count, request.Layout }, organizationId);
                await db.SaveChangesAsync(ct);
                if (serials.Length > 0)
                    await IssuedSerialWriter.WriteAsync(db, batch.Id, lot.Gtin, lot.LotNumber, serials, ct);
                await transaction.CommitAsync(ct);
                return new IssueOutcome(batch, null);
            }
            catch (Exception ex) when (attempt < Attempts && IssuedSerialWriter.IsUniqueViolation(ex))
            {
                // A drawn serial was issued before for this GTIN (or is being issued right now by another batch).
                await transaction.RollbackAsync(CancellationToken.None);
                log.LogWarning("Serial batch for {Gtin} lot {Lot} met an already issued serial; drawing again (attempt {Attempt}).", lot.Gtin, lot.LotNumber, attempt + 1);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="serial"/> was ever issued for <paramref name="gtin"/> (GTIN-14): a seek on the unique
    /// (Gtin, Serial) index, for the resolver and the consumer page to call a never-issued serial suspicious.
    /// </summary>
    public Task<bool> IsIssuedAsync(string gtin, string serial, CancellationToken ct) =>
        db.IssuedSerials.AnyAsync(s => s.Gtin == gtin && s.Serial == serial, ct);

    /// <summary>The lot number <paramref name="serial"/> was issued under, or null when it never was (a label whose lot differs is suspicious too).</summary>
    public Task<string?> IssuedLotAsync(string gtin, string serial, CancellationToken ct) =>
        db.IssuedSerials.Where(s => s.Gtin == gtin && s.Serial == serial).Select(s => s.LotNumber).FirstOrDefaultAsync(ct);

    /// <summary>The batch, if it belongs to <paramref name="organizationId"/>.</summary>
    public async Task<LabelBatchInfo?> FindBatchAsync(Guid organizationId, Guid batchId, CancellationToken ct)
    {
        var batch = await (from b in db.LabelBatches
                           where b.Id == batchId && b.OrganizationId == organizationId
                           join l in db.Lots on b.LotId equals l.Id
                           select new LabelBatchInfo(b.Id, l.Id, l.Gtin, l.LotNumber,
                               db.ProductNames.Where(p => p.Gtin == l.Gtin).Select(p => p.NameVi).FirstOrDefault(),
                               b.Kind, b.Count, b.Layout, b.CreatedAt,
                               db.Users.Where(u => u.Id == b.CreatedBy).Select(u => u.FullName).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);
        // A label refuses control characters; a tab or line break pasted into a product name prints as a space.
        return batch?.ProductName is { } name && name.Any(char.IsControl)
            ? batch with { ProductName = string.Concat(name.Select(c => char.IsControl(c) ? ' ' : c)) }
            : batch;
    }

    /// <summary>
    /// The batch's codes on <paramref name="baseUri"/>, one per label, in the order issued: its serials as stored
    /// (streamed from the database), or the lot's code <see cref="LabelBatchInfo.Count"/> times.
    /// </summary>
    public async IAsyncEnumerable<DigitalLink> LinksAsync(LabelBatchInfo batch, string baseUri, int? limit = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        if (batch.Kind == LabelBatchKind.Lot)
        {
            var link = DigitalLinkBase.ForLot(baseUri, batch.Gtin, batch.LotNumber);
            for (var i = 0; i < Math.Min(batch.Count, limit ?? int.MaxValue); i++)
                yield return link;
            yield break;
        }
        var query = db.IssuedSerials.Where(s => s.BatchId == batch.Id).OrderBy(s => s.Id).Select(s => new { s.Gtin, s.LotNumber, s.Serial });
        if (limit is { } n)
            query = query.Take(n);
        await foreach (var s in query.AsAsyncEnumerable().WithCancellation(ct))
            yield return DigitalLinkBase.ForSerial(baseUri, s.Gtin, s.LotNumber, s.Serial);
    }

    /// <summary>One code of the batch: the lot's (no serial given, lot batch) or an issued serial of this batch; null otherwise.</summary>
    public async Task<DigitalLink?> FindLinkAsync(LabelBatchInfo batch, string baseUri, string? serial, CancellationToken ct)
    {
        if (batch.Kind == LabelBatchKind.Lot)
            return serial is null ? DigitalLinkBase.ForLot(baseUri, batch.Gtin, batch.LotNumber) : null;
        if (serial is null)
            return null;
        var row = await db.IssuedSerials.Where(s => s.Gtin == batch.Gtin && s.Serial == serial && s.BatchId == batch.Id)
            .Select(s => new { s.Gtin, s.LotNumber, s.Serial }).FirstOrDefaultAsync(ct);
        return row is null ? null : DigitalLinkBase.ForSerial(baseUri, row.Gtin, row.LotNumber, row.Serial);
    }
}
