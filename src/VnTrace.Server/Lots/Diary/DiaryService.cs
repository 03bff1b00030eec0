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
/// Records the production diary on a business's lots (lots themselves: <see cref="LotLifecycle"/>). Each diary entry becomes one EPCIS 2.0 event (shapes in
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
public sealed class DiaryService(VnTraceDbContext db, DiaryStore store, DiaryChecks checks, AuditTrail audit, TimeProvider clock,
    IStringLocalizer<LotText> t)
{
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
            return store.Refused(added.Errors);
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
        var stored = await store.StoreEventsAsync(batch.OrganizationId, batch.Events, null, ct);
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
        var (c, errors) = await store.LoadAsync(batch.OrganizationId, entry.LotId, entry.LocationId, entry.Time, entry.Note, ct);
        if (!Enum.IsDefined(entry.Kind))
            errors.Add(nameof(entry.Kind), t["Diary.KindUnknown"]);
        checks.CheckText(errors, nameof(entry.InputName), entry.InputName, DiaryChecks.MaxText, required: true);
        if (entry.Dose <= 0 || entry.Dose >= DiaryChecks.MaxQuantity)
            errors.Add(nameof(entry.Dose), t["Diary.QuantityPositive"]);
        checks.CheckText(errors, nameof(entry.DoseUnit), entry.DoseUnit, 30, required: true);
        if (entry.PreHarvestIntervalDays is < 0 or > 365)
            errors.Add(nameof(entry.PreHarvestIntervalDays), t["Diary.PreHarvestIntervalRange"]);
        if (c is null || errors.Any)
            return DiaryResult.Refused(errors.List);
        var e = DiaryEvents.FarmingInput(c.At, c.LotClass, entry.Kind, entry.InputName, entry.Dose, entry.DoseUnit, entry.PreHarvestIntervalDays);
        return await store.StageAsync(batch, c, e, entry.Note, ct);
    }

    /// <summary>
    /// Checks a harvest — against the pre-harvest intervals of the inputs stored or already in the batch — and adds
    /// its event to the batch, staging the lot's new quantity; nothing is stored yet.
    /// </summary>
    public async Task<DiaryResult> AddAsync(DiaryBatch batch, HarvestEntry entry, CancellationToken ct)
    {
        var organizationId = batch.OrganizationId;
        var (c, errors) = await store.LoadAsync(organizationId, entry.LotId, entry.LocationId, entry.Time, entry.Note, ct);
        checks.CheckQuantity(errors, nameof(entry.Quantity), entry.Quantity);
        if (c is null || errors.Any)
            return DiaryResult.Refused(errors.List);

        // Thời gian cách ly: no harvest before the pre-harvest interval of any input applied to this crop has passed.
        var earlier = (await store.OwnEventsAsync(organizationId, c.LotClass, ct)).Concat(batch.EventsOf(c.LotClass)).OrderBy(e => e.EventTime).ToList();
        if (LotChronology.Of(c.LotClass, earlier, c.Lot).Consumed is { } consumed && c.At.Time > consumed)
            errors.Add(nameof(entry.Time), t["Diary.HarvestAfterConsumed", VietnamTime.Display(consumed)]);
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
        var staged = await store.StageAsync(batch, c, e, entry.Note, ct);
        if (!staged.Success)
            return staged;
        // The lot's quantity is what was harvested: the first harvest replaces the estimate given at creation.
        var harvestedBefore = earlier.Any(DiaryStore.IsHarvest);
        c.Lot.Quantity = harvestedBefore ? (c.Lot.Quantity ?? 0) + entry.Quantity : entry.Quantity;
        c.Lot.Unit ??= entry.Unit ?? c.Product?.Unit;
        c.Lot.ProductionDate ??= DateOnly.FromDateTime(c.At.Time.DateTime);
        return staged;
    }

    /// <summary>Checks a packing entry and adds its event to the batch; nothing is stored yet.</summary>
    public async Task<DiaryResult> AddAsync(DiaryBatch batch, PackingEntry entry, CancellationToken ct)
    {
        var (c, errors) = await store.LoadAsync(batch.OrganizationId, entry.LotId, entry.LocationId, entry.Time, entry.Note, ct);
        checks.CheckQuantity(errors, nameof(entry.Quantity), entry.Quantity);
        checks.CheckText(errors, nameof(entry.Packaging), entry.Packaging, DiaryChecks.MaxText, required: false);
        if (entry.PackageCount is < 1 or > 10_000_000)
            errors.Add(nameof(entry.PackageCount), t["Diary.QuantityPositive"]);
        if (c is null || errors.Any)
            return DiaryResult.Refused(errors.List);
        if (await NotBeforeTheLotAsync(batch, c, ct) is { } early)
            return DiaryResult.Refused([early]);
        var e = DiaryEvents.Packing(c.At, c.LotClass, entry.Quantity, c.Uom(entry.Unit), entry.Packaging, entry.PackageCount);
        return await store.StageAsync(batch, c, e, entry.Note, ct);
    }

    /// <summary>Checks a storing entry and adds its event to the batch; nothing is stored yet.</summary>
    public async Task<DiaryResult> AddAsync(DiaryBatch batch, StoringEntry entry, CancellationToken ct)
    {
        var (c, errors) = await store.LoadAsync(batch.OrganizationId, entry.LotId, entry.LocationId, entry.Time, entry.Note, ct);
        if (entry.Quantity is { } q)
            checks.CheckQuantity(errors, nameof(entry.Quantity), q);
        if (c is null || errors.Any)
            return DiaryResult.Refused(errors.List);
        if (await NotBeforeTheLotAsync(batch, c, ct) is { } early)
            return DiaryResult.Refused([early]);
        var e = DiaryEvents.Storing(c.At, c.LotClass, entry.Quantity, c.Uom(entry.Unit));
        return await store.StageAsync(batch, c, e, entry.Note, ct);
    }

    /// <summary>Checks a shipping entry and adds its event to the batch; nothing is stored yet.</summary>
    public async Task<DiaryResult> AddAsync(DiaryBatch batch, ShippingEntry entry, CancellationToken ct)
    {
        var organizationId = batch.OrganizationId;
        var (c, errors) = await store.LoadAsync(organizationId, entry.LotId, entry.LocationId, entry.Time, entry.Note, ct);
        checks.CheckQuantity(errors, nameof(entry.Quantity), entry.Quantity);
        var organization = await db.Organizations.FirstAsync(o => o.Id == organizationId, ct);
        if (organization.Gln is null)
            errors.Add("", t["Diary.OrganizationHasNoGln"]);
        var partner = checks.ReadGln(errors, nameof(entry.PartnerGln), entry.PartnerGln, required: true);
        if (partner is not null && partner == organization.Gln)
            errors.Add(nameof(entry.PartnerGln), t["Diary.ShipToSelf"]);
        var partnerLocation = checks.ReadGln(errors, nameof(entry.PartnerLocationGln), entry.PartnerLocationGln, required: false);
        var despatch = (entry.DespatchAdvice ?? "").Trim();
        if (despatch.Length == 0)
            despatch = "DA-" + VietnamTime.Now(clock).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        else if (!DiaryChecks.DocumentNumber().IsMatch(despatch))
            errors.Add(nameof(entry.DespatchAdvice), t["Diary.DespatchAdviceInvalid"]);
        if (c is null || errors.Any)
            return DiaryResult.Refused(errors.List);
        if (await NotBeforeTheLotAsync(batch, c, ct) is { } early)
            return DiaryResult.Refused([early]);
        var e = DiaryEvents.Shipping(c.At, c.LotClass, entry.Quantity, c.Uom(entry.Unit), organization.Gln!, c.Location.Gln,
            partner!, partnerLocation, despatch);
        return await store.StageAsync(batch, c, e, entry.Note, ct);
    }

    /// <summary>Checks a retail sale and adds its event to the batch; nothing is stored yet.</summary>
    public async Task<DiaryResult> AddAsync(DiaryBatch batch, RetailSaleEntry entry, CancellationToken ct)
    {
        var (c, errors) = await store.LoadAsync(batch.OrganizationId, entry.LotId, entry.LocationId, entry.Time, entry.Note, ct);
        checks.CheckQuantity(errors, nameof(entry.Quantity), entry.Quantity);
        if (c is null || errors.Any)
            return DiaryResult.Refused(errors.List);
        if (await NotBeforeTheLotAsync(batch, c, ct) is { } early)
            return DiaryResult.Refused([early]);
        var e = DiaryEvents.RetailSale(c.At, c.LotClass, entry.Quantity, c.Uom(entry.Unit));
        return await store.StageAsync(batch, c, e, entry.Note, ct);
    }

    /// <summary>
    /// Refuses an entry dated before its lot began (harvest, processing, receiving or production date: issue 12,
    /// item 13), reading the lot's own events stored and those already in the batch.
    /// </summary>
    private async Task<DiaryError?> NotBeforeTheLotAsync(DiaryBatch batch, DiaryStore.LotContext c, CancellationToken ct)
    {
        var events = (await store.OwnEventsAsync(batch.OrganizationId, c.LotClass, ct)).Concat(batch.EventsOf(c.LotClass));
        var chronology = LotChronology.Of(c.LotClass, events, c.Lot);
        return chronology.IsBeforeBeginning(c.At.Time)
            ? new DiaryError("Time", t["Diary.BeforeLotBegan", VietnamTime.Display(chronology.Began!.Value), t["LotBeginning." + chronology.How]].Value)
            : null;
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
            checks.CheckQuantity(errors, field, inputs[i].Quantity);
        }
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == entry.OutputProductId && p.OrganizationId == organizationId && !p.Archived, ct);
        if (product is null)
            errors.Add(nameof(entry.OutputProductId), t["Diary.ProductUnknown"]);
        var lotNumber = (entry.OutputLotNumber ?? "").Trim();
        checks.CheckLotNumber(errors, nameof(entry.OutputLotNumber), lotNumber);
        if (product is not null && !errors.Has(nameof(entry.OutputLotNumber))
            && await db.Lots.AnyAsync(l => l.OrganizationId == organizationId && l.Gtin == product.Gtin && l.LotNumber == lotNumber, ct))
            errors.Add(nameof(entry.OutputLotNumber), t["Diary.LotNumberTaken", lotNumber]);
        checks.CheckQuantity(errors, nameof(entry.OutputQuantity), entry.OutputQuantity);
        var location = await store.FindLocationAsync(organizationId, entry.LocationId, ct);
        if (location is null)
            errors.Add(nameof(entry.LocationId), t["Diary.LocationUnknown"]);
        checks.CheckTime(errors, nameof(entry.Time), entry.Time);
        if (entry.Time != default)
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                if (lots.FirstOrDefault(l => l.Id == inputs[i].LotId) is not { } input)
                    continue;
                var inputClass = LotCodes.LotClass(input.Gtin, input.LotNumber);
                var chronology = LotChronology.Of(inputClass, await store.OwnEventsAsync(organizationId, inputClass, ct), input);
                if (chronology.IsBeforeBeginning(VietnamTime.FromLocal(entry.Time)))
                    errors.Add($"{nameof(entry.Inputs)}[{i}]", t["Diary.InputBeforeLotBegan", input.LotNumber,
                        VietnamTime.Display(chronology.Began!.Value), t["LotBeginning." + chronology.How]]);
            }
        }
        if (entry.ExpiryDate is { } expiry && entry.Time != default && expiry < DateOnly.FromDateTime(entry.Time))
            errors.Add(nameof(entry.ExpiryDate), t["Diary.ExpiryBeforeProduction"]);
        checks.CheckNote(errors, nameof(entry.Note), entry.Note);
        if (errors.Any)
            return store.Refused(errors);

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
        return await store.CaptureEventsAsync(organizationId, [e], output.Id, ct);
    }
}
