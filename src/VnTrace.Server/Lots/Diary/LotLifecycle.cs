using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Hashing;
using VnTrace.Gs1.Epcis.Validation;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Locations;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Events;
using VnTrace.Server.Products;
using VnTrace.Server.Capture;


namespace VnTrace.Server.Lots.Diary;

/// <summary>A business's lots as records: created, closed, reopened, and found by their codes for an import.</summary>
public sealed class LotLifecycle(VnTraceDbContext db, DiaryStore store, DiaryChecks checks, AuditTrail audit, TimeProvider clock,
    IStringLocalizer<LotText> t)
{
    public async Task<DiaryResult> CreateLotAsync(Guid organizationId, NewLot entry, CancellationToken ct)
    {
        var errors = new DiaryErrors();
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == entry.ProductId && p.OrganizationId == organizationId && !p.Archived, ct);
        if (product is null)
            errors.Add(nameof(NewLot.ProductId), t["Diary.ProductUnknown"]);
        var lotNumber = (entry.LotNumber ?? "").Trim();
        checks.CheckLotNumber(errors, nameof(NewLot.LotNumber), lotNumber);
        if (await store.FindLocationAsync(organizationId, entry.LocationId, ct) is null)
            errors.Add(nameof(NewLot.LocationId), t["Diary.LocationUnknown"]);
        if (entry.Quantity is { } q)
            checks.CheckQuantity(errors, nameof(NewLot.Quantity), q);
        if (entry.ProductionDate is { } made && entry.ExpiryDate is { } expires && expires < made)
            errors.Add(nameof(NewLot.ExpiryDate), t["Diary.ExpiryBeforeProduction"]);
        checks.CheckNote(errors, nameof(NewLot.Note), entry.Note);
        if (product is not null && !errors.Has(nameof(NewLot.LotNumber))
            && await db.Lots.AnyAsync(l => l.OrganizationId == organizationId && l.Gtin == product.Gtin && l.LotNumber == lotNumber, ct))
            errors.Add(nameof(NewLot.LotNumber), t["Diary.LotNumberTaken", lotNumber]);
        if (errors.Any)
            return DiaryResult.Refused(errors.List);

        var now = clock.GetUtcNow().UtcDateTime;
        var lot = new Lot
        {
            OrganizationId = organizationId,
            Gtin = product!.Gtin,
            LotNumber = lotNumber,
            ProductId = product.Id,
            LocationId = entry.LocationId,
            Quantity = entry.Quantity,
            Unit = product.Unit,
            ProductionDate = entry.ProductionDate,
            ExpiryDate = entry.ExpiryDate,
            Note = DiaryChecks.Trimmed(entry.Note),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Lots.Add(lot);
        audit.Record("lot.create", nameof(Lot), lot.Id, new { lot.Gtin, lot.LotNumber, origin = lot.Origin.ToString() }, organizationId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (organization, GTIN, lot number) index: another request created it a moment ago.
            db.ChangeTracker.Clear();
            return DiaryResult.Refused([new DiaryError(nameof(NewLot.LotNumber), t["Diary.LotNumberTaken", lotNumber])]);
        }
        return new DiaryResult([], LotId: lot.Id);
    }

    /// <summary>A closed lot takes no more diary entries (corrections excepted).</summary>
    public Task<DiaryResult> CloseLotAsync(Guid organizationId, Guid lotId, CancellationToken ct) =>
        SetStatusAsync(organizationId, lotId, LotStatus.Closed, "lot.close", ct);

    /// <summary>Opens a lot closed by mistake again.</summary>
    public Task<DiaryResult> ReopenLotAsync(Guid organizationId, Guid lotId, CancellationToken ct) =>
        SetStatusAsync(organizationId, lotId, LotStatus.InProgress, "lot.reopen", ct);

    private async Task<DiaryResult> SetStatusAsync(Guid organizationId, Guid lotId, LotStatus status, string action, CancellationToken ct)
    {
        var lot = await db.Lots.AsTracking().FirstOrDefaultAsync(l => l.Id == lotId && l.OrganizationId == organizationId, ct);
        if (lot is null)
            return DiaryResult.Refused([new DiaryError("LotId", t["Diary.LotUnknown"])]);
        if (lot.Status != status)
        {
            lot.Status = status;
            lot.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            audit.Record(action, nameof(Lot), lot.Id, new { lot.Gtin, lot.LotNumber }, organizationId);
            await db.SaveChangesAsync(ct);
        }
        return new DiaryResult([], LotId: lot.Id);
    }

    /// <summary>The business's own lot with this GTIN and lot number, for an import that names lots by their codes.</summary>
    public async Task<Guid?> FindLotIdAsync(Guid organizationId, string gtin, string lotNumber, CancellationToken ct)
    {
        if (!Gtin.TryParse(gtin.Trim(), out var parsed, out _))
            return null;
        var g = parsed.ToString();
        var lot = lotNumber.Trim();
        return await db.Lots.Where(l => l.OrganizationId == organizationId && l.Gtin == g && l.LotNumber == lot)
            .Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The business's own location (not archived) with this GLN, for an import that names places by their GLN.</summary>
    public async Task<Guid?> FindLocationIdAsync(Guid organizationId, string gln, CancellationToken ct)
    {
        if (!Gln.TryParse(gln.Trim(), out var parsed, out _))
            return null;
        var g = parsed.ToString();
        return await db.Locations.Where(l => l.OrganizationId == organizationId && l.Gln == g && !l.Archived)
            .Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct);
    }
}
