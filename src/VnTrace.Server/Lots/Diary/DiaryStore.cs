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
using VnTrace.Server.Platform.Text;
using VnTrace.Server.Products;
using VnTrace.Server.Capture;


namespace VnTrace.Server.Lots.Diary;

/// <summary>
/// The steps every diary entry ends with: the lot and place loaded, the event identified by its hash and checked as
/// the capture API would check it, then stored by <see cref="CaptureService"/> with the lot changes staged for it
/// (saved with the events; a refused capture clears them), so an entry is stored whole or not at all.
/// </summary>
public sealed class DiaryStore(VnTraceDbContext db, CaptureService capture, DiaryChecks checks, TimeProvider clock,
    IStringLocalizer<LotText> t, ILogger<DiaryStore> logger)
{
    internal sealed record LotContext(Lot Lot, Product? Product, Location Location, string LotClass, DiaryEvents.Place At)
    {
        /// <summary>The Rec 20 uom of a quantity: the entry's unit, else the lot's, else its product's.</summary>
        public string? Uom(string? unit) => QuantityUnits.Rec20(unit ?? Lot.Unit ?? Product?.Unit);
    }

    /// <summary>The business's lot (tracked, for the changes the entry makes), location and the event's where and when.</summary>
    internal async Task<(LotContext? Context, DiaryErrors Errors)> LoadAsync(Guid organizationId, Guid lotId, Guid locationId,
        DateTime time, string? note, CancellationToken ct)
    {
        var errors = new DiaryErrors();
        var lot = await db.Lots.AsTracking().FirstOrDefaultAsync(l => l.Id == lotId && l.OrganizationId == organizationId, ct);
        if (lot is null)
            errors.Add("LotId", t["Diary.LotUnknown"]);
        else if (lot.Status == LotStatus.Closed)
            errors.Add("LotId", t["Diary.LotClosed"]);
        var location = await FindLocationAsync(organizationId, locationId, ct);
        if (location is null)
            errors.Add("LocationId", t["Diary.LocationUnknown"]);
        checks.CheckTime(errors, "Time", time);
        checks.CheckNote(errors, "Note", note);
        if (lot is null || location is null)
            return (null, errors);
        var product = lot.ProductId is { } p ? await db.Products.FirstOrDefaultAsync(x => x.Id == p, ct) : null;
        var at = new DiaryEvents.Place(LotCodes.Place(location.Gln), VietnamTime.FromLocal(time));
        return (new LotContext(lot, product, location, LotCodes.LotClass(lot.Gtin, lot.LotNumber), at), errors);
    }

    /// <summary>
    /// The last step of every entry on one lot: its note added, its event identified by its hash and checked as the
    /// capture would check it, refused when it repeats an event stored before or one already in the batch (the same
    /// entry twice would count its lot changes twice), then added to the batch with the lot marked changed.
    /// </summary>
    internal async Task<DiaryResult> StageAsync(DiaryBatch batch, LotContext c, EpcisEvent e, string? note, CancellationToken ct)
    {
        DiaryEvents.AddNote(e, note);
        e.EventId ??= EventHash.Compute(e);
        if (batch.Contains(e.EventId))
            return new DiaryResult([new DiaryError("", t["Diary.RecordedTwice"].Value)], e.EventId);
        if (await CheckEventsAsync(batch.OrganizationId, [e], ct) is { } refusal)
            return DiaryResult.Refused([refusal]);
        batch.Add(c.LotClass, e);
        c.Lot.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        return new DiaryResult([], e.EventId, c.Lot.Id);
    }

    /// <summary>Validates the events as the capture API would, then stores them (and the staged lot changes) together.</summary>
    internal async Task<DiaryResult> CaptureEventsAsync(Guid organizationId, List<EpcisEvent> events, Guid? lotId, CancellationToken ct)
    {
        if (await CheckEventsAsync(organizationId, events, ct) is { } refusal)
            return Refused([refusal]);
        return await StoreEventsAsync(organizationId, events, lotId, ct);
    }

    /// <summary>Identifies the events by their hash and validates them; the reason to refuse them, or null.</summary>
    internal async Task<DiaryError?> CheckEventsAsync(Guid organizationId, IReadOnlyList<EpcisEvent> events, CancellationToken ct)
    {
        var problems = new List<EpcisError>();
        for (var i = 0; i < events.Count; i++)
        {
            // The hash is the eventID the capture would give; setting it here lets the caller link to the event.
            events[i].EventId ??= EventHash.Compute(events[i]);
            EpcisEventValidator.Validate(events[i], $"/{i}", problems);
        }
        // The same entry sent twice (a form posted again) has the same hash: the capture would accept it as a
        // repeat, but the lot changes staged with it must not count twice.
        var newIds = events.Where(e => e.ErrorDeclaration is null).Select(e => e.EventId!).ToList();
        if (await db.Events.AnyAsync(e => e.OwnerId == organizationId && newIds.Contains(e.EventId) && !e.HasErrorDeclaration, ct))
            return new DiaryError("", t["Diary.AlreadyRecorded"].Value);
        if (problems.Count > 0)
        {
            logger.LogWarning("A diary entry of {Organization} built an invalid event: {Problems}", organizationId, string.Join("; ", problems));
            return new DiaryError("", t["Diary.EventInvalid", string.Join("; ", problems.Select(p => p.Message))].Value);
        }
        return null;
    }

    /// <summary>Stores checked events in one capture, with the lot changes staged for them.</summary>
    internal async Task<DiaryResult> StoreEventsAsync(Guid organizationId, IReadOnlyList<EpcisEvent> events, Guid? lotId, CancellationToken ct)
    {
        var outcome = await capture.CaptureAsync(organizationId, events, i => $"/{i}", ct, channel: Capture.CaptureChannel.Diary);
        if (!outcome.Success)
            return Refused([new DiaryError("", t["Diary.CaptureRefused", outcome.Errors[0].Message].Value)]);
        return new DiaryResult([], events[^1].EventId, lotId);
    }

    internal DiaryResult Refused(DiaryErrors errors) => Refused(errors.List);

    internal DiaryResult Refused(IReadOnlyList<DiaryError> errors)
    {
        // Nothing an entry staged may be saved by a later SaveChanges of the same request.
        db.ChangeTracker.Clear();
        return DiaryResult.Refused(errors);
    }

    internal static bool IsHarvest(EpcisEvent e) =>
        e.Type == EpcisEventType.ObjectEvent && e.Action == EpcisAction.Add && e.BizStep == DiaryEvents.BizStep("creating_class_instance");

    /// <summary>The business's own events naming a lot, not declared erroneous, in time order.</summary>
    internal async Task<List<EpcisEvent>> OwnEventsAsync(Guid organizationId, string lotClass, CancellationToken ct)
    {
        var naming = db.EventIdentifiers.Where(i => i.Value == lotClass).Select(i => i.TraceabilityEventId);
        var rows = await db.Events
            .Where(e => e.OwnerId == organizationId && naming.Contains(e.Id) && !e.HasErrorDeclaration)
            .Where(e => !db.Events.Any(d => d.OwnerId == e.OwnerId && d.EventId == e.EventId && d.HasErrorDeclaration))
            .OrderBy(e => e.EventTime).Select(e => e.Json).ToListAsync(ct);
        return [.. rows.Select(StoredEventFormat.Deserialize)];
    }

    internal Task<Location?> FindLocationAsync(Guid organizationId, Guid locationId, CancellationToken ct) =>
        db.Locations.FirstOrDefaultAsync(l => l.Id == locationId && l.OrganizationId == organizationId && !l.Archived, ct);
}
