using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Organizations;
using VnTrace.Server.Organizations.Reference;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Events;
using VnTrace.Server.Lookup.Publication;
using VnTrace.Server.Recall;

namespace VnTrace.Server.Lookup;

/// <summary>
/// Reads what the public may know about a code: the product and its business, the lot, its certificates, the journey
/// of its published events (and of the pallets it travelled in), the lots it was made from, and whether it is
/// recalled. Each business's publication choice is applied here, so the page and the linkset can only show what this
/// returns. Customers, prices, quantities and business transactions are never read into the view.
/// </summary>
public sealed class ConsumerLookup(VnTraceDbContext db, RecallService recalls, LookupOptions options, TimeProvider clock)
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

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

    private readonly Dictionary<Guid, PublicationChoice> choices = [];

    /// <summary>Publication choices, read once per lookup for each business.</summary>
    private async Task<Dictionary<Guid, PublicationChoice>> ChoicesAsync(IEnumerable<Guid> organizationIds, CancellationToken ct)
    {
        var wanted = organizationIds.Distinct().ToList();
        var missing = wanted.Where(id => !choices.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            foreach (var (id, choice) in await PublicationPolicy.ForAsync(db, missing, ct))
                choices[id] = choice;
        return wanted.ToDictionary(id => id, id => choices[id]);
    }

    private async Task<PublicationChoice> ChoiceAsync(Guid organizationId, CancellationToken ct) => (await ChoicesAsync([organizationId], ct))[organizationId];

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

        var approved = ApprovedBusinesses;
        view.Product = await db.Products
            .Where(p => p.Gtin == gtin && !p.Archived && approved.Any(o => o.Id == p.OrganizationId))
            .Select(p => new ProductView(p.Id, p.OrganizationId, p.Gtin, p.NameVi, p.NameEn, p.DescriptionVi, p.DescriptionEn,
                db.ProductImages.Where(i => i.ProductId == p.Id && db.Files.Any(f => f.Id == i.FileId && f.Public))
                    .OrderBy(i => i.Position).Select(i => (Guid?)i.FileId).FirstOrDefault(),
                p.Origin, p.Brand, p.OcopStars, p.Standards, p.NetContent, p.NetContentUnit))
            .FirstOrDefaultAsync(ct);
        var owner = view.Product?.OwnerId;

        if (view.Serial is { } serial)
        {
            var issuedLot = await db.IssuedSerials.Where(s => s.Gtin == gtin && s.Serial == serial).Select(s => s.LotNumber).FirstOrDefaultAsync(ct);
            view.SerialKnown = issuedLot is not null;
            view.LotNumber ??= issuedLot;
        }

        LotRow? lotRow = null;
        if (view.LotNumber is { } lotNumber)
        {
            var lots = await db.Lots.Where(l => l.Gtin == gtin && l.LotNumber == lotNumber && approved.Any(o => o.Id == l.OrganizationId))
                .Select(l => new LotRow(l.OrganizationId, l.LocationId, l.ProductionDate, l.ExpiryDate, l.Origin))
                .ToListAsync(ct);
            lotRow = lots.OrderBy(l => l.OrganizationId == owner ? 0 : 1).ThenBy(l => l.Origin).FirstOrDefault();
            owner ??= lotRow?.OrganizationId;
            view.LotIdentifier = TradeItemId(gtin, lotNumber, null);
            view.Identifiers.Add(view.LotIdentifier);
        }
        if (owner is { } ownerId)
        {
            view.Organizations.Add(ownerId);
            view.Producer = await ProducerAsync(ownerId, ct);
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

        var journey = exact.Count > 0 ? await ReadJourneyAsync(view, exact, unitsOf, owner, ct) : null;
        if (view.Subject == LookupSubject.Unit)
            view.SerialKnown |= journey?.NamesSerial == true;

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

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Vietnam).DateTime);

    private sealed record LotRow(Guid OrganizationId, Guid? LocationId, DateOnly? ProductionDate, DateOnly? ExpiryDate, VnTrace.Server.Lots.LotOrigin Origin);

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
        var l = await db.Locations.Where(x => x.Id == locationId && !x.Archived)
            .Select(x => new { x.Gln, x.Name, x.CommuneCode, x.Latitude, x.Longitude, x.Internal, x.OrganizationId }).FirstOrDefaultAsync(ct);
        if (l is null)
            return null;
        if (l.Internal && !(await ChoiceAsync(l.OrganizationId, ct)).ShowInternalLocations)
            return null;
        return Place(l.Gln, l.Name, l.CommuneCode, l.Latitude, l.Longitude);
    }

    private static PlaceView Place(string gln, string name, string? communeCode, double? latitude, double? longitude, string? ownerName = null)
    {
        var commune = communeCode is { Length: > 0 } c ? AdministrativeUnits.FindCommune(c) : null;
        var province = commune is null ? null : AdministrativeUnits.FindProvince(commune.ProvinceCode);
        return new PlaceView(gln, name, commune?.FullName, province?.FullName, latitude, longitude, ownerName);
    }

    // ---- The journey -------------------------------------------------------------------------------------------

    private sealed record EventRow(long Id, Guid OwnerId, string EventId, bool HasErrorDeclaration, string Json);

    /// <summary>What reading the journey found besides the steps it put on the view.</summary>
    private sealed class JourneyResult
    {
        public int Rows { get; set; }
        public bool NamesSerial { get; set; }
        public List<JourneyFact> LotFacts { get; } = [];
        public DateOnly? FirstPacking { get; set; }
        public List<string> Inputs { get; } = [];
        public Dictionary<string, (Guid Id, Guid Owner)> Locations { get; } = new(StringComparer.Ordinal);

        public IEnumerable<Guid> LocationIdsOf(Guid owner) => Locations.Values.Where(l => l.Owner == owner).Select(l => l.Id);
    }

    /// <summary>ILMD facts a consumer may see (CBV master-data attributes and the names VnTrace's own forms write).</summary>
    private static readonly HashSet<string> PublicFacts = new(StringComparer.Ordinal)
    {
        "harvestDate", "productionDate", "packingDate", "itemExpirationDate", "bestBeforeDate", "expiryDate", "expirationDate",
        "crop", "plantingAreaCode", "countryOfOrigin",
    };

    /// <param name="owner">The business whose product or lot this is; null when the code has no known owner (a container).</param>
    private async Task<JourneyResult> ReadJourneyAsync(ConsumerView view, List<string> exact, string? unitsOf, Guid? owner, CancellationToken ct)
    {
        var result = new JourneyResult();
        var rows = await EventsNamingAsync(exact, unitsOf, null, ct);
        var events = rows.Select(r => (Row: r, Event: StoredEventFormat.Deserialize(r.Json))).ToList();
        result.Rows = events.Count;

        // The pallets and cases the goods were packed into carry them onward: their later events are the goods' journey.
        var containers = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var (_, e) in events)
            if (e.Type == EpcisEventType.AggregationEvent && e.Action == EpcisAction.Add && e.ParentId is { } parent)
            {
                var id = VnTrace.Server.Platform.Events.Identifiers.Canonical(parent);
                if (!containers.TryGetValue(id, out var since) || e.EventTime < since)
                    containers[id] = e.EventTime;
            }
        if (containers.Count > 0)
        {
            view.Identifiers.UnionWith(containers.Keys);
            var since = containers.Values.Min().UtcDateTime;
            var known = rows.Select(r => r.Id).ToHashSet();
            foreach (var r in await EventsNamingAsync([.. containers.Keys], null, since, ct))
            {
                if (!known.Add(r.Id))
                    continue;
                var e = StoredEventFormat.Deserialize(r.Json);
                if (NamedContainers(e).Any(c => containers.TryGetValue(c, out var packedAt) && e.EventTime >= packedAt))
                    events.Add((r, e));
            }
        }

        // A correction (EPCIS 2.0 §7.4.1.2) withdraws the event it declares in error: neither is shown.
        var withdrawn = events.Where(x => x.Row.HasErrorDeclaration).Select(x => (x.Row.OwnerId, x.Row.EventId)).ToHashSet();
        events = [.. events.Where(x => !withdrawn.Contains((x.Row.OwnerId, x.Row.EventId))).OrderBy(x => x.Event.EventTime).ThenBy(x => x.Row.Id)];

        if (owner is { } ownerId)
        {
            var trusted = await TrustedBusinessesAsync(ownerId, events, ct);
            events = [.. events.Where(x => trusted.Contains(x.Row.OwnerId))];
        }

        var owners = events.Select(x => x.Row.OwnerId).Distinct().ToList();
        view.Organizations.UnionWith(owners);
        var owned = await ChoicesAsync(owners, ct);
        var ownerNames = await db.Organizations.Where(o => owners.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

        var glns = events.SelectMany(x => (string?[])[Gln(x.Event.BizLocation), Gln(x.Event.ReadPoint)]).OfType<string>().Distinct().ToList();
        var locations = await db.Locations.Where(l => glns.Contains(l.Gln) && !l.Archived)
            .Select(l => new { l.Id, l.Gln, l.Name, l.CommuneCode, l.Latitude, l.Longitude, l.Internal, l.OrganizationId })
            .ToDictionaryAsync(l => l.Gln, ct);
        var places = await ChoicesAsync(locations.Values.Select(l => l.OrganizationId), ct);
        var parties = await db.Organizations.Where(o => o.Gln != null && glns.Contains(o.Gln))
            .Select(o => new { Gln = o.Gln!, o.Name, o.CommuneCode }).ToDictionaryAsync(o => o.Gln, ct);

        var serialIds = view.Serial is null ? [] : exact.Where(x => x.Contains("/21/", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        foreach (var (row, e) in events)
        {
            var named = NamedIdentifiers(e).ToList();
            if (serialIds.Count > 0 && named.Any(serialIds.Contains))
                result.NamesSerial = true;
            var choice = owned[row.OwnerId];
            if (!choice.Shows(PublicField.Journey) || !choice.ShowsBizStep(e.BizStep))
                continue;
            var gln = Gln(e.BizLocation) ?? Gln(e.ReadPoint);
            PlaceView? place = null;
            if (gln is not null && locations.TryGetValue(gln, out var l))
            {
                // A place its business marked internal hides the events there (and the place itself).
                if (l.Internal && !places[l.OrganizationId].ShowInternalLocations)
                    continue;
                result.Locations[gln] = (l.Id, l.OrganizationId);
                place = Place(l.Gln, l.Name, l.CommuneCode, l.Latitude, l.Longitude);
            }
            else if (gln is not null && parties.TryGetValue(gln, out var party))
                place = Place(gln, party.Name, party.CommuneCode, null, null);
            else if (gln is not null)
                place = new PlaceView(gln, "GLN " + gln, null, null, null, null);

            var facts = (e.Ilmd ?? []).Where(f => f.Value is { Length: > 0 and <= 100 } && PublicFacts.Contains(f.LocalName))
                .Select(f => new JourneyFact(f.LocalName, f.Value!)).ToList();
            var aboutThisLot = view.LotIdentifier is null || named.Any(n => n == view.LotIdentifier || n.StartsWith(view.LotIdentifier + "/", StringComparison.Ordinal));
            var madeHere = OutputsOf(e).Any(o => exact.Contains(o) || (view.LotIdentifier is { } lotId && o.StartsWith(lotId + "/", StringComparison.Ordinal)));
            // Lot facts (harvest date, crop…) come from the events that create this lot, not from the lots it was made from.
            if ((aboutThisLot && e.Type != EpcisEventType.TransformationEvent) || madeHere)
                result.LotFacts.AddRange(facts.Where(f => !result.LotFacts.Any(x => x.Name == f.Name)));
            if (e.Type == EpcisEventType.TransformationEvent && madeHere)
                result.Inputs.AddRange(InputsOf(e).Where(i => !result.Inputs.Contains(i)));
            if (e.BizStep is { } step && PublicationPolicy.BizStepWord(step) == "packing" && result.FirstPacking is null)
                result.FirstPacking = DateOnly.FromDateTime(e.EventTime.DateTime);

            if (view.Journey.Count >= options.MaxJourneyEvents)
            {
                view.JourneyTruncated = true;
                continue;
            }
            view.Journey.Add(new JourneyStep(e.EventTime, e.BizStep is null ? null : PublicationPolicy.BizStepWord(e.BizStep),
                ownerNames.GetValueOrDefault(row.OwnerId, ""), place, facts));
        }
        return result;
    }

    /// <summary>
    /// Whose events may tell consumers a product's story: its owner's, and those of the businesses the goods went to —
    /// named as destination of an event already trusted, or naming a trusted business as the source they received
    /// from (what that business sees as its one step forward, Decree 37/2026 Art. 22). A business that merely claims to
    /// have made or handled someone else's lot, in events naming nobody, cannot write itself into that lot's page.
    /// </summary>
    private async Task<HashSet<Guid>> TrustedBusinessesAsync(Guid owner, List<(EventRow Row, EpcisEvent Event)> events, CancellationToken ct)
    {
        var trusted = new HashSet<Guid> { owner };
        var involved = events.Select(x => x.Row.OwnerId).Append(owner).Distinct().ToList();
        if (involved.Count == 1)
            return trusted;
        var idOf = await db.Organizations.Where(o => involved.Contains(o.Id) && o.Gln != null).ToDictionaryAsync(o => o.Gln!, o => o.Id, ct);
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (row, e) in events)
            {
                if (trusted.Contains(row.OwnerId))
                {
                    foreach (var d in e.DestinationList)
                        if (Gln(d.Value) is { } gln && idOf.TryGetValue(gln, out var receiver) && trusted.Add(receiver))
                            grew = true;
                }
                else if (e.SourceList.Any(src => Gln(src.Value) is { } gln && idOf.TryGetValue(gln, out var sender) && trusted.Contains(sender)))
                {
                    trusted.Add(row.OwnerId);
                    grew = true;
                }
            }
        }
        return trusted;
    }

    /// <summary>
    /// Events of approved businesses that name one of <paramref name="exact"/> (in any role) or, for a lot, any of its
    /// units (…/10/{lot}/21/%), oldest first; for containers, only from <paramref name="since"/>.
    /// </summary>
    private async Task<List<EventRow>> EventsNamingAsync(List<string> exact, string? unitsOf, DateTime? since, CancellationToken ct)
    {
        var naming = db.EventIdentifiers.Where(i => exact.Contains(i.Value)).Select(i => i.TraceabilityEventId);
        if (unitsOf is not null)
        {
            var units = IdentifierMatch.EscapeLike(unitsOf) + "/21/%";
            naming = naming.Concat(db.EventIdentifiers.Where(i => EF.Functions.Like(i.Value, units, IdentifierMatch.Escape.ToString())).Select(i => i.TraceabilityEventId));
        }
        var approved = ApprovedBusinesses;
        var query = db.Events.Where(e => naming.Contains(e.Id) && approved.Any(o => o.Id == e.OwnerId));
        if (since is { } from)
            query = query.Where(e => e.EventTime >= from);
        // Enough rows that hidden steps and corrections still leave a full page; the page shows at most MaxJourneyEvents.
        return await query.OrderBy(e => e.EventTime).ThenBy(e => e.Id).Take(options.MaxJourneyEvents * 4)
            .Select(e => new EventRow(e.Id, e.OwnerId, e.EventId, e.HasErrorDeclaration, e.Json))
            .ToListAsync(ct);
    }

    private static string? Gln(string? location) =>
        location is not null && DigitalLink.TryParse(VnTrace.Server.Platform.Events.Identifiers.Canonical(location), out var link, out _) && link.PrimaryKey.Ai is "414" or "417"
            ? link.PrimaryKey.Value : null;

    private static IEnumerable<string> NamedIdentifiers(EpcisEvent e) =>
        e.EpcList.Concat(e.QuantityList.Select(q => q.EpcClass)).Concat(OutputsRaw(e)).Concat(e.InputEpcList).Concat(e.InputQuantityList.Select(q => q.EpcClass))
            .Select(VnTrace.Server.Platform.Events.Identifiers.Canonical);

    private static IEnumerable<string> NamedContainers(EpcisEvent e) =>
        (e.ParentId is null ? e.EpcList : e.EpcList.Append(e.ParentId)).Select(VnTrace.Server.Platform.Events.Identifiers.Canonical);

    private static IEnumerable<string> OutputsRaw(EpcisEvent e) => e.OutputEpcList.Concat(e.OutputQuantityList.Select(q => q.EpcClass));

    private static IEnumerable<string> OutputsOf(EpcisEvent e) => OutputsRaw(e).Select(VnTrace.Server.Platform.Events.Identifiers.Canonical);

    private static IEnumerable<string> InputsOf(EpcisEvent e) =>
        e.InputEpcList.Concat(e.InputQuantityList.Select(q => q.EpcClass)).Select(VnTrace.Server.Platform.Events.Identifiers.Canonical);

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
        var products = await db.Products.Where(p => gtins.Contains(p.Gtin) && !p.Archived && approved.Any(o => o.Id == p.OrganizationId))
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
        var l = await db.Locations.Where(x => x.Gln == gln && !x.Archived && approved.Any(o => o.Id == x.OrganizationId))
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
        view.Place = Place(l.Gln, l.Name, l.CommuneCode, l.Latitude, l.Longitude);
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
        var journey = await ReadJourneyAsync(view, [view.Canonical], null, owner: null, ct);
        view.Known = journey.Rows > 0;
        if (!view.Known)
            return;
        // What was packed into it: the children of its aggregation events.
        var rows = await EventsNamingAsync([view.Canonical], null, null, ct);
        var children = rows.Select(r => StoredEventFormat.Deserialize(r.Json))
            .Where(e => e.Type == EpcisEventType.AggregationEvent && e.Action == EpcisAction.Add && e.ParentId is not null
                && VnTrace.Server.Platform.Events.Identifiers.Canonical(e.ParentId) == view.Canonical)
            .SelectMany(e => e.EpcList.Concat(e.QuantityList.Select(q => q.EpcClass)))
            .Select(VnTrace.Server.Platform.Events.Identifiers.Canonical).Distinct(StringComparer.Ordinal).ToList();
        view.Contents.AddRange(await RelatedLotsAsync(children, ct));
        if (view.Journey.Select(s => s.Place).OfType<PlaceView>().Where(p => p.Latitude is not null).DistinctBy(p => p.Gln) is var places)
            view.MapPlaces.AddRange(places);
    }
}
