using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Genealogy;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Trace;

/// <summary>
/// Names the nodes of a trace for people: a party GLN becomes its organization's name, a location GLN the place's
/// name, a lot its product's name; anything else its short readable label (<see cref="TraceLabels"/>). Every node
/// gets a name, so no page falls back to a raw identifier. Only names; what the viewer may see was decided by the trace.
/// </summary>
public static class TraceNames
{
    public static async Task<Dictionary<string, (string Name, string? Detail)>> ResolveAsync(VnTraceDbContext db, TraceGraph graph, bool english,
        Microsoft.Extensions.Localization.IStringLocalizer<TraceText> l, CancellationToken ct)
    {
        var glns = new Dictionary<string, string>(StringComparer.Ordinal);
        var gtins = new Dictionary<string, string>(StringComparer.Ordinal);
        // The nodes, and the places and parties the table names from the events, which need not be nodes of their own.
        var identifiers = graph.Nodes.Select(n => n.Id)
            .Concat(graph.Events.SelectMany(e => (string?[])[e.Location, e.FromParty, e.ToParty]).OfType<string>())
            .Distinct(StringComparer.Ordinal).ToList();
        foreach (var id in identifiers)
        {
            if (!id.StartsWith("http", StringComparison.Ordinal) || !DigitalLink.TryParse(id, out var link, out _))
                continue;
            switch (link.PrimaryKey.Ai)
            {
                case "414" or "417" when link.PrimaryKey.Value.Length == 13:
                    glns[id] = link.PrimaryKey.Value;
                    break;
                case "01":
                    gtins[id] = link.PrimaryKey.Value;
                    break;
            }
        }
        var glnValues = glns.Values.Distinct().ToList();
        var gtinValues = gtins.Values.Distinct().ToList();
        var organizations = await db.Organizations.Where(o => o.Gln != null && glnValues.Contains(o.Gln)).Select(o => new { o.Gln, o.Name }).ToListAsync(ct);
        var locations = await db.Locations.IgnoreTenantFilter("a trace names every place on the chain").Where(l => glnValues.Contains(l.Gln)).Select(l => new { l.Gln, l.Name }).ToListAsync(ct);
        var products = await db.ProductNames.Where(p => gtinValues.Contains(p.Gtin)).Select(p => new { p.Gtin, p.NameVi, p.NameEn }).ToListAsync(ct);

        var byGln = organizations.ToDictionary(o => o.Gln!, o => o.Name);
        foreach (var location in locations)
            byGln.TryAdd(location.Gln, location.Name);
        var byGtin = products.ToDictionary(p => p.Gtin, p => english && p.NameEn is { Length: > 0 } ? p.NameEn : p.NameVi);

        var names = new Dictionary<string, (string Name, string? Detail)>(StringComparer.Ordinal);
        foreach (var id in identifiers)
        {
            var label = TraceLabels.Of(id, l);
            if (glns.TryGetValue(id, out var gln) && byGln.TryGetValue(gln, out var place))
                names[id] = (place, label);
            else if (gtins.TryGetValue(id, out var gtin) && byGtin.TryGetValue(gtin, out var product))
                names[id] = (product, label);
            else
                names[id] = (label, null);
        }
        return names;
    }
}
