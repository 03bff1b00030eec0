using Microsoft.Extensions.Localization;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;
using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Cbv;
using VnTrace.Gs1.Epcis.Hashing;
using VnTrace.Server.Platform.Events;
using VnTrace.Server.Platform.Text;

namespace VnTrace.Server.Lots.Diary;

/// <summary>Corrections: error declarations and corrective events, never edits.</summary>
public sealed class DiaryCorrections(VnTraceDbContext db, DiaryStore store, DiaryChecks checks, TimeProvider clock,
    IStringLocalizer<LotText> t)
{
    /// <summary>
    /// Declares one of the business's own events erroneous: the event is captured again with the same eventID and an
    /// errorDeclaration (EPCIS 2.0 §7.4.1.2; reason from CBV 2.0 §7.5), beside the original, which stays as it was.
    /// A corrective event — the original with the corrected time or quantity — is captured in the same document and
    /// named in correctiveEventIDs.
    /// </summary>
    public async Task<DiaryResult> CorrectAsync(Guid organizationId, CorrectionEntry entry, CancellationToken ct)
    {
        var errors = new DiaryErrors();
        var row = await db.Events.Where(e => e.Id == entry.EventRowId && e.OwnerId == organizationId && !e.HasErrorDeclaration)
            .Select(e => new { e.EventId, e.Json }).FirstOrDefaultAsync(ct);
        if (row is null)
            return store.Refused([new DiaryError(nameof(entry.EventRowId), t["Diary.EventUnknown"])]);
        if (await db.Events.AnyAsync(e => e.OwnerId == organizationId && e.EventId == row.EventId && e.HasErrorDeclaration, ct))
            return store.Refused([new DiaryError(nameof(entry.EventRowId), t["Diary.AlreadyCorrected"])]);
        if (!Enum.IsDefined(entry.Reason))
            errors.Add(nameof(entry.Reason), t["Diary.ReasonUnknown"]);
        checks.CheckNote(errors, nameof(entry.Note), entry.Note);

        var original = StoredEventFormat.Deserialize(row.Json);
        EpcisEvent? corrective = null;
        if (entry.CorrectedTime is not null || entry.CorrectedQuantity is not null)
        {
            if (entry.Reason == CorrectionReason.DidNotOccur)
                errors.Add(nameof(entry.Reason), t["Diary.DidNotOccurHasNoCorrection"]);
            corrective = StoredEventFormat.Deserialize(row.Json);
            corrective.EventId = null;
            corrective.RecordTime = null;
            if (entry.CorrectedTime is { } time)
            {
                checks.CheckTime(errors, nameof(entry.CorrectedTime), time);
                corrective.EventTime = VietnamTime.FromLocal(time);
                corrective.EventTimeZoneOffset = VietnamTime.OffsetText;
            }
            if (entry.CorrectedQuantity is { } quantity)
            {
                checks.CheckQuantity(errors, nameof(entry.CorrectedQuantity), quantity);
                var list = CorrectableQuantities(corrective);
                if (list is not [{ Quantity: not null } only])
                    errors.Add(nameof(entry.CorrectedQuantity), t["Diary.QuantityNotCorrectable"]);
                else
                    only.Quantity = quantity;
            }
            if (!errors.Any)
            {
                corrective.EventId = EventHash.Compute(corrective);
                if (corrective.EventId == EventHash.Compute(original))
                    errors.Add("", t["Diary.CorrectionChangesNothing"]);
            }
        }
        if (errors.Any)
            return store.Refused(errors);

        var declaration = StoredEventFormat.Deserialize(row.Json);
        declaration.RecordTime = null;
        declaration.ErrorDeclaration = new ErrorDeclaration
        {
            DeclarationTime = VietnamTime.ToVietnam(clock.GetUtcNow()),
            Reason = Cbv.UrnPrefix(CbvVocabulary.ErrorReason) + (entry.Reason == CorrectionReason.DidNotOccur ? "did_not_occur" : "incorrect_data"),
            CorrectiveEventIds = corrective is null ? [] : [corrective.EventId!],
        };
        if (!string.IsNullOrWhiteSpace(entry.Note))
            declaration.ErrorDeclaration.Extensions.Add(new ExtensionElement
            {
                Namespace = DiaryEvents.Namespace,
                Prefix = DiaryEvents.Prefix,
                LocalName = "note",
                Value = entry.Note.Trim(),
            });

        await AdjustLotQuantitiesAsync(organizationId, original, corrective, ct);
        return await store.CaptureEventsAsync(organizationId, corrective is null ? [declaration] : [corrective, declaration], null, ct);
    }

    /// <summary>The quantities a correction may change: the lot of an ObjectEvent, the output of a TransformationEvent.</summary>
    private static List<QuantityElement> CorrectableQuantities(EpcisEvent e) =>
        e.Type == EpcisEventType.TransformationEvent ? e.OutputQuantityList : e.QuantityList;

    /// <summary>
    /// The lot quantity follows the events that set it (harvest, processing output, receiving): an erroneous one no
    /// longer counts, its corrective event counts instead.
    /// </summary>
    private async Task AdjustLotQuantitiesAsync(Guid organizationId, EpcisEvent original, EpcisEvent? corrective, CancellationToken ct)
    {
        var setsQuantity = DiaryStore.IsHarvest(original) || original.Type == EpcisEventType.TransformationEvent
            || original.BizStep == DiaryEvents.BizStep("receiving");
        if (!setsQuantity)
            return;
        foreach (var q in CorrectableQuantities(original))
        {
            if (q.Quantity is not { } before || !LotCodes.TryReadLotClass(q.EpcClass, out var gtin, out var lotNumber))
                continue;
            var after = corrective is null ? 0 : CorrectableQuantities(corrective).FirstOrDefault(c => c.EpcClass == q.EpcClass)?.Quantity ?? 0;
            var lot = await db.Lots.AsTracking().FirstOrDefaultAsync(l => l.OrganizationId == organizationId && l.Gtin == gtin && l.LotNumber == lotNumber, ct);
            if (lot?.Quantity is { } current && after != before)
            {
                lot.Quantity = Math.Max(0, current + after - before);
                lot.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            }
        }
    }
}
