using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Epcis;
using VnTrace.Server.Exports;
using VnTrace.Server.Lots;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Events;
using VnTrace.Server.Products;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Lists;
using VnTrace.Server.Programme.Plans;
using VnTrace.Server.Programme.Risk;

namespace VnTrace.Server.Programme.Coverage;

/// <summary>A lot (or a product without a lot in the period) that is not traced, and what it lacks: "step:shipping", "field:Product image".</summary>
public sealed record CoverageGap(Guid ProductId, string Product, string Gtin, Guid? LotId, string? Lot, Guid OrganizationId, string Organization,
    string? CommuneCode, string? Sector, IReadOnlyList<string> Missing);

public sealed record CoverageProduct(Guid Id, string Name, string Gtin, Guid OrganizationId, string Organization, string? CommuneCode, string? Sector,
    string RiskLevel, int Lots, int TracedLots);

/// <param name="Kind">"entry" (an approved list entry) or "high_risk" (a group whose products are high risk).</param>
public sealed record CoverageTarget(string Kind, Guid? EntryId, string? List, string ProductGroup, string? Sector, IReadOnlyList<string> Steps,
    int Products, int Businesses, int Lots, int TracedLots, decimal TracedPct, IReadOnlyList<CoverageProduct> ProductDetails, IReadOnlyList<CoverageGap> Gaps);

public sealed record CoverageReport(int Year, DateOnly RiskDay, IReadOnlyList<CoverageTarget> Entries, IReadOnlyList<CoverageTarget> HighRiskGroups);

/// <summary>
/// Which registered products fall in each approved list entry of a year and in each high-risk group, and how many of
/// their lots of the period are traced: at least one event at every step the group's process requires
/// (<see cref="TraceSteps"/>) and the Decree 37/2026 Art. 23.5 minimum data set complete, exactly as the
/// minimum-data-set export (<see cref="MinimumDataSet"/>) would write it for the lot — a "[not recorded]" cell is a gap.
/// A lot's period is its production date, else the day it was recorded. Within the officer's scope.
/// </summary>
public sealed class CoverageService(VnTraceDbContext db, RiskService risk, TimeProvider clock)
{
    private sealed record ProductRow(Guid Id, string NameVi, string Gtin, string? Category, RiskLevel Declared, Guid OrganizationId,
        string Organization, string? CommuneCode, string? Sector);

    private sealed record LotRow(Guid Id, Guid ProductId, string Gtin, string LotNumber);

    /// <summary>The steps a lot shows and the data-set fields it lacks.</summary>
    private sealed record LotEvidence(IReadOnlySet<string> Steps, IReadOnlyList<string> MissingFields);

    /// <param name="highRiskOnly">Only the high-risk groups (the plan's indicator): no list entry is counted, and
    /// <see cref="CoverageReport.Entries"/> is empty.</param>
    public async Task<CoverageReport> ReportAsync(int year, OfficerScope scope, CancellationToken ct, bool highRiskOnly = false)
    {
        var period = IndicatorPeriod.Year(year);
        var today = Platform.Text.VietnamTime.Today(clock);
        var riskDay = today < period.From ? period.From : today >= period.To ? period.To.AddDays(-1) : today;

        var products = await ProductsAsync(scope, ct);
        var levels = await risk.ProductsAsync([.. products.Select(p => (p.Id, p.Category, p.Declared))], riskDay, ct);
        var entries = highRiskOnly ? []
            : await db.ProductListEntries.AsNoTracking().Where(e => e.Year == year && e.Status == ListEntryStatus.Approved).ToListAsync(ct);

        var entryTargets = entries.OrderBy(e => e.List).ThenBy(e => e.ProductGroup, StringComparer.CurrentCulture)
            .Select(e => (Entry: e, Products: products.Where(p => e.Covers(p.Id, p.Category, p.Gtin)).ToList())).ToList();
        var highRisk = products.Where(p => levels[p.Id].Level == RiskLevel.High)
            .GroupBy(p => p.Category is { Length: > 0 } c ? RiskAssessment.KeyOf(c) : "")
            .OrderBy(g => g.Key, StringComparer.CurrentCulture).ToList();

        var wanted = entryTargets.SelectMany(t => t.Products).Concat(highRisk.SelectMany(g => g)).Select(p => p.Id).Distinct().ToList();
        var lots = await LotsAsync(wanted, period, ct);
        var evidence = await EvidenceAsync(lots, ct);
        var lotsOf = lots.ToLookup(l => l.ProductId);

        CoverageTarget Target(string kind, ProductListEntry? entry, string group, IReadOnlyList<ProductRow> members, IReadOnlyList<string> steps)
        {
            var details = new List<CoverageProduct>();
            var gaps = new List<CoverageGap>();
            foreach (var p in members)
            {
                var own = lotsOf[p.Id].ToList();
                var traced = 0;
                if (own.Count == 0)
                    gaps.Add(Gap(p, null, ["no_lot_in_period"]));
                foreach (var lot in own)
                {
                    var e = evidence[lot.Id];
                    var missing = steps.Where(s => !e.Steps.Contains(s)).Select(s => "step:" + s).Concat(e.MissingFields.Select(f => "field:" + f)).ToList();
                    if (missing.Count == 0)
                        traced++;
                    else
                        gaps.Add(Gap(p, lot, missing));
                }
                details.Add(new CoverageProduct(p.Id, p.NameVi, p.Gtin, p.OrganizationId, p.Organization, p.CommuneCode, p.Sector,
                    RiskRule.Word(levels[p.Id].Level), own.Count, traced));
            }
            var lotCount = details.Sum(d => d.Lots);
            var tracedCount = details.Sum(d => d.TracedLots);
            return new CoverageTarget(kind, entry?.Id, entry is null ? null : ProductListService.Word(entry.List), group, entry?.Sector, steps,
                members.Count, members.Select(m => m.OrganizationId).Distinct().Count(), lotCount, tracedCount,
                IndicatorValue.Percent(tracedCount, lotCount).Actual, details,
                [.. gaps.OrderBy(g => g.CommuneCode).ThenBy(g => g.Sector).ThenBy(g => g.Organization).ThenBy(g => g.Product).ThenBy(g => g.Lot)]);
        }

        return new CoverageReport(year, riskDay,
            [.. entryTargets.Select(t => Target("entry", t.Entry, t.Entry.ProductGroup, t.Products, t.Entry.Steps.Count > 0 ? t.Entry.Steps : TraceSteps.Default))],
            [.. highRisk.Select(g => Target("high_risk", null, g.First().Category ?? "", [.. g], TraceSteps.Default))]);
    }

    /// <summary>
    /// The report narrowed to the businesses of a commune and/or sector (theirs, not the entry's), its counts
    /// recomputed from what is left. A target with nothing left stays only if its entry is of that sector.
    /// </summary>
    public static CoverageReport Narrow(CoverageReport report, string? communeCode, string? sector)
    {
        if (communeCode is null && sector is null)
            return report;
        bool Keep(string? c, string? s) => (communeCode is null || c == communeCode) && (sector is null || s == sector);
        CoverageTarget? One(CoverageTarget t)
        {
            var details = t.ProductDetails.Where(p => Keep(p.CommuneCode, p.Sector)).ToList();
            if (details.Count == 0 && (sector is null || t.Sector != sector))
                return null;
            var lots = details.Sum(d => d.Lots);
            var traced = details.Sum(d => d.TracedLots);
            return t with
            {
                Products = details.Count, Businesses = details.Select(d => d.OrganizationId).Distinct().Count(), Lots = lots, TracedLots = traced,
                TracedPct = IndicatorValue.Percent(traced, lots).Actual, ProductDetails = details,
                Gaps = [.. t.Gaps.Where(g => Keep(g.CommuneCode, g.Sector))],
            };
        }
        return report with
        {
            Entries = [.. report.Entries.Select(One).OfType<CoverageTarget>()],
            HighRiskGroups = [.. report.HighRiskGroups.Select(One).OfType<CoverageTarget>()],
        };
    }

    private static CoverageGap Gap(ProductRow p, LotRow? lot, IReadOnlyList<string> missing) =>
        new(p.Id, p.NameVi, p.Gtin, lot?.Id, lot?.LotNumber, p.OrganizationId, p.Organization, p.CommuneCode, p.Sector, missing);

    private async Task<List<ProductRow>> ProductsAsync(OfficerScope scope, CancellationToken ct)
    {
        var organizations = scope.Organizations(db.Organizations).Where(o => o.Status == OrganizationStatus.Approved);
        return await db.Products.IgnoreTenantFilter("coverage counts every business's products in the officer's scope")
            .Where(p => !p.Archived)
            .Join(organizations, p => p.OrganizationId, o => o.Id, (p, o) =>
                new ProductRow(p.Id, p.NameVi, p.Gtin, p.Category, p.RiskLevel, o.Id, o.Name, o.CommuneCode, o.Sector))
            .ToListAsync(ct);
    }

    private async Task<List<LotRow>> LotsAsync(List<Guid> productIds, IndicatorPeriod period, CancellationToken ct)
    {
        var result = new List<LotRow>();
        var (fromUtc, toUtc) = (period.FromUtc, period.ToUtc);
        foreach (var chunk in productIds.Chunk(1000))
        {
            result.AddRange(await db.Lots.IgnoreTenantFilter("coverage counts every business's lots in the officer's scope")
                .Where(l => l.ProductId != null && chunk.Contains(l.ProductId.Value))
                .Where(l => l.ProductionDate != null
                    ? l.ProductionDate >= period.From && l.ProductionDate < period.To
                    : l.CreatedAt >= fromUtc && l.CreatedAt < toUtc)
                .OrderBy(l => l.CreatedAt)
                .Select(l => new LotRow(l.Id, l.ProductId!.Value, l.Gtin, l.LotNumber))
                .ToListAsync(ct));
        }
        return result;
    }

    private sealed record EventRow(long Id, Guid OwnerId, string EventId, bool HasErrorDeclaration, string Json, DateTime RecordTime);

    private async Task<Dictionary<Guid, LotEvidence>> EvidenceAsync(List<LotRow> lots, CancellationToken ct)
    {
        var classes = lots.ToDictionary(l => l.Id, l => LotCodes.LotClass(l.Gtin, l.LotNumber));
        var naming = await IdentifiersAsync([.. classes.Values.Distinct()], null, ct);
        var events = await EventsAsync(naming.Select(n => n.EventRowId), ct);

        // A declared error (EPCIS 2.0 §7.4.1.2) takes its event out of the evidence.
        var erroneous = events.Values.Where(e => e.Row.HasErrorDeclaration).Select(e => (e.Row.OwnerId, e.Row.EventId)).ToHashSet();
        bool Valid((EventRow Row, EpcisEvent Event) e) => !e.Row.HasErrorDeclaration && !erroneous.Contains((e.Row.OwnerId, e.Row.EventId));

        // Packed lots travel in containers: the shipping of the pallet is the shipping of the lot.
        var containersOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var n in naming)
        {
            var e = events[n.EventRowId];
            if (Valid(e) && e.Event.Type == EpcisEventType.AggregationEvent && e.Event.Action == EpcisAction.Add && e.Event.ParentId is { } parent)
            {
                if (!containersOf.TryGetValue(n.Value, out var set))
                    containersOf[n.Value] = set = new(StringComparer.Ordinal);
                set.Add(Identifiers.Canonical(parent));
            }
        }
        var containerNaming = await IdentifiersAsync([.. containersOf.Values.SelectMany(s => s).Distinct()], [IdentifierRole.Epc, IdentifierRole.ParentId], ct);
        var containerEvents = await EventsAsync(containerNaming.Select(n => n.EventRowId).Where(id => !events.ContainsKey(id)), ct);
        foreach (var (id, e) in containerEvents)
            events[id] = e;
        erroneous.UnionWith(containerEvents.Values.Where(e => e.Row.HasErrorDeclaration).Select(e => (e.Row.OwnerId, e.Row.EventId)));

        var owners = events.Values.Select(e => e.Row.OwnerId).Distinct().ToList();
        var names = await db.Organizations.Where(o => owners.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        ExportEvent Export((EventRow Row, EpcisEvent Event) e) => new(e.Row.Id, e.Event, e.Row.OwnerId, names.GetValueOrDefault(e.Row.OwnerId, ""), e.Row.RecordTime);
        var records = await ExportRecords.ReadAsync(db, [.. events.Values.Where(Valid).Select(Export)], "", ct);

        var byClass = naming.GroupBy(n => n.Value).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var containerByValue = containerNaming.GroupBy(n => n.Value).ToDictionary(g => g.Key, g => g.Select(n => n.EventRowId).ToList(), StringComparer.Ordinal);
        var result = new Dictionary<Guid, LotEvidence>();
        foreach (var lot in lots)
        {
            var lotClass = classes[lot.Id];
            var own = byClass.GetValueOrDefault(lotClass) ?? [];
            var steps = new HashSet<string>(StringComparer.Ordinal);
            foreach (var n in own.Where(n => Valid(events[n.EventRowId])))
                steps.UnionWith(TraceSteps.Of(events[n.EventRowId].Event, n.Role is IdentifierRole.OutputEpc or IdentifierRole.OutputEpcClass));
            foreach (var container in containersOf.GetValueOrDefault(lotClass) ?? [])
                foreach (var id in containerByValue.GetValueOrDefault(container) ?? [])
                    if (Valid(events[id]))
                        steps.UnionWith(TraceSteps.Of(events[id].Event, false).Where(s => s is TraceSteps.Shipping or TraceSteps.Receiving));

            var lotEvents = own.Select(n => n.EventRowId).Distinct().Select(id => events[id]).Where(Valid)
                .OrderBy(e => e.Event.EventTime).ThenBy(e => e.Row.Id).Select(Export).ToList();
            result[lot.Id] = new LotEvidence(steps, MissingFields(lotEvents, lotClass, records));
        }
        return result;
    }

    /// <summary>The minimum data set's columns that its export would write "[not recorded]" for this lot.</summary>
    private static IReadOnlyList<string> MissingFields(List<ExportEvent> lotEvents, string lotClass, ExportRecords records)
    {
        var sheet = MinimumDataSet.Build(lotEvents, id => id == lotClass || id.StartsWith(lotClass + "/21/", StringComparison.Ordinal),
            records, ExportHeaders.English, []);
        if (sheet.Rows.Count == 0)
            return ["Key tracking events"];
        var missing = new List<string>();
        for (var i = 0; i < sheet.Columns.Count; i++)
            if (sheet.Rows.Any(r => r[i] is string s && s.StartsWith(ExportSheet.NotRecorded, StringComparison.Ordinal)))
                missing.Add(sheet.Columns[i].English);
        return missing;
    }

    private sealed record Naming(long EventRowId, IdentifierRole Role, string Value);

    private async Task<List<Naming>> IdentifiersAsync(List<string> values, IdentifierRole[]? roles, CancellationToken ct)
    {
        var result = new List<Naming>();
        foreach (var chunk in values.Chunk(500))
        {
            var query = db.EventIdentifiers.Where(i => chunk.Contains(i.Value));
            if (roles is not null)
                query = query.Where(i => roles.Contains(i.Role));
            result.AddRange(await query.Select(i => new Naming(i.TraceabilityEventId, i.Role, i.Value)).ToListAsync(ct));
        }
        return result;
    }

    private async Task<Dictionary<long, (EventRow Row, EpcisEvent Event)>> EventsAsync(IEnumerable<long> ids, CancellationToken ct)
    {
        var result = new Dictionary<long, (EventRow, EpcisEvent)>();
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            foreach (var r in await db.Events.Where(e => chunk.Contains(e.Id))
                         .Select(e => new EventRow(e.Id, e.OwnerId, e.EventId, e.HasErrorDeclaration, e.Json, e.RecordTime)).ToListAsync(ct))
                result[r.Id] = (r, StoredEventFormat.Deserialize(r.Json));
        }
        return result;
    }
}
