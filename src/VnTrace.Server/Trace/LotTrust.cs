using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Epcis;
using VnTrace.Server.Lots;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Gs1.Epcis.Cbv;

namespace VnTrace.Server.Trace;

/// <summary>
/// Whose word counts about a lot (or a unit, or a container). Facts about it (dates, ILMD, what it was made from)
/// come only from its <see cref="Owner"/>: the business whose product it is, or, for goods no approved business
/// declared, the one that first recorded making them. Another business joins its journey only through the chain
/// itself: a shipment to it recorded by a business already on the journey (the owner first), then its own
/// receiving event (Decree 37/2026 Art. 22, one step forward). Naming someone as the source one received from
/// proves nothing: anyone can write that.
/// </summary>
public sealed class LotTrust
{
    private readonly Dictionary<Guid, DateTimeOffset> shippedTo;
    private readonly Dictionary<Guid, DateTimeOffset> joined;

    private LotTrust(Guid? owner, Dictionary<Guid, DateTimeOffset> shippedTo, Dictionary<Guid, DateTimeOffset> joined)
    {
        Owner = owner;
        this.shippedTo = shippedTo;
        this.joined = joined;
    }

    /// <summary>The business whose lot this is; null when nobody declared it nor recorded making it.</summary>
    public Guid? Owner { get; }

    /// <summary>The event may tell facts about the lot: it is the owner's.</summary>
    public bool TellsFacts(LotEvent e) => Owner is { } owner && e.OwnerId == owner;

    /// <summary>The event is on the lot's journey: the owner's, or a linked business's from its receipt on.</summary>
    public bool IsOnJourney(LotEvent e) => TellsFacts(e) || (joined.TryGetValue(e.OwnerId, out var from) && e.Event.EventTime >= from);

    /// <summary>A business on the journey (the owner, or one the goods were shipped to and that received them).</summary>
    public bool IsOnJourney(Guid organizationId) => organizationId == Owner || joined.ContainsKey(organizationId);

    /// <summary>A business the goods were shipped to by one on the journey, received or not yet.</summary>
    public bool WasShippedTo(Guid organizationId) => shippedTo.ContainsKey(organizationId);

    /// <summary>
    /// The owner of a lot from master data: the approved business whose product the GTIN is, else one that recorded
    /// the lot as its own production (never a lot row of goods received from a partner).
    /// </summary>
    public static async Task<Guid?> DeclaredOwnerAsync(VnTraceDbContext db, string gtin, string? lotNumber, CancellationToken ct)
    {
        var approved = db.Organizations.Where(o => o.Status == OrganizationStatus.Approved && o.Kind == OrganizationKind.Business);
        var product = await db.Products.IgnoreTenantFilter("who declared a GTIN decides whose facts about its lots are trusted")
            .Where(p => p.Gtin == gtin && !p.Archived && approved.Any(o => o.Id == p.OrganizationId))
            .Select(p => (Guid?)p.OrganizationId).FirstOrDefaultAsync(ct);
        if (product is not null || lotNumber is null)
            return product;
        return await db.Lots.IgnoreTenantFilter("who produced a lot decides whose facts about it are trusted")
            .Where(l => l.Gtin == gtin && l.LotNumber == lotNumber && l.Origin == LotOrigin.Produced && approved.Any(o => o.Id == l.OrganizationId))
            .OrderBy(l => l.CreatedAt).Select(l => (Guid?)l.OrganizationId).FirstOrDefaultAsync(ct);
    }

    /// <param name="declaredOwner">From master data (<see cref="DeclaredOwnerAsync"/>); null to take the first maker.</param>
    /// <param name="item">The item's own identifiers; <paramref name="unitsOf"/> a lot whose units count as it.</param>
    public static async Task<LotTrust> OfAsync(VnTraceDbContext db, Guid? declaredOwner, IReadOnlyCollection<string> item, string? unitsOf,
        IReadOnlyList<LotEvent> events, CancellationToken ct)
    {
        var owner = declaredOwner ?? FirstMaker(events, item, unitsOf);
        var shippedTo = new Dictionary<Guid, DateTimeOffset>();
        var joined = new Dictionary<Guid, DateTimeOffset>();
        var trust = new LotTrust(owner, shippedTo, joined);
        if (owner is null || events.All(e => e.OwnerId == owner))
            return trust;

        // Destinations are parties (…/417/) or locations (…/414/); both lead to the business they belong to.
        var glns = events.SelectMany(e => e.Event.DestinationList).Select(d => LotEvents.Gln(d.Value)).OfType<string>().Distinct().ToList();
        var involved = events.Select(e => e.OwnerId).Distinct().ToList();
        var businessOf = await db.Organizations.Where(o => o.Gln != null && glns.Contains(o.Gln) && involved.Contains(o.Id))
            .Select(o => new { Gln = o.Gln!, o.Id }).ToDictionaryAsync(o => o.Gln, o => o.Id, ct);
        foreach (var place in await db.Locations.IgnoreTenantFilter("whose place a shipment went to decides whose receiving is on the chain")
            .Where(l => glns.Contains(l.Gln) && involved.Contains(l.OrganizationId)).Select(l => new { l.Gln, l.OrganizationId }).ToListAsync(ct))
            businessOf.TryAdd(place.Gln, place.OrganizationId);

        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var e in events.Where(trust.IsOnJourney))
                foreach (var gln in e.Event.DestinationList.Select(d => LotEvents.Gln(d.Value)).OfType<string>())
                    if (businessOf.TryGetValue(gln, out var receiver) && receiver != owner && Earlier(shippedTo, receiver, e.Event.EventTime))
                        grew = true;
            foreach (var e in events)
                if (shippedTo.TryGetValue(e.OwnerId, out var shipped) && e.Event.EventTime >= shipped && IsReceiving(e.Event)
                    && Earlier(joined, e.OwnerId, e.Event.EventTime))
                    grew = true;
        }
        return trust;
    }

    private static bool Earlier(Dictionary<Guid, DateTimeOffset> times, Guid id, DateTimeOffset time)
    {
        if (times.TryGetValue(id, out var known) && known <= time)
            return false;
        times[id] = time;
        return true;
    }

    private static bool IsReceiving(EpcisEvent e) => e.BizStep is { } step && Cbv.TryGetWord(CbvVocabulary.BizStep, step, out var word) && word is "receiving" or "accepting";

    /// <summary>The business whose event, first captured, brought the item into being (commissioned it, made it or packed it).</summary>
    private static Guid? FirstMaker(IReadOnlyList<LotEvent> events, IReadOnlyCollection<string> item, string? unitsOf) =>
        events.OrderBy(e => e.RowId)
            .FirstOrDefault(e => LotEvents.CreatedBy(e.Event).Any(id => item.Contains(id) || (unitsOf is not null && id.StartsWith(unitsOf + "/21/", StringComparison.Ordinal))))
            ?.OwnerId;
}
