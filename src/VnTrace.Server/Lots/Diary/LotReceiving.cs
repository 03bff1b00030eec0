using Microsoft.Extensions.Localization;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Cbv;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Platform.Events;
using VnTrace.Server.Platform.Text;
using VnTrace.Server.Trace;

namespace VnTrace.Server.Lots.Diary;

/// <summary>Receiving: a partner's shipping event destined to this business becomes its receiving event and lot.</summary>
public sealed class LotReceiving(VnTraceDbContext db, DiaryStore store, DiaryChecks checks, AuditTrail audit, TimeProvider clock,
    IStringLocalizer<LotText> t)
{
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
            return store.Refused([new DiaryError("", t["Diary.OrganizationHasNoGln"])]);
        var found = await ShipmentsAsync(organizationId, organization.Gln, null, entry.ShipmentId, ct);
        if (found.Count == 0)
            return store.Refused([new DiaryError(nameof(entry.ShipmentId), t["Diary.ShipmentUnknown"])]);
        var (shipment, shipping) = found[0];
        if (shipment.AlreadyReceived)
            errors.Add(nameof(entry.ShipmentId), t["Diary.AlreadyReceived"]);
        if (shipment.Lots.Count == 0)
            errors.Add(nameof(entry.ShipmentId), t["Diary.ShipmentNamesNoLot"]);
        var location = await store.FindLocationAsync(organizationId, entry.LocationId, ct);
        if (location is null)
            errors.Add(nameof(entry.LocationId), t["Diary.LocationUnknown"]);
        checks.CheckTime(errors, nameof(entry.Time), entry.Time);
        if (entry.Time != default && VietnamTime.FromLocal(entry.Time) < shipment.ShippedAt.AddMinutes(-1))
            errors.Add(nameof(entry.Time), t["Diary.ReceivedBeforeShipped", VietnamTime.Display(shipment.ShippedAt)]);
        checks.CheckNote(errors, nameof(entry.Note), entry.Note);
        var quantities = new List<decimal?>();
        if (entry.Quantities is { } given && given.Count != shipment.Lots.Count)
            errors.Add(nameof(entry.Quantities), t["Diary.QuantitiesPerLot", shipment.Lots.Count]);
        for (var i = 0; i < shipment.Lots.Count; i++)
        {
            var shipped = shipment.Lots[i];
            decimal? q = entry.Quantities is { } g && i < g.Count ? g[i] : shipped.Quantity;
            if (q is { } value)
            {
                checks.CheckQuantity(errors, $"{nameof(entry.Quantities)}[{i}]", value);
                if (shipped.Quantity is { } max && value > max)
                    errors.Add($"{nameof(entry.Quantities)}[{i}]", t["Diary.MoreThanShipped", max.ToString(CultureInfo.CurrentCulture)]);
            }
            quantities.Add(q);
        }
        if (errors.Any)
            return store.Refused(errors);

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
                // The sender's dates travel with its goods: the shipper's own lot row, read across organizations on
                // purpose (the receiver sees the dates on the consumer page anyway) and only for the shipped lot.
                var sent = await db.Lots.IgnoreTenantFilter("the sender's dates travel with its goods").Where(l => l.OrganizationId == shipment.ShipperId && l.Gtin == shipped.Gtin && l.LotNumber == shipped.LotNumber)
                    .Select(l => new { l.ProductionDate, l.ExpiryDate }).FirstOrDefaultAsync(ct);
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
                    ProductionDate = sent?.ProductionDate,
                    ExpiryDate = sent?.ExpiryDate,
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
        return await store.CaptureEventsAsync(organizationId, [e], firstLot, ct);
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
            // A lot named twice (two lines of one despatch) is one lot received: its quantities add up.
            lots = [.. lots.GroupBy(l => l.LotClass).Select(g => g.Count() == 1 ? g.First() : g.First() with
            {
                Quantity = g.All(l => l.Quantity is not null && l.Uom == g.First().Uom) ? g.Sum(l => l.Quantity) : null,
            })];
            var gtins = lots.Select(l => l.Gtin).Distinct().ToList();
            var names = await db.ProductNames.Where(p => gtins.Contains(p.Gtin)).ToDictionaryAsync(p => p.Gtin, p => ProductName(p.NameVi, p.NameEn), ct);
            lots = [.. lots.Select(l => l with { ProductName = names.GetValueOrDefault(l.Gtin) })];
            var shipperParty = e.SourceList.FirstOrDefault(s => s.Type.EndsWith("owning_party", StringComparison.Ordinal))?.Value;
            var owner = owners[row.OwnerId];
            var despatch = e.BizTransactionList.FirstOrDefault(b => b.Type?.EndsWith("desadv", StringComparison.Ordinal) == true)
                ?? e.BizTransactionList.FirstOrDefault();
            var containers = e.EpcList.Select(Identifiers.Canonical).ToList();
            var received = await AlreadyReceivedAsync(organizationId, e, [.. lots.Select(l => l.LotClass), .. containers], ct);
            result.Add(new FoundShipment(new IncomingShipment(row.Id, row.EventId, row.OwnerId, owner.Name,
                shipperParty is null ? owner.Gln : (DigitalLink.TryGetGln(shipperParty, out var shipperGln) ? shipperGln.ToString() : owner.Gln),
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
}
