using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Cbv;
using VnTrace.Gs1.Epcis.Hashing;
using VnTrace.Gs1.Epcis.Validation;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Audit;
using VnTrace.Server.Capture;
using VnTrace.Server.Data;
using VnTrace.Server.Events;
using VnTrace.Server.Identity;
using VnTrace.Server.Trace;
using VnTrace.Server.Workspace.Locations;
using VnTrace.Server.Workspace.Products;

namespace VnTrace.Server.Workspace.Lots.Diary;

/// <summary>
/// Keeps a business's lots and their production diary. Each diary entry becomes one EPCIS 2.0 event (shapes in
/// <see cref="DiaryEvents"/>), checked by the library's validator and stored by <see cref="CaptureService"/>, the
/// path the capture API takes. A lot row the entry creates or changes is saved in the same unit of work as the
/// event (the event writer saves the pending changes with the events; a refused capture clears them), so an entry
/// is stored whole or not at all. Corrections are new events (errorDeclaration), never edits.
/// </summary>
/// <remarks>Used by the lot pages and by the diary import; errors name the entry record's property.</remarks>
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

    public async Task<DiaryResult> CloseLotAsync(Guid organizationId, Guid lotId, CancellationToken ct)
    {
        var lot = await db.Lots.AsTracking().FirstOrDefaultAsync(l => l.Id == lotId && l.OrganizationId == organizationId, ct);
        if (lot is null)
            return DiaryResult.Refused([new DiaryError("LotId", t["Diary.LotUnknown"])]);
        if (lot.Status != LotStatus.Closed)
        {
            lot.Status = LotStatus.Closed;
            lot.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            audit.Record("lot.close", nameof(Lot), lot.Id, new { lot.Gtin, lot.LotNumber }, organizationId);
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

    // ---------------------------------------------------------------- entries on one lot

    public async Task<DiaryResult> RecordAsync(Guid organizationId, FarmingInputEntry entry, CancellationToken ct)
    {
        var (c, errors) = await LoadAsync(organizationId, entry.LotId, entry.LocationId, entry.Time, entry.Note, ct);
        if (!Enum.IsDefined(entry.Kind))
            errors.Add(nameof(entry.Kind), t["Diary.KindUnknown"]);
        CheckText(errors, nameof(entry.InputName), entry.InputName, MaxText, required: true);
        if (entry.Dose <= 0 || entry.Dose >= MaxQuantity)
            errors.Add(nameof(entry.Dose), t["Diary.QuantityPositive"]);
        CheckText(errors, nameof(entry.DoseUnit), entry.DoseUnit, 30, required: true);
        if (entry.PreHarvestIntervalDays is < 0 or > 365)
            errors.Add(nameof(entry.PreHarvestIntervalDays), t["Diary.PreHarvestIntervalRange"]);
        if (c is null || errors.Any)
            return Refused(errors);
        var e = DiaryEvents.FarmingInput(c.At, c.LotClass, entry.Kind, entry.InputName, entry.Dose, entry.DoseUnit, entry.PreHarvestIntervalDays);
        return await CaptureAsync(organizationId, c, e, entry.Note, ct);
    }

    public async Task<DiaryResult> RecordAsync(Guid organizationId, HarvestEntry entry, CancellationToken ct)
    {
        var (c, errors) = await LoadAsync(organizationId, entry.LotId, entry.LocationId, entry.Time, entry.Note, ct);
        CheckQuantity(errors, nameof(entry.Quantity), entry.Quantity);
        if (c is null || errors.Any)
            return Refused(errors);

        // Thời gian cách ly: no harvest before the pre-harvest interval of any input applied to this crop has passed.
        var earlier = await OwnEventsAsync(organizationId, c.LotClass, ct);
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
            return Refused(errors);

        var uom = c.Uom(entry.Unit);
        var e = DiaryEvents.Harvest(c.At, c.LotClass, entry.Quantity, uom, c.Lot.ExpiryDate, c.Location.PlantingAreaCode);
        // The lot's quantity is what was harvested: the first harvest replaces the estimate given at creation.
        var harvestedBefore = earlier.Any(IsHarvest);
        c.Lot.Quantity = harvestedBefore ? (c.Lot.Quantity ?? 0) + entry.Quantity : entry.Quantity;
        c.Lot.Unit ??= entry.Unit ?? c.Product?.Unit;
        c.Lot.ProductionDate ??= DateOnly.FromDateTime(c.At.Time.DateTime);
        return await CaptureAsync(organizationId, c, e, entry.Note, ct);
    }

    public async Task<DiaryResult> RecordAsync(Guid organizationId, PackingEntry entry, CancellationToken ct)
    {
        var (c, errors) = await LoadAsync(organizationId, entry.LotId, entry.LocationId, entry.Time, entry.Note, ct);
        CheckQuantity(errors, nameof(entry.Quantity), entry.Quantity);
        CheckText(errors, nameof(entry.Packaging), entry.Packaging, MaxText, required: false);
        if (entry.PackageCount is < 1 or > 10_000_000)
            errors.Add(nameof(entry.PackageCount), t["Diary.QuantityPositive"]);
        if (c is null || errors.Any)
            return Refused(errors);
        var e = DiaryEvents.Packing(c.At, c.LotClass, entry.Quantity, c.Uom(entry.Unit), entry.Packaging, entry.PackageCount);
        return await CaptureAsync(organizationId, c, e, entry.Note, ct);
    }

    public async Task<DiaryResult> RecordAsync(Guid organizationId, StoringEntry entry, CancellationToken ct)
    {
        var (c, errors) = await LoadAsync(organizationId, entry.LotId, entry.LocationId, entry.Time, entry.Note, ct);
        if (entry.Quantity is { } q)
            CheckQuantity(errors, nameof(entry.Quantity), q);
        if (c is null || errors.Any)
            return Refused(errors);
        var e = DiaryEvents.Storing(c.At, c.LotClass, entry.Quantity, c.Uom(entry.Unit));
        return await CaptureAsync(organizationId, c, e, entry.Note, ct);
    }

    public async Task<DiaryResult> RecordAsync(Guid organizationId, ShippingEntry entry, CancellationToken ct)
    {
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
            return Refused(errors);
        var e = DiaryEvents.Shipping(c.At, c.LotClass, entry.Quantity, c.Uom(entry.Unit), organization.Gln!, c.Location.Gln,
            partner!, partnerLocation, despatch);
        return await CaptureAsync(organizationId, c, e, entry.Note, ct);
    }

    public async Task<DiaryResult> RecordAsync(Guid organizationId, RetailSaleEntry entry, CancellationToken ct)
    {
        var (c, errors) = await LoadAsync(organizationId, entry.LotId, entry.LocationId, entry.Time, entry.Note, ct);
        CheckQuantity(errors, nameof(entry.Quantity), entry.Quantity);
        if (c is null || errors.Any)
            return Refused(errors);
        var e = DiaryEvents.RetailSale(c.At, c.LotClass, entry.Quantity, c.Uom(entry.Unit));
        return await CaptureAsync(organizationId, c, e, entry.Note, ct);
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

    // ---------------------------------------------------------------- receiving

    /// <summary>
    /// The partners' shipping events for a typed or scanned code whose destination is this business's party, newest
    /// first: the events a partner shared by naming us (Trace/TraceVisibility), none of our own, none declared erroneous.
    /// </summary>
    public async Task<ShipmentSearch> FindShipmentsAsync(Guid organizationId, string code, CancellationToken ct)
    {
        var organization = await db.Organizations.FirstAsync(o => o.Id == organizationId, ct);
        if (organization.Gln is null)
            return new ShipmentSearch([], t["Diary.OrganizationHasNoGln"]);
        var scanned = LotCodes.ReadScannedCode(code ?? "");
        if (scanned.Identifier is null)
        {
            var problem = scanned.Problem switch
            {
                ScannedCodeProblem.Empty => t["Diary.CodeEmpty"],
                ScannedCodeProblem.NoLotNumber => t["Diary.CodeHasNoLot"],
                ScannedCodeProblem.NotALotOrContainer => t["Diary.CodeNotLotOrContainer"],
                _ => t["Diary.CodeUnreadable", scanned.Error?.Position + 1 ?? 1],
            };
            return new ShipmentSearch([], problem);
        }
        var found = await ShipmentsAsync(organizationId, organization.Gln, scanned.Identifier, null, ct);
        return found.Count == 0
            ? new ShipmentSearch([], t["Diary.NothingShippedToYou", code!.Trim()])
            : new ShipmentSearch([.. found.Select(f => f.Shipment)], null);
    }

    public async Task<DiaryResult> ReceiveAsync(Guid organizationId, ReceivingEntry entry, CancellationToken ct)
    {
        var errors = new DiaryErrors();
        var organization = await db.Organizations.FirstAsync(o => o.Id == organizationId, ct);
        if (organization.Gln is null)
            return Refused([new DiaryError("", t["Diary.OrganizationHasNoGln"])]);
        var found = await ShipmentsAsync(organizationId, organization.Gln, null, entry.ShipmentId, ct);
        if (found.Count == 0)
            return Refused([new DiaryError(nameof(entry.ShipmentId), t["Diary.ShipmentUnknown"])]);
        var (shipment, shipping) = found[0];
        if (shipment.AlreadyReceived)
            errors.Add(nameof(entry.ShipmentId), t["Diary.AlreadyReceived"]);
        if (shipment.Lots.Count == 0)
            errors.Add(nameof(entry.ShipmentId), t["Diary.ShipmentNamesNoLot"]);
        var location = await FindLocationAsync(organizationId, entry.LocationId, ct);
        if (location is null)
            errors.Add(nameof(entry.LocationId), t["Diary.LocationUnknown"]);
        CheckTime(errors, nameof(entry.Time), entry.Time);
        if (entry.Time != default && VietnamTime.FromLocal(entry.Time) < shipment.ShippedAt.AddMinutes(-1))
            errors.Add(nameof(entry.Time), t["Diary.ReceivedBeforeShipped", VietnamTime.Display(shipment.ShippedAt)]);
        CheckNote(errors, nameof(entry.Note), entry.Note);
        var quantities = new List<decimal?>();
        if (entry.Quantities is { } given && given.Count != shipment.Lots.Count)
            errors.Add(nameof(entry.Quantities), t["Diary.QuantitiesPerLot", shipment.Lots.Count]);
        for (var i = 0; i < shipment.Lots.Count; i++)
        {
            var shipped = shipment.Lots[i];
            decimal? q = entry.Quantities is { } g && i < g.Count ? g[i] : shipped.Quantity;
            if (q is { } value)
            {
                CheckQuantity(errors, $"{nameof(entry.Quantities)}[{i}]", value);
                if (shipped.Quantity is { } max && value > max)
                    errors.Add($"{nameof(entry.Quantities)}[{i}]", t["Diary.MoreThanShipped", max.ToString(CultureInfo.CurrentCulture)]);
            }
            quantities.Add(q);
        }
        if (errors.Any)
            return Refused(errors);

        var at = new DiaryEvents.Place(LotCodes.Place(location!.Gln), VietnamTime.FromLocal(entry.Time));
        var received = shipment.Lots.Select((l, i) => new QuantityElement { EpcClass = l.LotClass, Quantity = quantities[i], Uom = quantities[i] is null ? null : l.Uom }).ToList();
        var e = DiaryEvents.Receiving(at, shipping, received, organization.Gln, location.Gln);
        DiaryEvents.AddNote(e, entry.Note);

        // The receiver's lots: the partner's GTIN and lot number, Origin Received; a lot received before grows.
        var now = clock.GetUtcNow().UtcDateTime;
        var gtins = shipment.Lots.Select(l => l.Gtin).Distinct().ToList();
        var ownProducts = await db.Products.Where(p => p.OrganizationId == organizationId && gtins.Contains(p.Gtin)).ToListAsync(ct);
        Guid? firstLot = null;
        for (var i = 0; i < shipment.Lots.Count; i++)
        {
            var shipped = shipment.Lots[i];
            var lot = await db.Lots.AsTracking().FirstOrDefaultAsync(l => l.OrganizationId == organizationId && l.Gtin == shipped.Gtin && l.LotNumber == shipped.LotNumber, ct);
            if (lot is null)
            {
                var product = ownProducts.FirstOrDefault(p => p.Gtin == shipped.Gtin);
                lot = new Lot
                {
                    OrganizationId = organizationId,
                    Gtin = shipped.Gtin,
                    LotNumber = shipped.LotNumber,
                    ProductId = product?.Id,
                    LocationId = location.Id,
                    Origin = LotOrigin.Received,
                    ReceivedFromOrganizationId = shipment.ShipperId,
                    Quantity = quantities[i],
                    Unit = QuantityUnits.Word(shipped.Uom) ?? product?.Unit,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                db.Lots.Add(lot);
                audit.Record("lot.create", nameof(Lot), lot.Id, new { lot.Gtin, lot.LotNumber, origin = lot.Origin.ToString() }, organizationId);
            }
            else
            {
                lot.Quantity = lot.Quantity is null && quantities[i] is null ? null : (lot.Quantity ?? 0) + (quantities[i] ?? 0);
                lot.Status = LotStatus.InProgress;
                lot.UpdatedAt = now;
            }
            firstLot ??= lot.Id;
        }
        return await CaptureEventsAsync(organizationId, [e], firstLot, ct);
    }

    // ---------------------------------------------------------------- corrections

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
            return Refused([new DiaryError(nameof(entry.EventRowId), t["Diary.EventUnknown"])]);
        if (await db.Events.AnyAsync(e => e.OwnerId == organizationId && e.EventId == row.EventId && e.HasErrorDeclaration, ct))
            return Refused([new DiaryError(nameof(entry.EventRowId), t["Diary.AlreadyCorrected"])]);
        if (!Enum.IsDefined(entry.Reason))
            errors.Add(nameof(entry.Reason), t["Diary.ReasonUnknown"]);
        CheckNote(errors, nameof(entry.Note), entry.Note);

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
                CheckTime(errors, nameof(entry.CorrectedTime), time);
                corrective.EventTime = VietnamTime.FromLocal(time);
                corrective.EventTimeZoneOffset = VietnamTime.OffsetText;
            }
            if (entry.CorrectedQuantity is { } quantity)
            {
                CheckQuantity(errors, nameof(entry.CorrectedQuantity), quantity);
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
            return Refused(errors);

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
        return await CaptureEventsAsync(organizationId, corrective is null ? [declaration] : [corrective, declaration], null, ct);
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
        var setsQuantity = IsHarvest(original) || original.Type == EpcisEventType.TransformationEvent
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

    private async Task<DiaryResult> CaptureAsync(Guid organizationId, LotContext c, EpcisEvent e, string? note, CancellationToken ct)
    {
        DiaryEvents.AddNote(e, note);
        c.Lot.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        return await CaptureEventsAsync(organizationId, [e], c.Lot.Id, ct);
    }

    /// <summary>Validates the events as the capture API would, then stores them (and the staged lot changes) together.</summary>
    private async Task<DiaryResult> CaptureEventsAsync(Guid organizationId, List<EpcisEvent> events, Guid? lotId, CancellationToken ct)
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
            return Refused([new DiaryError("", t["Diary.AlreadyRecorded"])]);
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            logger.LogWarning("A diary entry of {Organization} built an invalid event: {Problems}", organizationId, string.Join("; ", problems));
            return Refused([new DiaryError("", t["Diary.EventInvalid", string.Join("; ", problems.Select(p => p.Message))])]);
        }
        var outcome = await capture.CaptureAsync(organizationId, events, i => $"/{i}", ct);
        if (!outcome.Success)
            return Refused([new DiaryError("", t["Diary.CaptureRefused", outcome.Errors[0].Message])]);
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

    private sealed record FoundShipment(IncomingShipment Shipment, EpcisEvent Event);

    /// <summary>Partners' shipping events destined to this business's party, by the identifier they name or by row id.</summary>
    private async Task<List<FoundShipment>> ShipmentsAsync(Guid organizationId, string gln, string? identifier, long? rowId, CancellationToken ct)
    {
        var party = LotCodes.Party(gln);
        var shipping = DiaryEvents.BizStep("shipping");
        var ownerOrPossessor = new[] { Cbv.UrnPrefix(CbvVocabulary.SourceDestType) + "owning_party", Cbv.UrnPrefix(CbvVocabulary.SourceDestType) + "possessing_party" };
        var visibility = await TraceVisibility.OfAsync(db, organizationId, ct);
        var query = visibility.Filter(db, db.Events)
            .Where(e => e.OwnerId != organizationId && e.BizStep == shipping && !e.HasErrorDeclaration)
            .Where(e => e.References.Any(r => r.Kind == ReferenceKind.Destination && r.Value == party && ownerOrPossessor.Contains(r.Type)))
            .Where(e => !db.Events.Any(d => d.OwnerId == e.OwnerId && d.EventId == e.EventId && d.HasErrorDeclaration));
        if (identifier is not null)
            query = query.Where(e => e.Identifiers.Any(i => i.Value == identifier));
        if (rowId is { } id)
            query = query.Where(e => e.Id == id);
        var rows = await query.OrderByDescending(e => e.EventTime).Take(20)
            .Select(e => new { e.Id, e.OwnerId, e.EventId, e.Json }).ToListAsync(ct);
        if (rows.Count == 0)
            return [];

        var ownerIds = rows.Select(r => r.OwnerId).Distinct().ToList();
        var owners = await db.Organizations.Where(o => ownerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => new { o.Name, o.Gln }, ct);
        var result = new List<FoundShipment>();
        foreach (var row in rows)
        {
            var e = StoredEventFormat.Deserialize(row.Json);
            var lots = new List<ShippedLot>();
            foreach (var q in e.QuantityList)
            {
                if (LotCodes.TryReadLotClass(q.EpcClass, out var gtin, out var lotNumber))
                    lots.Add(new ShippedLot(LotCodes.LotClass(gtin, lotNumber), gtin, lotNumber, q.Quantity, q.Uom, null));
            }
            var gtins = lots.Select(l => l.Gtin).Distinct().ToList();
            var names = await db.Products.Where(p => gtins.Contains(p.Gtin)).ToDictionaryAsync(p => p.Gtin, p => ProductName(p.NameVi, p.NameEn), ct);
            lots = [.. lots.Select(l => l with { ProductName = names.GetValueOrDefault(l.Gtin) })];
            var shipperParty = e.SourceList.FirstOrDefault(s => s.Type.EndsWith("owning_party", StringComparison.Ordinal))?.Value;
            var owner = owners[row.OwnerId];
            var despatch = e.BizTransactionList.FirstOrDefault(b => b.Type?.EndsWith("desadv", StringComparison.Ordinal) == true)
                ?? e.BizTransactionList.FirstOrDefault();
            var containers = e.EpcList.Select(Identifiers.Canonical).ToList();
            var received = await AlreadyReceivedAsync(organizationId, e, [.. lots.Select(l => l.LotClass), .. containers], ct);
            result.Add(new FoundShipment(new IncomingShipment(row.Id, row.EventId, row.OwnerId, owner.Name,
                shipperParty is null ? owner.Gln : LotCodes.GlnOf(Identifiers.Canonical(shipperParty)) ?? owner.Gln,
                e.EventTime, lots, containers, despatch is null ? null : DiaryEvents.DocumentNumber(despatch.Value), received), e));
        }
        return result;
    }

    /// <summary>
    /// True when this business already recorded receiving these goods: its own receiving event, not declared
    /// erroneous, naming them under the same business transaction (or, without one, from the same shipper after the shipping).
    /// </summary>
    private async Task<bool> AlreadyReceivedAsync(Guid organizationId, EpcisEvent shipping, List<string> identifiers, CancellationToken ct)
    {
        if (identifiers.Count == 0)
            return false;
        var receiving = DiaryEvents.BizStep("receiving");
        var mine = db.Events.Where(e => e.OwnerId == organizationId && e.BizStep == receiving && !e.HasErrorDeclaration)
            .Where(e => !db.Events.Any(d => d.OwnerId == e.OwnerId && d.EventId == e.EventId && d.HasErrorDeclaration))
            .Where(e => e.Identifiers.Any(i => identifiers.Contains(i.Value)));
        var transactions = shipping.BizTransactionList.Select(b => b.Value).ToList();
        if (transactions.Count > 0)
            mine = mine.Where(e => e.References.Any(r => r.Kind == ReferenceKind.BizTransaction && transactions.Contains(r.Value)));
        else
        {
            var sources = shipping.SourceList.Select(s => Identifiers.Canonical(s.Value)).ToList();
            var shippedAt = shipping.EventTime.UtcDateTime;
            mine = mine.Where(e => e.EventTime >= shippedAt && e.References.Any(r => r.Kind == ReferenceKind.Source && sources.Contains(r.Value)));
        }
        return await mine.AnyAsync(ct);
    }

    private static string ProductName(string vi, string? en) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && !string.IsNullOrWhiteSpace(en) ? en : vi;

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
