using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Lookup.Reports;
using VnTrace.Server.Platform.Text;

namespace VnTrace.Server.Lookup.Scans;

public sealed record CodeScans(string Identifier, string? Gtin, string? LotNumber, string? ProductName, int Scans, DateTime LastScan);

public sealed record DayScans(DateOnly Day, int Scans);

public sealed record BusinessScans(Guid OrganizationId, string Name, int Scans);

public sealed record ReportRow(DateTime CreatedAt, string Identifier, string? Business, ProblemCategory Category, string Message, string? Contact);

/// <summary>What the scan statistics pages show for one window of days.</summary>
public sealed record ScanSummary(DateTime From, int Scans, int Codes, IReadOnlyList<DayScans> Days, IReadOnlyList<CodeScans> TopCodes,
    IReadOnlyList<CodeScans> NeverIssued, IReadOnlyList<CodeScans> Suspicious, IReadOnlyList<CodeScans> Unknown,
    IReadOnlyList<BusinessScans> Businesses, IReadOnlyList<ReportRow> Reports);

/// <summary>
/// Scan statistics for a business's own codes (<c>organizationId</c>) or, for the authority, for all codes: counts
/// by day and by code, serials never issued, serials that break the copied-label rule, unknown codes, and the
/// problem reports.
/// </summary>
public sealed class ScanStatistics(VnTraceDbContext db, LookupOptions options)
{
    private const int Rows = 50;

    public async Task<ScanSummary> ForAsync(Guid? organizationId, DateTime from, CancellationToken ct)
    {
        var scans = (organizationId is { } org
            ? db.Scans.Where(s => s.OrganizationId == org)
            : db.Scans.IgnoreTenantFilter("the authority's statistics cover every business's codes and the unknown ones"))
            .Where(s => s.ScannedAt >= from);

        var total = await scans.CountAsync(ct);
        var codes = await scans.Select(s => s.Identifier).Distinct().CountAsync(ct);
        // Days in Viet Nam's calendar; grouping in memory keeps the SQL the same on both databases.
        var times = await scans.OrderByDescending(s => s.ScannedAt).Take(100_000).Select(s => s.ScannedAt).ToListAsync(ct);
        var days = times.GroupBy(VietnamTime.DateOf).Select(g => new DayScans(g.Key, g.Count())).OrderByDescending(d => d.Day).ToList();

        var top = await Grouped(scans, ct);
        var neverIssued = await Grouped(scans.Where(s => s.Serial != null && s.OrganizationId != null
            && !db.IssuedSerials.Any(i => i.Gtin == s.Gtin && i.Serial == s.Serial)
            && !db.EventIdentifiers.Any(e => e.Value == s.Identifier)), ct);
        var unknown = organizationId is null ? await Grouped(scans.Where(s => s.OrganizationId == null), ct) : [];

        // The copied-label rule over the window, counted as the verdict counts (Authenticity): too many viewers — an
        // address is one viewer a day, a scan without one counts by its browser — or viewers in too many places.
        var rule = options.Authenticity;
        var windowFrom = DateTime.UtcNow.AddHours(-rule.WindowHours);
        var serialScans = scans.Where(s => s.Serial != null && s.ScannedAt >= windowFrom);
        var often = await serialScans.GroupBy(s => s.Identifier)
            .Where(g => g.Select(s => s.AddressHash ?? s.UserAgentHash).Distinct().Count() > rule.MaxScansInWindow)
            .Select(g => g.Key).Take(Rows).ToListAsync(ct);
        var located = await serialScans.Where(s => s.Latitude != null && s.Longitude != null)
            .OrderByDescending(s => s.ScannedAt).Take(20_000)
            .Select(s => new { s.Identifier, Viewer = s.AddressHash ?? s.UserAgentHash, s.Latitude, s.Longitude }).ToListAsync(ct);
        var size = rule.PlaceCellDegrees > 0 ? rule.PlaceCellDegrees : 0.1;
        var spread = located.GroupBy(s => s.Identifier)
            .Where(g => g.DistinctBy(s => s.Viewer)
                .Select(s => (Math.Floor(s.Latitude!.Value / size), Math.Floor(s.Longitude!.Value / size))).Distinct().Count() > rule.MaxPlacesInWindow)
            .Select(g => g.Key);
        var suspiciousIds = often.Union(spread).Take(Rows).ToList();
        var suspicious = await Grouped(scans.Where(s => suspiciousIds.Contains(s.Identifier)), ct);

        List<BusinessScans> businesses = [];
        if (organizationId is null)
        {
            var counts = await scans.Where(s => s.OrganizationId != null).GroupBy(s => s.OrganizationId!.Value)
                .Select(g => new { Id = g.Key, Scans = g.Count() }).OrderByDescending(g => g.Scans).Take(Rows).ToListAsync(ct);
            var ids = counts.Select(c => c.Id).ToList();
            var names = await db.Organizations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            businesses = [.. counts.Select(c => new BusinessScans(c.Id, names.GetValueOrDefault(c.Id, "?"), c.Scans))];
        }

        var reports = (organizationId is { } owner
            ? db.ProblemReports.Where(r => r.OrganizationId == owner)
            : db.ProblemReports.IgnoreTenantFilter("the authority reads every consumer's reports"))
            .Where(r => r.CreatedAt >= from);
        var reportRows = await reports.OrderByDescending(r => r.CreatedAt).Take(Rows)
            .Select(r => new ReportRow(r.CreatedAt, r.Identifier, db.Organizations.Where(o => o.Id == r.OrganizationId).Select(o => o.Name).FirstOrDefault(),
                r.Category, r.Message, r.Contact))
            .ToListAsync(ct);
        return new ScanSummary(from, total, codes, days, top, neverIssued, suspicious, unknown, businesses, reportRows);
    }

    private async Task<List<CodeScans>> Grouped(IQueryable<Scan> scans, CancellationToken ct)
    {
        var rows = await scans.GroupBy(s => new { s.Identifier, s.Gtin, s.LotNumber })
            .Select(g => new { g.Key.Identifier, g.Key.Gtin, g.Key.LotNumber, Scans = g.Count(), Last = g.Max(s => s.ScannedAt) })
            .OrderByDescending(g => g.Scans).ThenBy(g => g.Identifier).Take(Rows).ToListAsync(ct);
        var gtins = rows.Where(r => r.Gtin != null).Select(r => r.Gtin!).Distinct().ToList();
        var names = await db.ProductNames.Where(p => gtins.Contains(p.Gtin)).ToDictionaryAsync(p => p.Gtin, p => p.NameVi, ct);
        return [.. rows.Select(r => new CodeScans(r.Identifier, r.Gtin, r.LotNumber, r.Gtin is null ? null : names.GetValueOrDefault(r.Gtin), r.Scans, r.Last))];
    }
}
