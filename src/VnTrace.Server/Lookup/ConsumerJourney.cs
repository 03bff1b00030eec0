using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Cbv;
using VnTrace.Server.Lookup.Publication;
using VnTrace.Server.Organizations.Reference;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Trace;

namespace VnTrace.Server.Lookup;

/// <summary>What reading the journey found besides the steps it put on the view.</summary>
public sealed class JourneyResult
{
    public required LotTrust Trust { get; init; }
    public required LotEventSet Read { get; init; }
    public int Rows => Read.DirectRows;
    public bool NamesSerial { get; set; }
    public List<JourneyFact> LotFacts { get; } = [];
    public DateOnly? FirstPacking { get; set; }
    public List<string> Inputs { get; } = [];
    public Dictionary<string, (Guid Id, Guid Owner)> Locations { get; } = new(StringComparer.Ordinal);

    public IEnumerable<Guid> LocationIdsOf(Guid owner) => Locations.Values.Where(l => l.Owner == owner).Select(l => l.Id);
}

/// <summary>
/// The journey on a consumer page: the events <see cref="LotTrust"/> lets speak, each under its business's
/// publication choice, and the lot facts only its owner's events may tell.
/// </summary>
public sealed class ConsumerJourney(VnTraceDbContext db, LookupOptions options, PublicationChoices choices)
{
    /// <summary>ILMD facts a consumer may see (CBV master-data attributes and the names VnTrace's own forms write).</summary>
    private static readonly HashSet<string> PublicFacts = new(StringComparer.Ordinal)
    {
        "harvestDate", "productionDate", "packingDate", "itemExpirationDate", "bestBeforeDate", "expiryDate", "expirationDate",
        "crop", "plantingAreaCode", "countryOfOrigin",
    };

    /// <summary>The choices read so far in this lookup, shared with the rest of the page.</summary>
    public PublicationChoices Choices => choices;

    /// <param name="declaredOwner">The business whose product or lot this is by master data; null to take the first maker.</param>
    public async Task<JourneyResult> ReadAsync(ConsumerView view, List<string> exact, string? unitsOf, Guid? declaredOwner, CancellationToken ct)
    {
        // Enough rows that hidden steps and corrections still leave a full page; the page shows at most MaxJourneyEvents.
        var read = await LotEvents.ReadAsync(db, exact, unitsOf, options.MaxJourneyEvents * 4, ct);
        view.Identifiers.UnionWith(read.Containers.Keys);
        var trust = await LotTrust.OfAsync(db, declaredOwner, exact, unitsOf, read.Events, ct);
        var result = new JourneyResult { Trust = trust, Read = read };
        var events = read.Events.Where(trust.IsOnJourney).ToList();

        var owners = events.Select(x => x.OwnerId).Distinct().ToList();
        view.Organizations.UnionWith(owners);
        var owned = await choices.ForAsync(owners, ct);
        var ownerNames = await db.Organizations.Where(o => owners.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

        var glns = events.SelectMany(x => (string?[])[LotEvents.Gln(x.Event.BizLocation), LotEvents.Gln(x.Event.ReadPoint)]).OfType<string>().Distinct().ToList();
        var locations = await db.Locations.IgnoreTenantFilter("the journey names the places of every step, as their owners publish them")
            .Where(l => glns.Contains(l.Gln) && !l.Archived)
            .Select(l => new { l.Id, l.Gln, l.Name, l.CommuneCode, l.Latitude, l.Longitude, l.Internal, l.OrganizationId })
            .ToDictionaryAsync(l => l.Gln, ct);
        var places = await choices.ForAsync(locations.Values.Select(l => l.OrganizationId), ct);
        var parties = await db.Organizations.Where(o => o.Gln != null && glns.Contains(o.Gln))
            .Select(o => new { Gln = o.Gln!, o.Name, o.CommuneCode }).ToDictionaryAsync(o => o.Gln, ct);

        var serialIds = view.Serial is null ? [] : exact.Where(x => x.Contains("/21/", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        foreach (var x in events)
        {
            var e = x.Event;
            var named = LotEvents.NamedIdentifiers(e).ToList();
            if (serialIds.Count > 0 && named.Any(serialIds.Contains))
                result.NamesSerial = true;
            var choice = owned[x.OwnerId];
            if (!choice.Shows(PublicField.Journey) || !choice.ShowsBizStep(e.BizStep))
                continue;
            var gln = LotEvents.Gln(e.BizLocation) ?? LotEvents.Gln(e.ReadPoint);
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

            // Facts about the lot are its owner's to tell; the businesses down the chain tell only where and when.
            var facts = !trust.TellsFacts(x) ? [] : (e.Ilmd ?? []).Where(f => f.Value is { Length: > 0 and <= 100 } && PublicFacts.Contains(f.LocalName))
                .Select(f => new JourneyFact(f.LocalName, f.Value!)).ToList();
            if (trust.TellsFacts(x))
            {
                var aboutThisLot = view.LotIdentifier is null || named.Any(n => n == view.LotIdentifier || n.StartsWith(view.LotIdentifier + "/", StringComparison.Ordinal));
                var madeHere = LotEvents.OutputsOf(e).Any(o => exact.Contains(o) || (view.LotIdentifier is { } lotId && o.StartsWith(lotId + "/", StringComparison.Ordinal)));
                // Lot facts (harvest date, crop…) come from the events that create this lot, not from the lots it was made from.
                if ((aboutThisLot && e.Type != EpcisEventType.TransformationEvent) || madeHere)
                    result.LotFacts.AddRange(facts.Where(f => !result.LotFacts.Any(y => y.Name == f.Name)));
                if (e.Type == EpcisEventType.TransformationEvent && madeHere)
                    result.Inputs.AddRange(LotEvents.InputsOf(e).Where(i => !result.Inputs.Contains(i)));
                if (StepWord(e.BizStep) == "packing" && result.FirstPacking is null)
                    result.FirstPacking = DateOnly.FromDateTime(e.EventTime.DateTime);
            }

            if (view.Journey.Count >= options.MaxJourneyEvents)
            {
                view.JourneyTruncated = true;
                continue;
            }
            view.Journey.Add(new JourneyStep(e.EventTime, e.Type, e.Action, e.BizStep, ownerNames.GetValueOrDefault(x.OwnerId, ""), place, facts));
        }
        return result;
    }

    /// <summary>A CBV business step's word; null for anything else.</summary>
    private static string? StepWord(string? bizStep) =>
        bizStep is not null && Cbv.TryGetWord(CbvVocabulary.BizStep, bizStep, out var word) ? word : null;

    public static PlaceView Place(string gln, string name, string? communeCode, double? latitude, double? longitude, string? ownerName = null)
    {
        var commune = communeCode is { Length: > 0 } c ? AdministrativeUnits.FindCommune(c) : null;
        var province = commune is null ? null : AdministrativeUnits.FindProvince(commune.ProvinceCode);
        return new PlaceView(gln, name, commune?.FullName, province?.FullName, latitude, longitude, ownerName);
    }
}

/// <summary>Publication choices, read once per lookup for each business.</summary>
public sealed class PublicationChoices(VnTraceDbContext db)
{
    private readonly Dictionary<Guid, PublicationChoice> choices = [];

    public async Task<Dictionary<Guid, PublicationChoice>> ForAsync(IEnumerable<Guid> organizationIds, CancellationToken ct)
    {
        var wanted = organizationIds.Distinct().ToList();
        var missing = wanted.Where(id => !choices.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            foreach (var (id, choice) in await PublicationPolicy.ForAsync(db, missing, ct))
                choices[id] = choice;
        return wanted.ToDictionary(id => id, id => choices[id]);
    }

    public async Task<PublicationChoice> ForAsync(Guid organizationId, CancellationToken ct) => (await ForAsync([organizationId], ct))[organizationId];
}
