using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Cbv;
using VnTrace.Gs1.Genealogy;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Lots.Diary;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Events;
using VnTrace.Server.Trace;

namespace VnTrace.Server.Lots;

/// <summary>One event of a lot's diary as the lot page shows it.</summary>
/// <param name="RowId">The stored event's row, for "correct this event".</param>
/// <param name="Mine">Recorded by this business (only those can be corrected); otherwise a partner's, shared by naming us.</param>
/// <param name="Quantities">"1.200 kg", or "lot X: 50 kg" for other lots the event names (processing inputs and outputs).</param>
public sealed record TimelineEntry(long RowId, string EventId, bool Mine, string Recorder, DateTimeOffset Time, string Step,
    IReadOnlyList<string> Details, string? Place, IReadOnlyList<string> Quantities, string? Partner,
    bool Erroneous, string? ErrorReason, string? ErrorNote, bool IsCorrection);

/// <summary>One step back or forward: a lot (linked when it is ours) or a business.</summary>
public sealed record LotLink(string Label, string? Href, TraceNodeKind Kind, string Relation, string? Quantity);

/// <summary>What the lot page shows below the lot's facts.</summary>
public sealed record LotDiary(IReadOnlyList<TimelineEntry> Timeline, bool TimelineCut, IReadOnlyList<LotLink> Back, IReadOnlyList<LotLink> Forward);

/// <summary>
/// Reads a lot's diary: every event naming the lot that this business may see (its own, and partners' that name its
/// party — Trace/TraceVisibility), oldest first; one step back and one step forward from the genealogy tracer at
/// depth 1 over the same events, leaving out events declared erroneous.
/// </summary>
public sealed class LotHistory(VnTraceDbContext db, IStringLocalizer<LotText> t, IStringLocalizer<TraceText> steps)
{
    public const int MaxTimeline = 500;
    public const int MaxExport = 10_000;

    public async Task<LotDiary> ReadAsync(Guid organizationId, Lot lot, CancellationToken ct)
    {
        var lotClass = LotCodes.LotClass(lot.Gtin, lot.LotNumber);
        var visibility = await TraceVisibility.OfAsync(db, organizationId, ct);
        var rows = await VisibleRows(visibility, lotClass).Take(MaxTimeline + 1).ToListAsync(ct);
        var cut = rows.Count > MaxTimeline;
        if (cut)
            rows.RemoveAt(rows.Count - 1);

        var events = rows.Select(r => (Row: r, Event: StoredEventFormat.Deserialize(r.Json))).ToList();
        var names = await NamesAsync(organizationId, rows.Select(r => r.OwnerId), events.Select(e => e.Event), ct);

        // An error declaration repeats its event (EPCIS 2.0 §7.4.1.2): it marks the original, it is not shown apart.
        var declarations = events.Where(e => e.Row.HasErrorDeclaration)
            .GroupBy(e => (e.Row.OwnerId, e.Row.EventId)).ToDictionary(g => g.Key, g => g.First().Event.ErrorDeclaration!);
        var corrective = declarations.Values.SelectMany(d => d.CorrectiveEventIds).ToHashSet(StringComparer.Ordinal);
        var timeline = events.Where(e => !e.Row.HasErrorDeclaration).Select(e =>
        {
            declarations.TryGetValue((e.Row.OwnerId, e.Row.EventId), out var declared);
            return Entry(e.Row, e.Event, lotClass, organizationId, names, declared, corrective.Contains(e.Row.EventId));
        }).ToList();

        var (back, forward) = await OneStepAsync(organizationId, visibility, lotClass, names, ct);
        return new LotDiary(timeline, cut, back, forward);
    }

    /// <summary>The lot's events for export: the same events as the timeline, error declarations included.</summary>
    public async Task<List<EpcisEvent>> ExportAsync(Guid organizationId, Lot lot, CancellationToken ct)
    {
        var visibility = await TraceVisibility.OfAsync(db, organizationId, ct);
        var rows = await VisibleRows(visibility, LotCodes.LotClass(lot.Gtin, lot.LotNumber)).Take(MaxExport).ToListAsync(ct);
        return [.. rows.Select(r => StoredEventFormat.Deserialize(r.Json))];
    }

    /// <summary>One of this business's own events, for the correction form.</summary>
    public async Task<TimelineEntry?> OwnEventAsync(Guid organizationId, Lot lot, long rowId, CancellationToken ct)
    {
        var row = await db.Events.Where(e => e.Id == rowId && e.OwnerId == organizationId && !e.HasErrorDeclaration)
            .Select(e => new Row(e.Id, e.OwnerId, e.EventId, e.HasErrorDeclaration, e.Json)).FirstOrDefaultAsync(ct);
        if (row is null)
            return null;
        var e = StoredEventFormat.Deserialize(row.Json);
        var names = await NamesAsync(organizationId, [organizationId], [e], ct);
        var declared = await db.Events.Where(d => d.OwnerId == organizationId && d.EventId == row.EventId && d.HasErrorDeclaration)
            .Select(d => d.Json).FirstOrDefaultAsync(ct);
        return Entry(row, e, LotCodes.LotClass(lot.Gtin, lot.LotNumber), organizationId, names,
            declared is null ? null : StoredEventFormat.Deserialize(declared).ErrorDeclaration, false);
    }

    private sealed record Row(long Id, Guid OwnerId, string EventId, bool HasErrorDeclaration, string Json);

    private IQueryable<Row> VisibleRows(TraceVisibility visibility, string lotClass)
    {
        var naming = db.EventIdentifiers.Where(i => i.Value == lotClass).Select(i => i.TraceabilityEventId);
        return visibility.Filter(db, db.Events.Where(e => naming.Contains(e.Id)))
            .OrderBy(e => e.EventTime).ThenBy(e => e.Id)
            .Select(e => new Row(e.Id, e.OwnerId, e.EventId, e.HasErrorDeclaration, e.Json));
    }

    /// <summary>Names for the organizations, parties, places and lots the events mention.</summary>
    private sealed record Names(
        Dictionary<Guid, string> Organizations,
        Dictionary<string, string> PartiesByGln,
        Dictionary<string, string> PlacesByGln,
        Dictionary<(string Gtin, string Lot), Guid> OwnLots,
        Dictionary<string, string> ProductsByGtin,
        string? SelfGln);

    private async Task<Names> NamesAsync(Guid organizationId, IEnumerable<Guid> owners, IEnumerable<EpcisEvent> events, CancellationToken ct)
    {
        var glns = new HashSet<string>(StringComparer.Ordinal);
        var lots = new HashSet<(string, string)>();
        foreach (var e in events)
        {
            foreach (var id in (IEnumerable<string?>)[e.ReadPoint, e.BizLocation, .. e.SourceList.Select(s => s.Value), .. e.DestinationList.Select(d => d.Value)])
            {
                if (DigitalLink.TryGetGln(id, out var gln))
                    glns.Add(gln.ToString());
            }
            foreach (var q in (IEnumerable<QuantityElement>)[.. e.QuantityList, .. e.InputQuantityList, .. e.OutputQuantityList])
            {
                if (LotCodes.TryReadLotClass(q.EpcClass, out var gtin, out var lot))
                    lots.Add((gtin, lot));
            }
        }
        return await NamesAsync(organizationId, owners, glns, lots, ct);
    }

    private async Task<Names> NamesAsync(Guid organizationId, IEnumerable<Guid> owners, HashSet<string> glns, HashSet<(string Gtin, string Lot)> lots, CancellationToken ct)
    {
        var ownerIds = owners.Append(organizationId).Distinct().ToList();
        var organizations = await db.Organizations.Where(o => ownerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var glnList = glns.ToList();
        var parties = await db.Organizations.Where(o => o.Gln != null && glnList.Contains(o.Gln))
            .Select(o => new { o.Gln, o.Name }).ToListAsync(ct);
        // A partner's place is named only when the partner did not mark it internal.
        var places = await db.Locations.IgnoreTenantFilter("a lot's history names its partners' places unless they marked them internal")
            .Where(l => glnList.Contains(l.Gln) && (l.OrganizationId == organizationId || !l.Internal))
            .Select(l => new { l.Gln, l.Name }).ToListAsync(ct);
        var gtins = lots.Select(l => l.Gtin).Distinct().ToList();
        var ownLots = await db.Lots.Where(l => l.OrganizationId == organizationId && gtins.Contains(l.Gtin))
            .Select(l => new { l.Gtin, l.LotNumber, l.Id }).ToListAsync(ct);
        var products = await db.ProductNames.Where(p => gtins.Contains(p.Gtin)).Select(p => new { p.Gtin, p.NameVi, p.NameEn }).ToListAsync(ct);
        var selfGln = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Gln).FirstOrDefaultAsync(ct);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return new Names(
            organizations,
            parties.ToDictionary(p => p.Gln!, p => p.Name, StringComparer.Ordinal),
            places.ToDictionary(p => p.Gln, p => p.Name, StringComparer.Ordinal),
            ownLots.Where(l => lots.Contains((l.Gtin, l.LotNumber))).ToDictionary(l => (l.Gtin, l.LotNumber), l => l.Id),
            products.ToDictionary(p => p.Gtin, p => english && !string.IsNullOrWhiteSpace(p.NameEn) ? p.NameEn! : p.NameVi, StringComparer.Ordinal),
            selfGln);
    }

    private TimelineEntry Entry(Row row, EpcisEvent e, string lotClass, Guid organizationId, Names names, ErrorDeclaration? declared, bool isCorrection)
    {
        var details = new List<string>();
        string? partner = null;
        var step = StepName(e);
        var bizStep = e.BizStep is null ? "" : Cbv.ToBareWord(CbvVocabulary.BizStep, e.BizStep);
        if (e.BizStep == DiaryEvents.FarmingInputStep)
        {
            var kind = DiaryEvents.Extension(e, "kind", "farmingInput") ?? "other";
            var dose = DiaryEvents.Extension(e, "dose", "farmingInput");
            if (decimal.TryParse(dose, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
                dose = Amount(amount, null);
            details.Add(t["Timeline.FarmingInput", t["InputKind." + kind], DiaryEvents.Extension(e, "name", "farmingInput") ?? "",
                dose ?? "", DiaryEvents.Extension(e, "doseUnit", "farmingInput") ?? ""]);
            if (DiaryEvents.Extension(e, "preHarvestIntervalDays", "farmingInput") is { } days)
                details.Add(t["Timeline.PreHarvestInterval", days]);
        }
        if (DiaryEvents.Extension(e, "packaging") is { } packaging)
            details.Add(t["Timeline.Packaging", packaging]);
        if (DiaryEvents.Extension(e, "packageCount") is { } count)
            details.Add(t["Timeline.PackageCount", count]);
        // The partner is the other side: the receiver of a shipping, the sender of anything else, never ourselves.
        var (near, far) = bizStep == "shipping" ? (e.DestinationList, e.SourceList) : (e.SourceList, e.DestinationList);
        partner = OtherParty(near, names) ?? OtherParty(far, names);
        foreach (var b in e.BizTransactionList)
        {
            var type = b.Type is null ? "" : Cbv.ToBareWord(CbvVocabulary.BizTransactionType, b.Type);
            var kind = type is "desadv" or "po" or "inv" or "bol" or "recadv" ? t["Document." + type].Value : t["Document.other"].Value;
            details.Add(t["Timeline.Document", kind, DiaryEvents.DocumentNumber(b.Value)]);
        }
        if (DiaryEvents.Extension(e, "note") is { } note)
            details.Add(note);

        var place = e.BizLocation ?? e.ReadPoint;
        string? placeName = null;
        if (place is not null)
        {
            var gln = DigitalLink.TryGetGln(place, out var found) ? found.ToString() : null;
            placeName = gln is not null && names.PlacesByGln.TryGetValue(gln, out var n) ? $"{n} (GLN {gln})" : gln is not null ? $"GLN {gln}" : place;
        }

        var quantities = new List<string>();
        if (e.Type == EpcisEventType.TransformationEvent)
        {
            quantities.AddRange(e.InputQuantityList.Select(q => t["Timeline.Input", LotLabel(q.EpcClass, lotClass, names), Amount(q)].Value));
            quantities.AddRange(e.OutputQuantityList.Select(q => t["Timeline.Output", LotLabel(q.EpcClass, lotClass, names), Amount(q)].Value));
        }
        else
        {
            foreach (var q in e.QuantityList)
            {
                var amount = Amount(q);
                if (Identifiers.Canonical(q.EpcClass) == lotClass)
                {
                    if (amount.Length > 0)
                        quantities.Add(amount);
                }
                else
                    quantities.Add(t["Timeline.OtherLot", LotLabel(q.EpcClass, lotClass, names), amount].Value);
            }
            quantities.AddRange(e.EpcList.Select(Identifiers.Canonical));
        }

        string? reason = null, errorNote = null;
        if (declared is not null)
        {
            var word = declared.Reason is null ? null : Cbv.ToBareWord(CbvVocabulary.ErrorReason, declared.Reason);
            reason = word switch
            {
                null => t["Correction.Reason.Unknown"],
                "did_not_occur" or "incorrect_data" => t["Correction.Reason." + word],
                _ => word,
            };
            errorNote = declared.Extensions.FirstOrDefault(x => x.Namespace == DiaryEvents.Namespace && x.LocalName == "note")?.Value;
        }
        return new TimelineEntry(row.Id, row.EventId, row.OwnerId == organizationId, names.Organizations.GetValueOrDefault(row.OwnerId, ""),
            e.EventTime, step, details, placeName, quantities, partner, declared is not null, reason, errorNote, isCorrection);
    }

    /// <summary>The diary entry an event is, in words, as every page names steps (<see cref="StepNames"/>): never a raw bizStep.</summary>
    public string StepName(EpcisEvent e) => StepNames.Of(steps, t, e.Type, e.Action, e.BizStep);

    /// <summary>
    /// The words of the entries the diary writes with a shape of their own — a farming input (our bizStep), processing
    /// (a transformation), a harvest (an ADD with bizStep creating_class_instance) — or null for any other event, which
    /// a page words by its CBV bizStep. One place, so that the dashboard names an entry as the lot page does.
    /// </summary>
    public static string? DiaryStepName(IStringLocalizer<LotText> t, EpcisEventType type, EpcisAction? action, string? bizStep)
    {
        if (bizStep == DiaryEvents.FarmingInputStep)
            return t["Step.farming_input"];
        if (type == EpcisEventType.TransformationEvent)
            return t["Step.processing"];
        if (type == EpcisEventType.ObjectEvent && action == EpcisAction.Add && bizStep is not null
            && Cbv.ToBareWord(CbvVocabulary.BizStep, bizStep) == "creating_class_instance")
            return t["Step.harvest"];
        return null;
    }

    /// <summary>The first party of the list that is not this business, by name when it is on the platform.</summary>
    private static string? OtherParty(List<SourceDestination> list, Names names)
    {
        foreach (var s in list.Where(s => Cbv.ToBareWord(CbvVocabulary.SourceDestType, s.Type) is "owning_party" or "possessing_party"))
        {
            var gln = DigitalLink.TryGetGln(s.Value, out var found) ? found.ToString() : null;
            if (gln is not null && gln == names.SelfGln)
                continue;
            return gln is not null && names.PartiesByGln.TryGetValue(gln, out var name) ? $"{name} (GLN {gln})" : gln is not null ? $"GLN {gln}" : s.Value;
        }
        return null;
    }

    private string LotLabel(string epcClass, string thisLot, Names names)
    {
        var canonical = Identifiers.Canonical(epcClass);
        if (canonical == thisLot)
            return t["Timeline.ThisLot"];
        if (!LotCodes.TryReadLotClass(canonical, out var gtin, out var lot))
            return canonical;
        return names.ProductsByGtin.TryGetValue(gtin, out var product) ? t["Lot.Label", product, lot] : t["Lot.Label", "GTIN " + gtin, lot];
    }

    public static string Amount(QuantityElement q) => Amount(q.Quantity, q.Uom);

    public static string Amount(decimal? quantity, string? uom) =>
        quantity is not { } v ? "" : (v.ToString("#,##0.####", CultureInfo.CurrentCulture) + (QuantityUnits.Word(uom) is { } w ? " " + w : "")).Trim();

    /// <summary>One step back and forward: the tracer at depth 1 over the events this business sees, erroneous ones left out.</summary>
    private async Task<(List<LotLink> Back, List<LotLink> Forward)> OneStepAsync(Guid organizationId, TraceVisibility visibility,
        string lotClass, Names known, CancellationToken ct)
    {
        var source = new WithoutErroneousEvents(db, visibility, new DatabaseTraceEventSource(db, visibility));
        var graph = await GenealogyTracer.TraceAsync(lotClass, TraceDirection.Both, TraceWindow.Unbounded, source,
            new TraceLimits { MaxNodes = 200, MaxDepth = 1 }, ct);
        var self = visibility.PartyIdentifier;
        var nodes = graph.Nodes.Where(n => n.Depth == 1 && n.Id != self && n.Kind is not TraceNodeKind.Location).ToList();

        var glns = nodes.Where(n => n.Kind == TraceNodeKind.Party).Select(n => DigitalLink.TryGetGln(n.Id, out var g) ? g.ToString() : null).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var lots = new HashSet<(string, string)>();
        foreach (var n in nodes)
        {
            if (LotCodes.TryReadLotClass(n.Id, out var gtin, out var lot))
                lots.Add((gtin, lot));
        }
        var names = await NamesAsync(organizationId, [], glns, lots, ct);
        foreach (var (gln, name) in known.PartiesByGln)
            names.PartiesByGln.TryAdd(gln, name);

        LotLink Link(TraceNode n, TraceEdge? edge)
        {
            string label;
            string? href = null;
            if (n.Kind == TraceNodeKind.Party)
            {
                var gln = DigitalLink.TryGetGln(n.Id, out var found) ? found.ToString() : null;
                label = gln is not null && names.PartiesByGln.TryGetValue(gln, out var name) ? $"{name} (GLN {gln})" : n.Label;
            }
            else if (LotCodes.TryReadLotClass(n.Id, out var gtin, out var lot))
            {
                label = names.ProductsByGtin.TryGetValue(gtin, out var product) ? t["Lot.Label", product, lot] : t["Lot.Label", "GTIN " + gtin, lot];
                if (names.OwnLots.TryGetValue((gtin, lot), out var id))
                    href = $"/workspace/lots/{id}";
            }
            else
                label = n.Label;
            var relation = edge is null ? "" : t["Relation." + edge.Kind].Value;
            return new LotLink(label, href, n.Kind, relation, edge is null ? null : Amount(edge.Quantity, edge.Uom));
        }

        var back = new List<LotLink>();
        var forward = new List<LotLink>();
        foreach (var n in nodes)
        {
            if (n.Direction is TraceDirection.Backward or TraceDirection.Both)
                back.Add(Link(n, graph.Edges.FirstOrDefault(e => e.From == n.Id && e.To == lotClass)));
            if (n.Direction is TraceDirection.Forward or TraceDirection.Both)
                forward.Add(Link(n, graph.Edges.FirstOrDefault(e => e.From == lotClass && e.To == n.Id)));
        }
        return (back, forward);
    }

    /// <summary>Leaves out events their owner declared erroneous (and the declarations): they link nothing.</summary>
    private sealed class WithoutErroneousEvents(VnTraceDbContext db, TraceVisibility visibility, ITraceEventSource inner) : ITraceEventSource
    {
        public async ValueTask<IReadOnlyList<TraceEvent>> EventsNamingAsync(IReadOnlyCollection<string> identifiers, CancellationToken ct)
        {
            var events = await inner.EventsNamingAsync(identifiers, ct);
            var ids = events.Select(e => e.EventId).Distinct().ToList();
            if (ids.Count == 0)
                return events;
            var declared = (await visibility.Filter(db, db.Events.Where(e => e.HasErrorDeclaration && ids.Contains(e.EventId)))
                .Select(e => e.EventId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            return declared.Count == 0 ? events : [.. events.Where(e => !declared.Contains(e.EventId))];
        }
    }
}
