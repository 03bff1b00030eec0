using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Trace;

namespace VnTrace.Server.Recall;

/// <summary>What a business may look at in a recall: its own lots (linked to its lot pages) among the codes.</summary>
public static class RecallLinks
{
    /// <summary>The business's own lot page for each identifier that is one of its lots (GTIN + lot number).</summary>
    public static async Task<Func<string, string?>> OwnLotsAsync(VnTraceDbContext db, Guid organizationId, IEnumerable<string> identifiers, CancellationToken ct)
    {
        var wanted = new Dictionary<(string Gtin, string Lot), string>();
        foreach (var id in identifiers)
            if (DigitalLink.TryParse(id, out var link, out _) && link.PrimaryKey.Ai == "01" && link.Qualifiers.FirstOrDefault(q => q.Ai == "10") is { Value: { } lot })
                wanted.TryAdd((link.PrimaryKey.Value, lot), id);
        var gtins = wanted.Keys.Select(k => k.Gtin).Distinct().ToList();
        var lots = gtins.Count == 0 ? [] : await db.Lots.Where(l => l.OrganizationId == organizationId && gtins.Contains(l.Gtin))
            .Select(l => new { l.Id, l.Gtin, l.LotNumber }).ToListAsync(ct);
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var l in lots)
            if (wanted.TryGetValue((l.Gtin, l.LotNumber), out var id))
                links.TryAdd(id, $"/workspace/lots/{l.Id}");
        return id => links.GetValueOrDefault(id);
    }

    /// <summary>
    /// The campaign's recalled and downstream codes that appear in events this business may see: its lots affected,
    /// told to a business that got a notice without showing it the rest of the chain.
    /// </summary>
    public static async Task<List<string>> AffectedAsync(VnTraceDbContext db, Guid campaignId, TraceVisibility visibility, int max, CancellationToken ct)
    {
        var visible = visibility.Filter(db, db.Events).Select(e => e.Id);
        return await db.RecallLots
            .Where(l => l.CampaignId == campaignId && db.EventIdentifiers.Any(i => i.Value == l.Identifier && visible.Contains(i.TraceabilityEventId)))
            .OrderBy(l => l.Identifier).Select(l => l.Identifier).Take(max).ToListAsync(ct);
    }
}
