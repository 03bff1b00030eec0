using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Organizations;
using VnTrace.Server.Organizations.Reference;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Events;
using VnTrace.Server.Lookup.Publication;
using VnTrace.Server.Lots;
using VnTrace.Server.Platform.Text;
using VnTrace.Server.Recall;
using VnTrace.Server.Trace;

namespace VnTrace.Server.Lookup;

/// <summary>
/// Reads what the public may know about a code: the product and its business, the lot, its certificates, the journey
/// of its published events (and of the pallets it travelled in), the lots it was made from, and whether it is
/// recalled. Each business's publication choice is applied here, so the page and the linkset can only show what this
/// returns. Customers, prices, quantities and business transactions are never read into the view.
/// </summary>
public sealed class ConsumerLookup(VnTraceDbContext db, RecallService recalls, LookupOptions options, TimeProvider clock)
{
    private readonly ConsumerJourney journeys = new(db, options, new PublicationChoices(db));

    private PublicationChoices Choices => journeys.Choices;

    public async Task<ConsumerView> FindAsync(DigitalLink link, CancellationToken ct)
    {
        var view = new ConsumerView { Link = link, Canonical = link.ToCanonicalUri(), Subject = SubjectOf(link) };
        view.Identifiers.Add(view.Canonical);
        switch (view.Subject)
        {
            case LookupSubject.Product or LookupSubject.Lot or LookupSubject.Unit:
                await FindTradeItemAsync(view, ct);
                break;
            case LookupSubject.Location:
                await FindLocationAsync(view, link.PrimaryKey.Value, ct);
                break;
            case LookupSubject.Party:
                await FindPartyAsync(view, link.PrimaryKey.Value, ct);
                break;
            case LookupSubject.Container:
                await FindContainerAsync(view, ct);
                break;
        }
        return view;
    }

    public static LookupSubject SubjectOf(DigitalLink link) => link.PrimaryKey.Ai switch
    {
        "01" when Qualifier(link, "21") is not null => LookupSubject.Unit,
        "01" when Qualifier(link, "10") is not null => LookupSubject.Lot,
        "01" => LookupSubject.Product,
        "414" => LookupSubject.Location,
        "417" => LookupSubject.Party,
        "00" => LookupSubject.Container,
        _ => LookupSubject.Other,
    };

    private static string? Qualifier(DigitalLink link, string ai) =>
        link.Qualifiers.FirstOrDefault(q => q.Ai == ai) is { Ai: not null } q ? q.Value : null;

    private static string TradeItemId(string gtin, string? lot, string? serial)
    {
        List<AiElement> qualifiers = [];
        if (lot is not null)
            qualifiers.Add(new("10", lot));
        if (serial is not null)
            qualifiers.Add(new("21", serial));
        return new DigitalLink { PrimaryKey = new("01", gtin), Qualifiers = qualifiers }.ToCanonicalUri();
    }

    private Task<PublicationChoice> ChoiceAsync(Guid organizationId, CancellationToken ct) => Choices.ForAsync(organizationId, ct);

    private IQueryable<Organization> ApprovedBusinesses =>
        db.Organizations.Where(o => o.Status == OrganizationStatus.Approved && o.Kind == OrganizationKind.Business);

    private async Task FindTradeItemAsync(ConsumerView view, CancellationToken ct)
    {
        var link = view.Link;
        var gtin = link.PrimaryKey.Value;
        view.Gtin = gtin;
        view.LotNumber = Qualifier(link, "10");
        view.Serial = Qualifier(link, "21");
        view.Identifiers.Add(TradeItemId(gtin, null, null));

        // A suspended business's products stay registered, but the authority's decision stops the page vouching for them.
        var product = await db.Products.IgnoreTenantFilter("the consumer page shows any approved business's product")
            .Where(p => p.Gtin == gtin && !p.Archived && db.Organizations.Any(o => o.Id == p.OrganizationId && o.Kind == OrganizationKind.Business
                && (o.Status == OrganizationStatus.Approved || o.Status == OrganizationStatus.Suspended)))
            .Select(p => new
            {
                View = new ProductView(p.Id, p.OrganizationId, p.Gtin, p.NameVi, p.NameEn, p.DescriptionVi, p.DescriptionEn,
                    db.ProductImages.Where(i => i.ProductId == p.Id && db.Files.IgnoreTenantFilter("a consumer sees any business's public images").Any(f => f.Id == i.FileId && f.Public))
                        .OrderBy(i => i.Position).Select(i => (Guid?)i.FileId).FirstOrDefault(),
                    p.Origin, p.Brand, p.OcopStars, p.Standards, p.NetContent, p.NetContentUnit),
                Suspended = db.Organizations.Any(o => o.Id == p.OrganizationId && o.Status == OrganizationStatus.Suspended),
            })
            .FirstOrDefaultAsync(ct);
        if (product is { Suspended: true })
        {
            view.Suspended = true;
            view.Organizations.Add(product.View.OwnerId);
            // A recall still reaches the consumer: it is about the goods, whatever the business's standing.
            view.Recalled = await recalls.IsRecalledAsync(view.Canonical, ct)
                || (view.Subject != LookupSubject.Product && view.LotNumber is { } recalledLot && await recalls.IsRecalledAsync(TradeItemId(gtin, recalledLot, null), ct));
            return;
        }
        view.Product = product?.View;
        var owner = view.Product?.OwnerId;

        if (view.Serial is { } serial)
        {
            var issuedLot = await db.IssuedSerials.Where(s => s.Gtin == gtin && s.Serial == serial).Select(s => s.LotNumber).FirstOrDefaultAsync(ct);
            view.SerialKnown = issuedLot is not null;
            view.LotNumber ??= issuedLot;
        }

        var approved = ApprovedBusinesses;
        List<LotRow> lots = [];
        if (view.LotNumber is { } lotNumber)
        {
            lots = await db.Lots.IgnoreTenantFilter("the consumer page shows the lot whoever produced it").Where(l => l.Gtin == gtin && l.LotNumber == lotNumber && approved.Any(o => o.Id == l.OrganizationId))
                .OrderBy(l => l.CreatedAt)
                .Select(l => new LotRow(l.OrganizationId, l.LocationId, l.ProductionDate, l.ExpiryDate, l.Origin))
                .ToListAsync(ct);
            // Only a lot its business produced makes it the owner; a partner's row of goods it received says nothing about them.
            owner ??= lots.FirstOrDefault(l => l.Origin == LotOrigin.Produced)?.OrganizationId;
            view.LotIdentifier = TradeItemId(gtin, lotNumber, null);
            view.Identifiers.Add(view.LotIdentifier);
        }

        // The events that tell the item's story: a lot's own and its units'; a unit's own and its lot's.
        List<string> exact = [];
        string? unitsOf = null;
        if (view.Subject == LookupSubject.Lot)
        {
            exact.Add(view.LotIdentifier!);
            unitsOf = view.LotIdentifier;
        }
        else if (view.Subject == LookupSubject.Unit)
        {
            exact.Add(TradeItemId(gtin, null, view.Serial));
            if (view.LotNumber is not null)
            {
                exact.Add(TradeItemId(gtin, view.LotNumber, view.Serial));
                exact.Add(view.LotIdentifier!);
            }
        }
        view.Identifiers.UnionWith(exact);

        var journey = exact.Count > 0 ? await journeys.ReadAsync(view, exact, unitsOf, owner, ct) : null;
        owner ??= journey?.Trust.Owner;
        if (view.Subject == LookupSubject.Unit)
            view.SerialKnown |= journey?.NamesSerial == true;
        if (owner is { } ownerId)
        {
            view.Organizations.Add(ownerId);
            view.Producer = await ProducerAsync(ownerId, ct);
        }

        // The lot's dates are its owner's: another business's row or events cannot put an expiry date on someone else's goods.
        var lotRow = lots.FirstOrDefault(l => l.OrganizationId == owner);
        view.Publication = owner is { } o2 ? await ChoiceAsync(o2, ct) : view.Publication;
        if (view.LotNumber is { } number)
        {
            var facts = journey?.LotFacts ?? [];
            view.Lot = new LotView(number,
                lotRow?.ProductionDate ?? DateFact(facts, "productionDate", "harvestDate"),
                DateFact(facts, "packingDate") ?? journey?.FirstPacking,
                lotRow?.ExpiryDate ?? DateFact(facts, "itemExpirationDate", "expiryDate", "expirationDate", "bestBeforeDate") ?? ExpiryAttribute(view.Link),
                lotRow is not null || journey?.Rows > 0);
        }

        view.Known = view.Product is not null || view.Lot?.Recorded == true || (journey?.Rows ?? 0) > 0;
        if (!view.Known)
            return;

        if (owner is { } productOwner && view.Publication.Shows(PublicField.Certificates))
        {
            var locationIds = new List<Guid>();
            if (lotRow?.LocationId is { } lotLocation)
                locationIds.Add(lotLocation);
            if (journey is not null)
                locationIds.AddRange(journey.LocationIdsOf(productOwner));
            view.Certificates.AddRange(await PublicCertificates.ForAsync(db, clock, productOwner, view.Product?.Id, locationIds, ct));
        }
        if (view.Publication.Shows(PublicField.Map))
        {
            if (lotRow?.LocationId is { } producedAt && await PlaceByIdAsync(producedAt, ct) is { Latitude: not null } origin)
                view.MapPlaces.Add(origin);
            foreach (var place in view.Journey.Select(s => s.Place).OfType<PlaceView>().Where(p => p.Latitude is not null && p.Longitude is not null))
                if (!view.MapPlaces.Any(p => p.Gln == place.Gln))
                    view.MapPlaces.Add(place);
        }
        if (journey is not null && view.Publication.Shows(PublicField.InputLots) && journey.Inputs.Count > 0)
            view.Inputs.AddRange(await RelatedLotsAsync(journey.Inputs, ct));

        // A recall names lots and what the trace found downstream of them (units, pallets): the lot, or the code scanned.
        view.Recalled = (view.LotIdentifier is { } recallLot && await recalls.IsRecalledAsync(recallLot, ct))
            || (view.Canonical != view.LotIdentifier && await recalls.IsRecalledAsync(view.Canonical, ct));
    }

    private DateOnly Today => VietnamTime.Today(clock);

    private sealed record LotRow(Guid OrganizationId, Guid? LocationId, DateOnly? ProductionDate, DateOnly? ExpiryDate, LotOrigin Origin);

    private static DateOnly? DateFact(IReadOnlyList<JourneyFact> facts, params string[] names)
    {
        foreach (var name in names)
            foreach (var f in facts.Where(f => f.Name == name))
                if (DateOnly.TryParseExact(f.Value.Length >= 10 ? f.Value[..10] : f.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    return d;
        return null;
    }

    /// <summary>AI (17) from the label's query string (YYMMDD; day 00 is the month's last day).</summary>
    private static DateOnly? ExpiryAttribute(DigitalLink link)
    {
        var value = link.Attributes.FirstOrDefault(a => a.Ai == "17").Value;
        if (value is not { Length: 6 } || !int.TryParse(value.AsSpan(0, 2), CultureInfo.InvariantCulture, out var yy)
            || !int.TryParse(value.AsSpan(2, 2), CultureInfo.InvariantCulture, out var mm) || !int.TryParse(value.AsSpan(4, 2), CultureInfo.InvariantCulture, out var dd)
            || mm is < 1 or > 12)
            return null;
        // GS1 General Specifications §7.12: the century is the one that puts the year within -49..+50 of today.
        var year = 2000 + yy;
        if (year > DateTime.UtcNow.Year + 50)
            year -= 100;
        var last = DateTime.DaysInMonth(year, mm);
        return dd == 0 ? new DateOnly(year, mm, last) : dd <= last ? new DateOnly(year, mm, dd) : null;
    }

    private async Task<ProducerView?> ProducerAsync(Guid organizationId, CancellationToken ct)
    {
        var o = await db.Organizations.Where(x => x.Id == organizationId)
            .Select(x => new { x.Id, x.Name, x.Form, x.AddressLine, x.CommuneCode, x.ProvinceCode, x.ContactName, x.Phone, x.Email, x.Website, x.OcopParticipant })
            .FirstOrDefaultAsync(ct);
        if (o is null)
            return null;
        var choice = await ChoiceAsync(organizationId, ct);
        var commune = o.CommuneCode is { Length: > 0 } c ? AdministrativeUnits.FindCommune(c) : null;
        var province = (commune?.ProvinceCode ?? o.ProvinceCode) is { Length: > 0 } p ? AdministrativeUnits.FindProvince(p) : null;
        return new ProducerView(o.Id, o.Name,
            choice.Shows(PublicField.AddressLine) ? o.AddressLine : null,
            commune?.FullName, province?.FullName,
            choice.Shows(PublicField.ContactName) ? o.ContactName : null,
            choice.Shows(PublicField.Phone) ? o.Phone : null,
            choice.Shows(PublicField.Email) ? o.Email : null,
            choice.Shows(PublicField.Website) ? o.Website : null,
            o.OcopParticipant);
    }

    private async Task<PlaceView?> PlaceByIdAsync(Guid locationId, CancellationToken ct)
    {
        var l = await db.Locations.IgnoreTenantFilter("the consumer page shows the place a lot comes from").Where(x => x.Id == locationId && !x.Archived)
            .Select(x => new { x.Gln, x.Name, x.CommuneCode, x.Latitude, x.Longitude, x.Internal, x.OrganizationId }).FirstOrDefaultAsync(ct);
        if (l is null)
            return null;
        if (l.Internal && !(await ChoiceAsync(l.OrganizationId, ct)).ShowInternalLocations)
            return null;
        return ConsumerJourney.Place(l.Gln, l.Name, l.CommuneCode, l.Latitude, l.Longitude);
    }


    /// <summary>Lots named by identifier (a unit stands for its lot when its Digital Link carries one), with product and producer.</summary>
    private async Task<List<RelatedLot>> RelatedLotsAsync(IEnumerable<string> identifiers, CancellationToken ct)
    {
        var lots = new List<(string Id, string Gtin, string? Lot)>();
        foreach (var id in identifiers)
        {
            if (!DigitalLink.TryParse(id, out var link, out _) || link.PrimaryKey.Ai != "01")
                continue;
            var lot = Qualifier(link, "10");
            var lotId = TradeItemId(link.PrimaryKey.Value, lot, lot is null ? Qualifier(link, "21") : null);
            if (!lots.Any(l => l.Id == lotId))
                lots.Add((lotId, link.PrimaryKey.Value, lot));
            if (lots.Count == 20)
                break;
        }
        var gtins = lots.Select(l => l.Gtin).Distinct().ToList();
        var approved = ApprovedBusinesses;
        var products = await db.Products.IgnoreTenantFilter("the consumer page names the related lots' products and producers")
            .Where(p => gtins.Contains(p.Gtin) && !p.Archived && approved.Any(o => o.Id == p.OrganizationId))
            .Select(p => new { p.Gtin, p.NameVi, p.NameEn, p.Origin, Producer = db.Organizations.Where(o => o.Id == p.OrganizationId).Select(o => o.Name).FirstOrDefault() })
            .ToDictionaryAsync(p => p.Gtin, ct);
        return [.. lots.Select(l => products.TryGetValue(l.Gtin, out var p)
            ? new RelatedLot(l.Id, l.Gtin, l.Lot, p.NameVi, p.NameEn, p.Producer, p.Origin)
            : new RelatedLot(l.Id, l.Gtin, l.Lot, null, null, null, null))];
    }

    // ---- Places, parties, containers ---------------------------------------------------------------------------

    private async Task FindLocationAsync(ConsumerView view, string gln, CancellationToken ct)
    {
        var approved = ApprovedBusinesses;
        var l = await db.Locations.IgnoreTenantFilter("the consumer page of a place's code").Where(x => x.Gln == gln && !x.Archived && approved.Any(o => o.Id == x.OrganizationId))
            .Select(x => new { x.Id, x.Gln, x.Name, x.CommuneCode, x.Latitude, x.Longitude, x.Internal, x.OrganizationId })
            .FirstOrDefaultAsync(ct);
        if (l is null)
        {
            // A party's own GLN is also where it is.
            await FindPartyAsync(view, gln, ct);
            return;
        }
        view.Organizations.Add(l.OrganizationId);
        view.Publication = await ChoiceAsync(l.OrganizationId, ct);
        if (l.Internal && !view.Publication.ShowInternalLocations)
            return;
        view.Known = true;
        view.Place = ConsumerJourney.Place(l.Gln, l.Name, l.CommuneCode, l.Latitude, l.Longitude);
        view.Producer = await ProducerAsync(l.OrganizationId, ct);
        if (view.Publication.Shows(PublicField.Map) && l.Latitude is not null && l.Longitude is not null)
            view.MapPlaces.Add(view.Place);
        if (view.Publication.Shows(PublicField.Certificates))
            view.Certificates.AddRange(await PublicCertificates.ForAsync(db, clock, l.OrganizationId, null, [l.Id], ct));
    }

    private async Task FindPartyAsync(ConsumerView view, string gln, CancellationToken ct)
    {
        var id = await ApprovedBusinesses.Where(o => o.Gln == gln).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        if (id is not { } organizationId)
            return;
        view.Known = true;
        view.Organizations.Add(organizationId);
        view.Publication = await ChoiceAsync(organizationId, ct);
        view.Producer = await ProducerAsync(organizationId, ct);
    }

    private async Task FindContainerAsync(ConsumerView view, CancellationToken ct)
    {
        var journey = await journeys.ReadAsync(view, [view.Canonical], null, declaredOwner: null, ct);
        view.Known = journey.Rows > 0;
        if (!view.Known)
            return;
        // What was packed into it: the children of its aggregation events, as told by those on its journey.
        var children = journey.Read.Events.Where(journey.Trust.IsOnJourney).Select(x => x.Event)
            .Where(e => e.Type == EpcisEventType.AggregationEvent && e.Action == EpcisAction.Add && e.ParentId is not null
                && VnTrace.Server.Platform.Events.Identifiers.Canonical(e.ParentId) == view.Canonical)
            .SelectMany(e => e.EpcList.Concat(e.QuantityList.Select(q => q.EpcClass)))
            .Select(VnTrace.Server.Platform.Events.Identifiers.Canonical).Distinct(StringComparer.Ordinal).ToList();
        view.Contents.AddRange(await RelatedLotsAsync(children, ct));
        if (view.Journey.Select(s => s.Place).OfType<PlaceView>().Where(p => p.Latitude is not null).DistinctBy(p => p.Gln) is var places)
            view.MapPlaces.AddRange(places);
    }
}
