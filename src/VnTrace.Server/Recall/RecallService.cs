using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Genealogy;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Events;
using VnTrace.Server.Trace;

namespace VnTrace.Server.Recall;

/// <summary>
/// Another way to tell a business about a recall besides the in-app notice (e-mail, SMS…). None is registered by
/// default; an adapter registered in DI is called for every notice once the campaign is stored.
/// </summary>
public interface IRecallNotificationChannel
{
    Task NotifyAsync(RecallCampaign campaign, RecallNotice notice, CancellationToken ct);
}

/// <summary>
/// Why a recall request was refused, in words for the problem response; <paramref name="Identifiers"/> names the
/// lots concerned when some were refused, so a form can point at their lines.
/// </summary>
public sealed record RecallRefusal(int Status, string Message, IReadOnlyList<string>? Identifiers = null);

/// <summary>
/// Opens recall campaigns from the genealogy (every business and quantity the recalled lots reached, within what the
/// initiator may see), records acknowledgements and closes campaigns. Each of the three is audited with the change.
/// </summary>
public sealed class RecallService(VnTraceDbContext db, TraceOptions traceOptions, IEnumerable<IRecallNotificationChannel> channels, TimeProvider clock,
    AuditTrail audit, IEnumerable<IIdentifierChangeObserver> changeObservers, ILogger<RecallService> logger)
{
    public async Task<(RecallCampaign? Campaign, RecallRefusal? Refusal)> OpenAsync(Guid initiatorId, IReadOnlyList<string> lots, string reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
            return (null, new(400, "reason is required (at most 2,000 characters): say what is wrong with the goods."));
        if (lots.Count is 0 or > 100)
            return (null, new(400, "lots must name from 1 to 100 lots, units or containers (Digital Link or EPC URI)."));
        var canonical = new List<string>();
        foreach (var lot in lots)
        {
            if (!EpcDigitalLink.TryToCanonicalDigitalLink(lot, out var id))
                return (null, new(400, $"'{lot}' is not a GS1 Digital Link or EPC URI."));
            canonical.Add(id);
        }
        canonical = canonical.Distinct(StringComparer.Ordinal).ToList();

        var visibility = await TraceVisibility.OfAsync(db, initiatorId, ct);
        // Who the goods belong to decides who may recall them, and their producer is told even when someone else recalls.
        var owners = new Dictionary<string, Guid?>(StringComparer.Ordinal);
        var refused = new List<string>();
        foreach (var lot in canonical)
        {
            var trust = await TrustOfAsync(lot, ct);
            owners[lot] = trust.Owner;
            // The authority recalls anything; a business its own goods, or what was shipped to it (its part downstream).
            // Having captured an event that mentions a lot makes nobody its owner.
            if (!visibility.SeesEverything && trust.Owner != initiatorId && !trust.WasShippedTo(initiatorId))
                refused.Add(lot);
        }
        if (refused.Count > 0)
            return (null, new(403, $"A business may recall only its own lots and lots shipped to it; not {string.Join(", ", refused)}.", refused));

        var partyId = visibility.PartyIdentifier;
        var source = new DatabaseTraceEventSource(db, visibility);
        var limits = new TraceLimits { MaxNodes = traceOptions.MaxNodes, MaxDepth = traceOptions.MaxDepth };
        var downstream = new HashSet<string>(StringComparer.Ordinal);
        var received = new Dictionary<string, (decimal? Quantity, string? Uom)>(StringComparer.Ordinal);
        var truncated = false;
        foreach (var lot in canonical)
        {
            var graph = await GenealogyTracer.TraceAsync(lot, TraceDirection.Forward, TraceWindow.Unbounded, source, limits, ct);
            if (graph.StartUnknown)
                return (null, new(404, $"No event you can see names '{lot}'.", [lot]));
            truncated |= graph.Truncated;
            foreach (var node in graph.Nodes.Where(n => n.Kind is TraceNodeKind.Lot or TraceNodeKind.Unit or TraceNodeKind.Container))
                downstream.Add(node.Id);
            AddReceived(graph, received);
        }

        // Parties are GLNs (…/417/{gln}); the businesses on the platform with that GLN are notified.
        var glns = received.Keys.Where(p => p != partyId).Select(p => p[(p.LastIndexOf('/') + 1)..]).ToList();
        var affected = await db.Organizations.Where(o => o.Gln != null && glns.Contains(o.Gln))
            .Select(o => new { o.Id, o.Gln }).ToListAsync(ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var campaign = new RecallCampaign
        {
            InitiatorId = initiatorId,
            Reason = reason.Trim(),
            OpenedAt = now,
            AffectedTruncated = truncated,
            Lots = [.. downstream.Union(canonical).Select(id => new RecallLot { Identifier = id, Named = canonical.Contains(id) })],
        };
        campaign.Notices = [.. affected.Where(a => a.Id != initiatorId).Select(a =>
        {
            var (quantity, uom) = received[$"https://id.gs1.org/417/{a.Gln}"];
            return new RecallNotice { CampaignId = campaign.Id, OrganizationId = a.Id, QuantityReceived = quantity, Uom = uom, NotifiedAt = now };
        })];
        // The producer of a lot someone else recalls hears of it too: it must stop shipping and see what went wrong.
        foreach (var producer in owners.Values.OfType<Guid>().Distinct())
            if (producer != initiatorId && campaign.Notices.All(n => n.OrganizationId != producer))
                campaign.Notices.Add(new RecallNotice { CampaignId = campaign.Id, OrganizationId = producer, NotifiedAt = now });
        db.RecallCampaigns.Add(campaign);
        audit.Record("recall.open", nameof(RecallCampaign), campaign.Id,
            new { lots = canonical, reason = campaign.Reason, notices = campaign.Notices.Count, truncated }, initiatorId);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        // The consumer pages of the recalled lots show the recall banner at once.
        await IdentifierChanges.NotifyAsync(changeObservers, [.. campaign.Lots.Select(l => l.Identifier)], logger, ct);
        foreach (var notice in campaign.Notices)
            foreach (var channel in channels)
                await channel.NotifyAsync(campaign, notice, ct);
        return (campaign, null);
    }

    /// <summary>Whose the recalled item is and where it was shipped, from every approved business's events about it.</summary>
    private async Task<LotTrust> TrustOfAsync(string identifier, CancellationToken ct)
    {
        string? gtin = null, lotNumber = null;
        var isLot = false;
        if (DigitalLink.TryParse(identifier, out var link, out _) && link.PrimaryKey.Ai == "01")
        {
            gtin = link.PrimaryKey.Value;
            lotNumber = link.Qualifiers.FirstOrDefault(q => q.Ai == "10") is { Ai: not null } q ? q.Value : null;
            isLot = lotNumber is not null && !link.Qualifiers.Any(q => q.Ai == "21");
        }
        var unitsOf = isLot ? identifier : null;
        var read = await LotEvents.ReadAsync(db, [identifier], unitsOf, MaxEventsRead, ct);
        var declared = gtin is null ? null : await LotTrust.DeclaredOwnerAsync(db, gtin, lotNumber, ct);
        return await LotTrust.OfAsync(db, declared, [identifier], unitsOf, read.Events, ct);
    }

    /// <summary>Events read to decide who may recall an item (its making and its shipments come first in time).</summary>
    private const int MaxEventsRead = 2000;

    /// <summary>
    /// What reached each party: the quantities on the shipping edges to it, or, where no shipment to it was
    /// recorded, on its receiving edges (counting both would count the same goods twice).
    /// </summary>
    private static void AddReceived(TraceGraph graph, Dictionary<string, (decimal? Quantity, string? Uom)> received)
    {
        var parties = graph.Nodes.Where(n => n.Kind == TraceNodeKind.Party).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var party in parties)
        {
            var edges = graph.Edges.Where(e => e.To == party && e.Kind == TraceEdgeKind.Shipped).ToList();
            if (edges.Count == 0)
                edges = graph.Edges.Where(e => e.To == party && e.Kind is TraceEdgeKind.Received or TraceEdgeKind.Transferred).ToList();
            if (edges.Count == 0)
                continue; // a source party: upstream, not reached
            var withQuantity = edges.Where(e => e.Quantity is not null).ToList();
            var uoms = withQuantity.Select(e => e.Uom).Distinct().ToList();
            (decimal? Quantity, string? Uom) sum = withQuantity.Count > 0 && uoms.Count == 1
                ? (withQuantity.Sum(e => e.Quantity!.Value), uoms[0])
                : (null, null);
            if (received.TryGetValue(party, out var earlier) && earlier.Uom == sum.Uom && earlier.Quantity is not null && sum.Quantity is not null)
                sum = (earlier.Quantity + sum.Quantity, sum.Uom);
            received[party] = sum;
        }
    }

    public async Task<RecallRefusal?> AcknowledgeAsync(Guid campaignId, Guid organizationId, decimal? quantityRecovered, string? note, CancellationToken ct)
    {
        if (quantityRecovered is < 0)
            return new(400, "quantityRecovered cannot be negative.");
        if (note?.Length > 2000)
            return new(400, "note is longer than 2,000 characters.");
        var campaign = await db.RecallCampaigns.AsTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        var notice = await db.RecallNotices.AsTracking().FirstOrDefaultAsync(n => n.CampaignId == campaignId && n.OrganizationId == organizationId, ct);
        if (campaign is null || notice is null)
            return new(404, $"You have no notice of recall {campaignId}.");
        if (campaign.Status == RecallStatus.Closed)
            return new(409, "The recall is closed; acknowledgements can no longer change.");
        notice.AcknowledgedAt = clock.GetUtcNow().UtcDateTime;
        notice.QuantityRecovered = quantityRecovered;
        notice.Note = note;
        audit.Record("recall.acknowledge", nameof(RecallCampaign), campaignId, new { quantityRecovered, note }, organizationId);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return null;
    }

    public async Task<RecallRefusal?> CloseAsync(Guid campaignId, Guid organizationId, bool isAuthority, string? note, CancellationToken ct)
    {
        var campaign = await db.RecallCampaigns.AsTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null || (campaign.InitiatorId != organizationId && !isAuthority))
            return new(404, $"There is no recall {campaignId} of yours.");
        if (campaign.Status == RecallStatus.Closed)
            return new(409, "The recall is already closed.");
        campaign.Status = RecallStatus.Closed;
        campaign.ClosedAt = clock.GetUtcNow().UtcDateTime;
        campaign.ClosingNote = note;
        var unacknowledged = await db.RecallNotices.CountAsync(n => n.CampaignId == campaignId && n.AcknowledgedAt == null, ct);
        audit.Record("recall.close", nameof(RecallCampaign), campaignId, new { note, unacknowledged },
            organizationId == Guid.Empty ? null : organizationId);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        var lots = await db.RecallLots.Where(l => l.CampaignId == campaignId).Select(l => l.Identifier).ToListAsync(ct);
        await IdentifierChanges.NotifyAsync(changeObservers, lots, logger, ct);
        return null;
    }

    /// <summary>Open recalls that cover an identifier (for the consumer page's recall banner).</summary>
    public Task<bool> IsRecalledAsync(string canonicalIdentifier, CancellationToken ct) =>
        db.RecallLots.AnyAsync(l => l.Identifier == canonicalIdentifier
            && db.RecallCampaigns.Any(c => c.Id == l.CampaignId && c.Status == RecallStatus.Open), ct);
}
