using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Gs1Allocation;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Products;

/// <summary>Why no GTIN could be allocated.</summary>
public enum GtinClaimError
{
    /// <summary>The business has neither a GS1 company prefix of its own nor an allocated one yet.</summary>
    NoCompanyPrefix,
    /// <summary>Every item reference of the company prefix is used.</summary>
    RangeExhausted,
}

/// <summary>The GTINs a claim produced, or why it could not.</summary>
public sealed record GtinClaim(IReadOnlyList<Gtin> Gtins, GtinClaimError? Error, string? CompanyPrefix);

/// <summary>
/// Allocates GTIN-13s (held as GTIN-14) from a business's company prefix — its own, else the one allocated from the
/// province's range — numbering items with <c>Organization.NextGtinReference</c>. The counter is raised with one
/// UPDATE (<c>NextGtinReference = NextGtinReference + n</c>) and read back inside the caller's transaction: the row
/// stays locked until that transaction ends, so parallel claims get distinct numbers on PostgreSQL, and a claim
/// whose save fails rolls back with it, leaving no gap. A GTIN some product already holds (a business may have typed
/// one from its own range) is skipped.
/// </summary>
public sealed class GtinAllocator(VnTraceDbContext db)
{
    /// <summary>Claims <paramref name="count"/> unused GTINs; <paramref name="alsoTaken"/> are GTINs the caller is about to store.</summary>
    /// <exception cref="InvalidOperationException">When called outside a transaction.</exception>
    public async Task<GtinClaim> ClaimAsync(Guid organizationId, int count, IReadOnlySet<string>? alsoTaken = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("GTINs are claimed inside the transaction that stores them.");
        var organization = await db.Organizations.Where(o => o.Id == organizationId)
            .Select(o => new { o.Gs1CompanyPrefix, o.AllocatedCompanyPrefix }).SingleAsync(ct);
        var prefixText = organization.Gs1CompanyPrefix ?? organization.AllocatedCompanyPrefix;
        if (prefixText is null || !CompanyPrefix.TryParse(prefixText, out var prefix, out _))
            return new GtinClaim([], GtinClaimError.NoCompanyPrefix, prefixText);
        var gtins = new List<Gtin>(count);
        while (gtins.Count < count)
        {
            var need = count - gtins.Count;
            await db.Organizations.Where(o => o.Id == organizationId)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.NextGtinReference, o => o.NextGtinReference + need), ct);
            var next = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.NextGtinReference).SingleAsync(ct);
            var candidates = new List<Gtin>(need);
            for (long number = next - need; number < next; number++)
            {
                if (!Gs1Allocator.TryGtin(prefix, number, out var gtin, out _))
                    return new GtinClaim([], GtinClaimError.RangeExhausted, prefix.Digits);
                candidates.Add(gtin);
            }
            var taken = await TakenAsync([.. candidates.Select(g => g.ToString())], ct);
            gtins.AddRange(candidates.Where(g => !taken.Contains(g.ToString()) && alsoTaken?.Contains(g.ToString()) != true));
        }
        return new GtinClaim(gtins, null, prefix.Digits);
    }

    /// <summary>Which of <paramref name="gtins"/> (14 digits) some product or lot in the system already holds.</summary>
    public async Task<HashSet<string>> TakenAsync(IReadOnlyCollection<string> gtins, CancellationToken ct = default)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in gtins.Distinct().Chunk(500))
        {
            taken.UnionWith(await db.Products.IgnoreTenantFilter("a GTIN is unique across all organizations").Where(p => chunk.Contains(p.Gtin)).Select(p => p.Gtin).ToListAsync(ct));
            taken.UnionWith(await db.Lots.IgnoreTenantFilter("a GTIN some lot already carries is taken, whoever's lot").Where(l => chunk.Contains(l.Gtin)).Select(l => l.Gtin).Distinct().ToListAsync(ct));
        }
        return taken;
    }

    /// <summary>True when the GTIN was formed from <paramref name="companyPrefix"/> (after its indicator digit).</summary>
    public static bool IsUnderPrefix(Gtin gtin, string? companyPrefix) =>
        companyPrefix is { Length: > 0 } && gtin.ToString().AsSpan(1).StartsWith(companyPrefix, StringComparison.Ordinal);
}
