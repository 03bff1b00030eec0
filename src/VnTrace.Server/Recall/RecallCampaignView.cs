using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Genealogy;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Trace;

namespace VnTrace.Server.Recall;

/// <summary>A lot, unit or container of a recall, named for people.</summary>
/// <param name="Href">Where the reader can look at it (the trace page, or the business's own lot page); null for nowhere.</param>
public sealed record RecallItem(string Identifier, string? ProductName, string? Gtin, string? LotNumber, string? Serial, string? Sscc, string? Href);

/// <summary>A place or a business the goods reached, from the trace as it stands now.</summary>
public sealed record RecallPlace(string Name, string? Gln, decimal? Quantity, string? Uom);

/// <summary>
/// What a campaign page shows to a reader who sees the whole campaign (the authority, the initiator): the recall, the
/// lots named, everything downstream, the places reached and, from the trace as it stands now, the businesses reached
/// that have no account to be notified in.
/// </summary>
public sealed record RecallCampaignView(
    RecallDocument Document,
    IReadOnlyList<RecallItem> Named,
    IReadOnlyList<RecallItem> Downstream,
    int DownstreamTotal,
    IReadOnlyList<RecallPlace> Locations,
    IReadOnlyList<RecallPlace> UnnotifiedParties,
    TraceView? Trace,
    bool TraceTruncated)
{
    /// <summary>Rows of the downstream table on the page (a blend can reach thousands of lots).</summary>
    public const int MaxRows = 200;

    /// <summary>Named lots the page traces again to find places and businesses (each one a forward trace).</summary>
    public const int MaxTraced = 10;

    public int Unacknowledged => Document.Notified - Document.Acknowledged;

    /// <param name="visibility">Whose events the page traces through: the reader's.</param>
    /// <param name="href">Where an identifier links to, for this reader.</param>
    public static async Task<RecallCampaignView> BuildAsync(VnTraceDbContext db, TraceOptions options, RecallDocument document,
        TraceVisibility visibility, Func<string, string?> href, Microsoft.Extensions.Localization.IStringLocalizer<TraceText> traceText, CancellationToken ct)
    {
        var limits = new TraceLimits { MaxNodes = options.MaxNodes, MaxDepth = options.MaxDepth };
        var source = new DatabaseTraceEventSource(db, visibility);
        var graphs = new List<TraceGraph>();
        foreach (var lot in document.Lots.Take(MaxTraced))
            graphs.Add(await GenealogyTracer.TraceAsync(lot, TraceDirection.Forward, TraceWindow.Unbounded, source, limits, ct));

        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var names = new Dictionary<string, (string Name, string? Detail)>(StringComparer.Ordinal);
        foreach (var graph in graphs)
            foreach (var (id, name) in await TraceNames.ResolveAsync(db, graph, english, traceText, ct))
                names[id] = name;

        var notified = document.Notices.Select(n => n.Gln).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var initiatorGln = await db.Organizations.Where(o => o.Id == document.InitiatorId).Select(o => o.Gln).FirstOrDefaultAsync(ct);
        var locations = new Dictionary<string, RecallPlace>(StringComparer.Ordinal);
        var parties = new Dictionary<string, RecallPlace>(StringComparer.Ordinal);
        foreach (var graph in graphs)
        {
            foreach (var node in graph.Nodes.Where(n => n.Kind == TraceNodeKind.Location && n.Depth > 0))
                locations.TryAdd(node.Id, new RecallPlace(NameOf(names, node), GlnOf(node.Id), null, null));
            foreach (var node in graph.Nodes.Where(n => n.Kind == TraceNodeKind.Party))
            {
                var gln = GlnOf(node.Id);
                if (gln is not null && (notified.Contains(gln) || gln == initiatorGln))
                    continue;
                var edges = graph.Edges.Where(e => e.To == node.Id && e.Kind is TraceEdgeKind.Shipped or TraceEdgeKind.Received or TraceEdgeKind.Transferred).ToList();
                if (edges.Count == 0)
                    continue; // a supplier upstream, not a business the goods reached
                var uoms = edges.Select(e => e.Uom).Distinct().ToList();
                var quantity = uoms.Count == 1 && edges.All(e => e.Quantity is not null) ? edges.Sum(e => e.Quantity!.Value) : (decimal?)null;
                parties.TryAdd(node.Id, new RecallPlace(NameOf(names, node), gln, quantity, quantity is null ? null : uoms[0]));
            }
        }

        var shown = document.Downstream.Take(MaxRows).ToList();
        var items = await ItemsAsync(db, [.. document.Lots, .. shown], english, href, ct);
        TraceView? trace = null;
        if (graphs.Count == 1)
            trace = await TraceView.BuildAsync(db, graphs[0], traceText, ct);
        return new RecallCampaignView(document,
            [.. document.Lots.Select(l => items[l])], [.. shown.Select(l => items[l])], document.Downstream.Length,
            [.. locations.Values.OrderBy(p => p.Name, StringComparer.CurrentCulture)],
            [.. parties.Values.OrderBy(p => p.Name, StringComparer.CurrentCulture)],
            trace, graphs.Any(g => g.Truncated));
    }

    /// <summary>Each identifier with its product's name (by GTIN) and its lot number, serial or SSCC.</summary>
    public static async Task<Dictionary<string, RecallItem>> ItemsAsync(VnTraceDbContext db, IReadOnlyCollection<string> identifiers, bool english,
        Func<string, string?> href, CancellationToken ct)
    {
        var links = identifiers.Distinct(StringComparer.Ordinal)
            .Select(id => (Id: id, Link: DigitalLink.TryParse(id, out var link, out _) ? link : null)).ToList();
        var gtins = links.Where(l => l.Link?.PrimaryKey.Ai == "01").Select(l => l.Link!.PrimaryKey.Value).Distinct().ToList();
        var products = (await db.ProductNames.Where(p => gtins.Contains(p.Gtin)).Select(p => new { p.Gtin, p.NameVi, p.NameEn }).ToListAsync(ct))
            .DistinctBy(p => p.Gtin).ToDictionary(p => p.Gtin, p => english && !string.IsNullOrWhiteSpace(p.NameEn) ? p.NameEn : p.NameVi);
        return links.ToDictionary(l => l.Id, l =>
        {
            var key = l.Link?.PrimaryKey;
            string? Qualifier(string ai) => l.Link?.Qualifiers.FirstOrDefault(q => q.Ai == ai).Value;
            var gtin = key?.Ai == "01" ? key.Value.Value : null;
            return new RecallItem(l.Id, gtin is not null && products.TryGetValue(gtin, out var name) ? name : null, gtin,
                Qualifier("10"), Qualifier("21"), key?.Ai == "00" ? key.Value.Value : null, href(l.Id));
        }, StringComparer.Ordinal);
    }

    private static string NameOf(Dictionary<string, (string Name, string? Detail)> names, TraceNode node) =>
        names.TryGetValue(node.Id, out var n) ? n.Name : node.Label;

    private static string? GlnOf(string id) => DigitalLink.TryGetGln(id, out var gln) ? gln.ToString() : null;
}
