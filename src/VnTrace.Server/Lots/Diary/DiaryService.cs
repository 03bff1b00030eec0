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

/// <summary>
/// Keeps a business's lots and their production diary. Each diary entry becomes one EPCIS 2.0 event (shapes in
/// <see cref="DiaryEvents"/>), checked by the library's validator and stored by <see cref="CaptureService"/>, the
/// path the capture API takes. A lot row the entry creates or changes is saved in the same unit of work as the
/// event (the event writer saves the pending changes with the events; a refused capture clears them), so an entry
/// is stored whole or not at all. Corrections are new events (errorDeclaration), never edits.
/// </summary>
/// <remarks>
/// Used by the lot pages and by the diary import; errors name the entry record's property. The entries on one lot
/// are checked and built by <c>AddAsync</c> into a <see cref="DiaryBatch"/> and stored by <see cref="StoreAsync"/>:
/// a form stores a batch of one (<c>RecordAsync</c>), an import many in one capture, and the import's report runs
/// the same <c>AddAsync</c> and discards the batch, so what the report accepts is what the import stores.
/// </remarks>
public sealed partial class DiaryService(VnTraceDbContext db, CaptureService capture, AuditTrail audit, TimeProvider clock,
    IStringLocalizer<LotText> t, ILogger<DiaryService> logger)
{
    /// <summary>How far ahead of the server's clock a time may be (a phone's clock runs a little fast).</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(10);

    /// <summary>Diary times before this are typing mistakes (0225 for 2025), not old records.</summary>
    public static readonly DateTime EarliestTime = new(2000, 1, 1);

    public const decimal MaxQuantity = 1_000_000_000_000m;
    public const int MaxNote = 500;
    public const int MaxText = 200;

    // ---------------------------------------------------------------- lots

    public async Task<DiaryResult> CreateLotAsync(Guid organizationId, NewLot entry, CancellationToken ct)
    {
        var errors = new DiaryErrors();
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == entry.ProductId && p.OrganizationId == organizationId && !p.Archived, ct);
        if (product is null)
            errors.Add(nameof(NewLot.ProductId), t["Diary.ProductUnknown"]);
        var lotNumber = (entry.LotNumber ?? "").Trim();
        CheckLotNumber(errors, nameof(NewLot.LotNumber), lotNumber);
        if (await FindLocationAsync(organizationId, entry.LocationId, ct) is null)
            errors.Add(nameof(NewLot.LocationId), t["Diary.LocationUnknown"]);
        if (entry.Quantity is { } q)
            CheckQuantity(errors, nameof(NewLot.Quantity), q);
        if (entry.ProductionDate is { } made && entry.ExpiryDate is { } expires && expires < made)
            errors.Add(nameof(NewLot.ExpiryDate), t["Diary.ExpiryBeforeProduction"]);
        CheckNote(errors, nameof(NewLot.Note), entry.Note);
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
            Note = Trimmed(entry.Note),
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

    // ---------------------------------------------------------------- entries on one lot

    public Task<DiaryResult> RecordAsync(Guid organizationId, FarmingInputEntry entry, CancellationToken ct) =>
        RecordOneAsync(organizationId, batch => AddAsync(batch, entry, ct), ct);

    public Task<DiaryResult> RecordAsync(Guid organizationId, HarvestEntry entry, CancellationToken ct) =>
        RecordOneAsync(organizationId, batch => AddAsync(batch, entry, ct), ct);

    public Task<DiaryResult> RecordAsync(Guid organizationId, PackingEntry entry, CancellationToken ct) =>
        RecordOneAsync(organizationId, batch => AddAsync(batch, entry, ct), ct);

    public Task<DiaryResult> RecordAsync(Guid organizationId, StoringEntry entry, CancellationToken ct) =>
        RecordOneAsync(organizationId, batch => AddAsync(batch, entry, ct), ct);

    public Task<DiaryResult> RecordAsync(Guid organizationId, ShippingEntry entry, CancellationToken ct) =>
        RecordOneAsync(organizationId, batch => AddAsync(batch, entry, ct), ct);

    public Task<DiaryResult> RecordAsync(Guid organizationId, RetailSaleEntry entry, CancellationToken ct) =>
        RecordOneAsync(organizationId, batch => AddAsync(batch, entry, ct), ct);

    /// <summary>One entry is a batch of one: checked and built, then stored.</summary>
    private async Task<DiaryResult> RecordOneAsync(Guid organizationId, Func<DiaryBatch, Task<DiaryResult>> add, CancellationToken ct)
    {
        var batch = new DiaryBatch(organizationId);
        var added = await add(batch);
        if (!added.Success)
            return Refused(added.Errors);
        var stored = await StoreAsync(batch, ct);
        return stored.Success ? added : stored;
    }

    /// <summary>
    /// Stores every event of a batch in one capture — one document, all its events or none — with the lot changes
    /// its entries staged. Nothing is stored when the capture refuses (the result says why).
    /// </summary>
    public async Task<DiaryResult> StoreAsync(DiaryBatch batch, CancellationToken ct)
    {
        if (batch.Count == 0)
            return new DiaryResult([]);
        var stored = await StoreEventsAsync(batch.OrganizationId, batch.Events, null, ct);
        batch.Clear();
        return stored;
    }

    /// <summary>
    /// Forgets a batch that was only checked (the report of an import): the lot changes its entries staged are
    /// dropped, so no later save of the request writes them.
    /// </summary>
    public void Discard(DiaryBatch batch)
    {
        batch.Clear();
        db.ChangeTracker.Clear();
    }

    /// <summary>Checks a farming input and adds its event to the batch; nothing is stored yet.</summary>
    public async Task<DiaryResult> AddAsync(DiaryBatch batch, FarmingInputEntry entry, CancellationToken ct)
    {
        var (c, errors) = await LoadAsync(batch.OrganizationId, entry.LotId, entry.LocationId, entry.Time, entry.Note, ct);
        if (!Enum.IsDefined(entry.Kind))
            errors.Add(nameof(entry.Kind), t["Diary.KindUnknown"]);
        CheckText(errors, nameof(entry.InputName), entry.InputName, MaxText, required: true);
        if (entry.Dose <= 0 || entry.Dose >= MaxQuantity)
            errors.Add(nameof(entry.Dose), t["Diary.QuantityPositive"]);
        CheckText(errors, nameof(entry.DoseUnit), entry.DoseUnit, 30, required: true);
        if (entry.PreHarvestIntervalDays is < 0 or > 365)
            errors.Add(nameof(entry.PreHarvestIntervalDays), t["Diary.PreHarvestIntervalRange"]);
        if (c is null || errors.Any)
            return DiaryResult.Refused(errors.List);
        var e = DiaryEvents.FarmingInput(c.At, c.LotClass, entry.Kind, entry.InputName, entry.Dose, entry.DoseUnit, entry.PreHarvestIntervalDays);
        return await StageAsync(batch, c, e, entry.Note, ct);
    }

    /// <summary>
    /// Checks a harvest — against the pre-harvest intervals of the inputs stored or already in the batch — and adds
    /// its event to the batch, staging the lot's new quantity; nothing is stored yet.
    /// </summary>
    public async Task<DiaryResult> AddAsync(DiaryBatch batch, HarvestEntry entry, CancellationToken ct)
    {
        var organizationId = batch.OrganizationId;
        var (c, errors) = await LoadAsync(organizationId, entry.LotId, entry.LocationId, entry.Time, entry.Note, ct);
        CheckQuantity(errors, nameof(entry.Quantity), entry.Quantity);
        if (c is null || errors.Any)
            return DiaryResult.Refused(errors.List);

        // Thời gian cách ly: no harvest before the pre-harvest interval of any input applied to this crop has passed.
        var earlier = (await OwnEventsAsync(organizationId, c.LotClass, ct)).Concat(batch.EventsOf(c.LotClass)).OrderBy(e => e.EventTime).ToList();
        foreach (var input in earlier.Where(x => x.BizStep == DiaryEvents.FarmingInputStep))
        {
            if (!int.TryParse(DiaryEvents.Extension(input, "preHarvestIntervalDays", "farmingInput"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var days))
                continue;
            var safeFrom = input.EventTime.AddDays(days);
            if (c.At.Time < safeFrom)
                errors.Add(nameof(entry.Time), t["Diary.InsidePreHarvestInterval", DiaryEvents.Extension(input, "name", "farmingInput") ?? "",
                    VietnamTime.Display(input.EventTime), days, VietnamTime.Display(safeFrom)]);
        }
        if (errors.Any)
            return DiaryResult.Refused(errors.List);

        var uom = c.Uom(entry.Unit);
        var e = DiaryEvents.Harvest(c.At, c.LotClass, entry.Quantity, uom, c.Lot.ExpiryDate, c.Location.PlantingAreaCode);
        var staged = await StageAsync(batch, c, e, entry.Note, ct);
        if (!staged.Success)
            return staged;
        // The lot's quantity is what was harvested: the first harvest replaces the estimate given at creation.
        var harvestedBefore = earlier.Any(IsHarvest);
        c.Lot.Quantity = harvestedBefore ? (c.Lot.Quantity ?? 0) + entry.Quantity : entry.Quantity;
        c.Lot.Unit ??= entry.Unit ?? c.Product?.Unit;
        c.Lot.ProductionDate ??= DateOnly.FromDateTime(c.At.Time.DateTime);
        return staged;
    }

    /// <summary>Checks a packing entry and adds its event to the batch; nothing is stored yet.</summary>
    public async Task<DiaryResult> AddAsync(DiaryBatch batch, PackingEntry entry, CancellationToken ct)
    {
        var (c, errors) = await LoadAsync(batch.OrganizationId, entry.LotId, entry.LocationId, entry.Time, entry.Note, ct);
        CheckQuantity(errors, nameof(entry.Quantity), entry.Quantity);
        CheckText(errors, nameof(entry.Packaging), entry.Packaging, MaxText, required: false);
        if (entry.PackageCount is < 1 or > 10_000_000)
            errors.Add(nameof(entry.PackageCount), t["Diary.QuantityPositive"]);
        if (c is null || errors.Any)
            return DiaryResult.Refused(errors.List);
        var e = DiaryEvents.Packing(c.At, c.LotClass, entry.Quantity, c.Uom(entry.Unit), entry.Packaging, entry.PackageCount);
        return await StageAsync(batch, c, e, entry.Note, ct);
    }

    /// <summary>Checks a storing entry and adds its event to the batch; nothing is stored yet.</summary>
    public async Task<DiaryResult> AddAsync(DiaryBatch batch, StoringEntry entry, CancellationToken ct)
    {
        var (c, errors) = await LoadAsync(batch.OrganizationId, entry.LotId, entry.LocationId, entry.Time, entry.Note, ct);
        if (entry.Quantity is { } q)
            CheckQuantity(errors, nameof(entry.Quantity), q);
        if (c is null || errors.Any)
            return DiaryResult.Refused(errors.List);
        var e = DiaryEvents.Storing(c.At, c.LotClass, entry.Quantity, c.Uom(entry.Unit));
        return await StageAsync(batch, c, e, entry.Note, ct);
    }

    /// <summary>Checks a shipping entry and adds its event to the batch; nothing is stored yet.</summary>
    public async Task<DiaryResult> AddAsync(DiaryBatch batch, ShippingEntry entry, CancellationToken ct)
    {
        var organizationId = batch.OrganizationId;
        var (c, errors) = await LoadAsync(organizationId, entry.LotId, entry.LocationId, entry.Time, entry.Note, ct);
        CheckQuantity(errors, nameof(entry.Quantity), entry.Quantity);
        var organization = await db.Organizations.FirstAsync(o => o.Id == organizationId, ct);
        if (organization.Gln is null)
            errors.Add("", t["Diary.OrganizationHasNoGln"]);
        var partner = ReadGln(errors, nameof(entry.PartnerGln), entry.PartnerGln, required: true);
        if (partner is not null && partner == organization.Gln)
            errors.Add(nameof(entry.PartnerGln), t["Diary.ShipToSelf"]);
        var partnerLocation = ReadGln(errors, nameof(entry.PartnerLocationGln), entry.PartnerLocationGln, required: false);
        var despatch = (entry.DespatchAdvice ?? "").Trim();
        if (despatch.Length == 0)
            despatch = "DA-" + VietnamTime.Now(clock).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        else if (!DocumentNumber().IsMatch(despatch))
            errors.Add(nameof(entry.DespatchAdvice), t["Diary.DespatchAdviceInvalid"]);
        if (c is null || errors.Any)
            return DiaryResult.Refused(errors.List);
        var e = DiaryEvents.Shipping(c.At, c.LotClass, entry.Quantity, c.Uom(entry.Unit), organization.Gln!, c.Location.Gln,
            partner!, partnerLocation, despatch);
        return await StageAsync(batch, c, e, entry.Note, ct);
    }

    /// <summary>Checks a retail sale and adds its event to the batch; nothing is stored yet.</summary>
    public async Task<DiaryResult> AddAsync(DiaryBatch batch, RetailSaleEntry entry, CancellationToken ct)
    {
        var (c, errors) = await LoadAsync(batch.OrganizationId, entry.LotId, entry.LocationId, entry.Time, entry.Note, ct);
        CheckQuantity(errors, nameof(entry.Quantity), entry.Quantity);
        if (c is null || errors.Any)
            return DiaryResult.Refused(errors.List);
        var e = DiaryEvents.RetailSale(c.At, c.LotClass, entry.Quantity, c.Uom(entry.Unit));
        return await StageAsync(batch, c, e, entry.Note, ct);
    }

    // ---------------------------------------------------------------- processing

    public async Task<DiaryResult> ProcessAsync(Guid organizationId, ProcessingEntry entry, CancellationToken ct)
    {
        var errors = new DiaryErrors();
        var inputs = entry.Inputs ?? [];
        if (inputs.Count == 0)
            errors.Add(nameof(entry.Inputs), t["Diary.NoInputs"]);
        var ids = inputs.Select(i => i.LotId).ToList();
        // Only the business's own lots: another business's lot id finds nothing here, exactly like an unknown one.
        var lots = await db.Lots.AsTracking().Where(l => ids.Contains(l.Id) && l.OrganizationId == organizationId).ToListAsync(ct);
        for (var i = 0; i < inputs.Count; i++)
        {
            var field = $"{nameof(entry.Inputs)}[{i}]";
            var lot = lots.FirstOrDefault(l => l.Id == inputs[i].LotId);
            if (lot is null)
                errors.Add(field, t["Diary.InputLotNotYours"]);
            else if (lot.Status == LotStatus.Closed)
                errors.Add(field, t["Diary.InputLotClosed", lot.LotNumber]);
            else if (ids.IndexOf(lot.Id) != i)
                errors.Add(field, t["Diary.InputLotTwice", lot.LotNumber]);
            CheckQuantity(errors, field, inputs[i].Quantity);
        }
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == entry.OutputProductId && p.OrganizationId == organizationId && !p.Archived, ct);
        if (product is null)
            errors.Add(nameof(entry.OutputProductId), t["Diary.ProductUnknown"]);
        var lotNumber = (entry.OutputLotNumber ?? "").Trim();
        CheckLotNumber(errors, nameof(entry.OutputLotNumber), lotNumber);
        if (product is not null && !errors.Has(nameof(entry.OutputLotNumber))
            && await db.Lots.AnyAsync(l => l.OrganizationId == organizationId && l.Gtin == product.Gtin && l.LotNumber == lotNumber, ct))
            errors.Add(nameof(entry.OutputLotNumber), t["Diary.LotNumberTaken", lotNumber]);
        CheckQuantity(errors, nameof(entry.OutputQuantity), entry.OutputQuantity);
        var location = await FindLocationAsync(organizationId, entry.LocationId, ct);
        if (location is null)
            errors.Add(nameof(entry.LocationId), t["Diary.LocationUnknown"]);
        CheckTime(errors, nameof(entry.Time), entry.Time);
        if (entry.ExpiryDate is { } expiry && entry.Time != default && expiry < DateOnly.FromDateTime(entry.Time))
            errors.Add(nameof(entry.ExpiryDate), t["Diary.ExpiryBeforeProduction"]);
        CheckNote(errors, nameof(entry.Note), entry.Note);
        if (errors.Any)
            return Refused(errors);

        var productIds = lots.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).ToList();
        var inputUnits = await db.Products.Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Unit, ct);
        var at = new DiaryEvents.Place(LotCodes.Place(location!.Gln), VietnamTime.FromLocal(entry.Time));
        var outputClass = LotCodes.LotClass(product!.Gtin, lotNumber);
        var e = DiaryEvents.Processing(at,
            inputs.Select(i =>
            {
                var lot = lots.First(l => l.Id == i.LotId);
                var unit = i.Unit ?? lot.Unit ?? (lot.ProductId is { } p ? inputUnits.GetValueOrDefault(p) : null);
                return (LotCodes.LotClass(lot.Gtin, lot.LotNumber), i.Quantity, QuantityUnits.Rec20(unit));
            }),
            outputClass, entry.OutputQuantity, QuantityUnits.Rec20(entry.OutputUnit ?? product.Unit), entry.ExpiryDate);

        var now = clock.GetUtcNow().UtcDateTime;
        var output = new Lot
        {
            OrganizationId = organizationId,
            Gtin = product.Gtin,
            LotNumber = lotNumber,
            ProductId = product.Id,
            LocationId = location.Id,
            Quantity = entry.OutputQuantity,
            Unit = entry.OutputUnit ?? product.Unit,
            ProductionDate = DateOnly.FromDateTime(entry.Time),
            ExpiryDate = entry.ExpiryDate,
            CreatedAt = now,
            UpdatedAt = now,
        };
        // Staged now, saved by the capture with the event; a refused capture clears it (no lot without its event).
        db.Lots.Add(output);
        audit.Record("lot.create", nameof(Lot), output.Id, new { output.Gtin, output.LotNumber, origin = "Processed" }, organizationId);
        foreach (var lot in lots)
            lot.UpdatedAt = now;
        DiaryEvents.AddNote(e, entry.Note);
        return await CaptureEventsAsync(organizationId, [e], output.Id, ct);
    }

    // ---------------------------------------------------------------- shared steps

    private sealed record LotContext(Lot Lot, Product? Product, Location Location, string LotClass, DiaryEvents.Place At)
    {
        /// <summary>The Rec 20 uom of a quantity: the entry's unit, else the lot's, else its product's.</summary>
        public string? Uom(string? unit) => QuantityUnits.Rec20(unit ?? Lot.Unit ?? Product?.Unit);
    }

    /// <summary>The business's lot (tracked, for the changes the entry makes), location and the event's where and when.</summary>
    private async Task<(LotContext? Context, DiaryErrors Errors)> LoadAsync(Guid organizationId, Guid lotId, Guid locationId,
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
        CheckTime(errors, "Time", time);
        CheckNote(errors, "Note", note);
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
    private async Task<DiaryResult> StageAsync(DiaryBatch batch, LotContext c, EpcisEvent e, string? note, CancellationToken ct)
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
    private async Task<DiaryResult> CaptureEventsAsync(Guid organizationId, List<EpcisEvent> events, Guid? lotId, CancellationToken ct)
    {
        if (await CheckEventsAsync(organizationId, events, ct) is { } refusal)
            return Refused([refusal]);
        return await StoreEventsAsync(organizationId, events, lotId, ct);
    }

    /// <summary>Identifies the events by their hash and validates them; the reason to refuse them, or null.</summary>
    private async Task<DiaryError?> CheckEventsAsync(Guid organizationId, IReadOnlyList<EpcisEvent> events, CancellationToken ct)
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
    private async Task<DiaryResult> StoreEventsAsync(Guid organizationId, IReadOnlyList<EpcisEvent> events, Guid? lotId, CancellationToken ct)
    {
        var outcome = await capture.CaptureAsync(organizationId, events, i => $"/{i}", ct);
        if (!outcome.Success)
            return Refused([new DiaryError("", t["Diary.CaptureRefused", outcome.Errors[0].Message].Value)]);
        return new DiaryResult([], events[^1].EventId, lotId);
    }

    private DiaryResult Refused(DiaryErrors errors) => Refused(errors.List);

    private DiaryResult Refused(IReadOnlyList<DiaryError> errors)
    {
        // Nothing an entry staged may be saved by a later SaveChanges of the same request.
        db.ChangeTracker.Clear();
        return DiaryResult.Refused(errors);
    }

    private static bool IsHarvest(EpcisEvent e) =>
        e.Type == EpcisEventType.ObjectEvent && e.Action == EpcisAction.Add && e.BizStep == DiaryEvents.BizStep("creating_class_instance");

    /// <summary>The business's own events naming a lot, not declared erroneous, in time order.</summary>
    private async Task<List<EpcisEvent>> OwnEventsAsync(Guid organizationId, string lotClass, CancellationToken ct)
    {
        var naming = db.EventIdentifiers.Where(i => i.Value == lotClass).Select(i => i.TraceabilityEventId);
        var rows = await db.Events
            .Where(e => e.OwnerId == organizationId && naming.Contains(e.Id) && !e.HasErrorDeclaration)
            .Where(e => !db.Events.Any(d => d.OwnerId == e.OwnerId && d.EventId == e.EventId && d.HasErrorDeclaration))
            .OrderBy(e => e.EventTime).Select(e => e.Json).ToListAsync(ct);
        return [.. rows.Select(StoredEventFormat.Deserialize)];
    }

    private Task<Location?> FindLocationAsync(Guid organizationId, Guid locationId, CancellationToken ct) =>
        db.Locations.FirstOrDefaultAsync(l => l.Id == locationId && l.OrganizationId == organizationId && !l.Archived, ct);

    private void CheckLotNumber(DiaryErrors errors, string field, string lotNumber)
    {
        if (lotNumber.Length == 0)
        {
            errors.Add(field, t["Diary.LotNumberRequired"]);
            return;
        }
        if (LotCodes.CheckLotNumber(lotNumber) is not { } problem)
            return;
        if (lotNumber.Length > 20)
            errors.Add(field, t["Diary.LotNumberTooLong", lotNumber.Length]);
        else if (problem.Position < lotNumber.Length)
            errors.Add(field, t["Diary.LotNumberCharacter", lotNumber[problem.Position], problem.Position + 1]);
        else
            errors.Add(field, t["Diary.LotNumberInvalid", problem.Message]);
    }

    private void CheckTime(DiaryErrors errors, string field, DateTime local)
    {
        if (local == default)
        {
            errors.Add(field, t["Diary.TimeRequired"]);
            return;
        }
        if (local < EarliestTime)
            errors.Add(field, t["Diary.TimeTooEarly"]);
        else if (VietnamTime.FromLocal(local) > clock.GetUtcNow() + FutureTolerance)
            errors.Add(field, t["Diary.TimeInFuture", VietnamTime.Display(clock.GetUtcNow())]);
    }

    private void CheckQuantity(DiaryErrors errors, string field, decimal quantity)
    {
        if (quantity <= 0)
            errors.Add(field, t["Diary.QuantityPositive"]);
        else if (quantity >= MaxQuantity)
            errors.Add(field, t["Diary.QuantityTooLarge"]);
    }

    private void CheckNote(DiaryErrors errors, string field, string? note) => CheckText(errors, field, note, MaxNote, required: false);

    private void CheckText(DiaryErrors errors, string field, string? text, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
                errors.Add(field, t["Diary.Required"]);
            return;
        }
        if (text.Trim().Length > max)
            errors.Add(field, t["Diary.TooLong", max]);
    }

    /// <summary>A GLN from "8930000000017" or "Name (8930000000017)"; the check digit is checked.</summary>
    private string? ReadGln(DiaryErrors errors, string field, string? input, bool required)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            if (required)
                errors.Add(field, t["Diary.Required"]);
            return null;
        }
        var digits = ThirteenDigits().Matches(input);
        if (digits.Count == 0)
        {
            errors.Add(field, t["Diary.GlnFormat"]);
            return null;
        }
        if (!Gln.TryParse(digits[^1].Value, out var gln, out _))
        {
            errors.Add(field, t["Diary.GlnCheckDigit", digits[^1].Value]);
            return null;
        }
        return gln.ToString();
    }

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex(@"(?<!\d)\d{13}(?!\d)")]
    private static partial Regex ThirteenDigits();

    /// <summary>A document number safe inside a bt URN: letters, digits, - . _ /, up to 35 characters (EDIFACT an..35).</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._/\-]{0,34}$")]
    private static partial Regex DocumentNumber();
}
